"""case-review: review published clinical case reports from the terminal."""

__version__ = "0.1.0"
