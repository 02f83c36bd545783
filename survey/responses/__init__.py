"""The respondent's way through a survey and the storage of answers (public blueprint)."""
