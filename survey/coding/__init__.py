"""Coding open answers: scrubbing, codebooks and themes, codes with provenance, the machine's suggestions
(themes, sentiment, kind of remark), agreement between coders."""
