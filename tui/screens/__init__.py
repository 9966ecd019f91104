"""Screens: one module a screen."""
