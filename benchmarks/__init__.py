"""Benchmarks, run by hand: synthetic knowledge bases, a question mix and the measurements.

`python -m benchmarks.generate` writes a synthetic data directory; `python -m benchmarks.run`
generates what it needs and measures everything. See docs/benchmarks.md.
"""
