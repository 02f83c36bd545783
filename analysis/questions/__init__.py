"""Question text: the taalcheck (readability) and whether a question's wording changed."""
