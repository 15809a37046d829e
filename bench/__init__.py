"""Benchmarks: programs that print throughput and memory, not timed tests."""
