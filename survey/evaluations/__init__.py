"""The tussenevaluatie: programme progress and survey results combined into one report per period."""
