"""Server-rendered SVG charts: bars with their data tables, the target chart, and their shared style."""
