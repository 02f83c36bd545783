"""Agreement between coders: a blind sample coded again by a second coder, the figures and the disagreements,
and their screens."""
