"""Files in and out: the guarded upload reader, spreadsheets, contact and data-uitvraag files, and
spreadsheet-safe export cells."""
