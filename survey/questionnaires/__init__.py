"""Questionnaires: surveys, frozen versions with stable item codes, the question-type registry."""
