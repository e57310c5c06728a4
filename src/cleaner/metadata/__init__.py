"""Turn captured strings into clean metadata values, or None when unsure."""
