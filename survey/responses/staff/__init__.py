"""Staff pages on the respondent's blueprint: the preview of a draft and the interviewer's entry."""
