"""The results pages of a round: routes, the page assembled from the loaded round, the numbers of one view, filters
and breakdowns, sections, open answers, response, trends and the factsheet.
"""
