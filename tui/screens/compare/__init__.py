"""The compare screen: several reviewers\x27 reviews of one case side by side, agreement, consensus."""
