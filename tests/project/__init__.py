"""Tests, by what they test: see tests/README.md."""
