"""The monitor: indicators and their measured values per data-uitvraag, the template file, uploads with their
problems in Dutch, conflicting figures, and the routes.
"""
