"""Drafting a report: the chosen surveys read (``sources``), what the report reads once (``context``), the report
as one dict (``report``) with its scores per actielijn (``scores``), and its sections and projects (``sections``).
"""
