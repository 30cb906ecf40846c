"""Models of the editorial workflow app (calendar exceptions, approval tasks) live here."""
