"""The review screen and its pane registry."""
