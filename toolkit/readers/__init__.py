"""Stage package (being built)."""
