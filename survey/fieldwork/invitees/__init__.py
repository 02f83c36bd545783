"""The invitees of a round: importing them from a contact file, tracking the response from the participation
ledger, and their routes (views): import, stopping mail to an address, tracking as a page and a CSV file, and
the public page where an invitee stops mail about a survey."""
