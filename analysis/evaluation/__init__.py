"""The tussenevaluatie: themes and statements, meeting notes split into statements, and the evaluator's quote review."""
