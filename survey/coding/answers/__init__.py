"""Coding the answers of an open question: the coding rows and rule codes, finding and filtering answers,
a coder's decisions, and the coding screens."""
