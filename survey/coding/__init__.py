"""Coding open answers: codebooks, themes, codes with provenance, sentiment, kind of remark, agreement."""
