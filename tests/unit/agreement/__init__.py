"""Agreement among reviewers: statistics, alignment, consensus."""
