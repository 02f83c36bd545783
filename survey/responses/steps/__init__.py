"""The respondent's way through the questions: the order of the screens, the step pages with the check page and
"stop and continue later", and each answer saved as it is given."""
