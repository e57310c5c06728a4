"""Benchmark metrics for cleaners and extractors; the library itself never imports this."""
