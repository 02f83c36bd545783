"""Staff users, their roles per region, and the regions (tenants) that own all data."""
