"""Widgets: one module a widget. They receive models, never open files."""
