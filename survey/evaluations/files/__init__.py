"""The report's files: the HTML and PDF, the Word file and the Excel appendix and publishing them (``outputs``),
and the plain text they share.
"""
