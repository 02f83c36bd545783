"""The programme side: programme, projects, actielijnen, indicators, measurements, progress, notes."""
