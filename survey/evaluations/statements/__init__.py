"""Statements for the report: pasted meeting notes split and scrubbed, and the evaluator's quote review with its
pages.
"""
