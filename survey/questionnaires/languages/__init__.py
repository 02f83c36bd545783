"""Languages of a questionnaire: names and scripts, missing translations, and the side-by-side translation page."""
