"""Drafting a report: what it needs read once (context, sources), the report as one dict, its programme sections,
projects and scores.
"""
