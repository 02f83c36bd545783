"""What a respondent's screen shows: the question screens (shared with the staff preview and interviewer entry),
their HTML drawn once per process, piped texts, the address form (u or je) and telephone links."""
