"""Drafting a report: what it reads once (``context``), the report as one dict with its scores (``report``),
and its sections and projects (``sections``).
"""
