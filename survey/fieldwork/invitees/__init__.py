"""The invitees of a round: importing them from a contact file, tracking the response from the participation
ledger, and the public page where an invitee stops mail about a survey (views)."""
