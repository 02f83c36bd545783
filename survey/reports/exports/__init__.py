"""Downloads of a round's responses: the export views, the plan and audit entry, the codebook, the rows, and one
writer per format (CSV and Excel, SPSS, Stata, R).
"""
