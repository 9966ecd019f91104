"""Figures derived from a case record: the timeline's days, pain change from baseline.

Pure functions over the model; no I/O, no UI. Every figure is derived from what the
report states and says so when it cannot be derived, rather than guessing.
"""
