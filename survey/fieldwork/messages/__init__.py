"""What an invitee reads and its sending: the built-in texts per language and form of address (texts), the
survey's own or the built-in text with its placeholders filled in (placeholders), one invitee's invitation,
reminder or letter with its language and opt-out link (composing), and the round page's routes for the texts,
sending invitations and reminders (views)."""
