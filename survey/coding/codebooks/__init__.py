"""Codebooks and their themes: which codebook codes a question, editing themes, codebooks to and from files,
and their screens."""
