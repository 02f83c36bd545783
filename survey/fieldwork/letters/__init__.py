"""Printed letters: one A4 page per invitee with a QR code and short code, the batch to download, and its
screens (download, delete, make again with new codes)."""
