"""Constants and small helpers shared by tests."""

TEST_PASSWORD = "correct horse battery staple"  # noqa: S105 - test credential
