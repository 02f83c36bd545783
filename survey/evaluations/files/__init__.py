"""The report's files: publishing (draft once more, freeze, render), the HTML and PDF, the Word file, the Excel
appendix and the plain text they share.
"""
