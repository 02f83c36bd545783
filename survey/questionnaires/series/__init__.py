"""Series of rounds (*reeksen van metingen*): continuing a series, and linking a round to an earlier one afterwards."""
