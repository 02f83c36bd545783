"""What an invitee reads: the built-in texts per language and form of address (texts), the survey's own or
the built-in text with its placeholders filled in (placeholders), and one invitee's invitation, reminder or
letter with its language and opt-out link (composing)."""
