"""The read-only API for Power BI, R and Excel: its routes, payload and errors, the OpenAPI description, the OData
feed, and the API tokens.
"""
