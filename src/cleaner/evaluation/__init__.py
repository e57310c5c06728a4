"""Benchmark scoring: the metrics of the dev benchmarks (the library never imports this)."""
