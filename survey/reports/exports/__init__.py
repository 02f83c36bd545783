"""Downloads of a round's responses: the export view, the service that plans, audits and starts an export
(with the SPSS and Stata writers), the plan and its records, and the CSV/Excel and R writers.
"""
