"""Text primitives: normalising, splitting into lines, and reading a line's shape."""
