"""De-identification of open answers and quotes, and how well it works."""
