"""Scrubbing open answers before anyone codes them: deduce plus the region's own list of names, and the
screen of that list."""
