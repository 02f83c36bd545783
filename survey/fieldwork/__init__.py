"""Fieldwork: invitations, personal links, reminders, letters, response tracking and live polls."""
