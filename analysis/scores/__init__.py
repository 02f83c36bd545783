"""Answers to figures: the tidy frames, scales, Dutch numbers, item scores, grades, breakdowns, trends,
response and the full results set of a round."""
