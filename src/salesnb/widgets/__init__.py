"""Widgets for live workshops; each has a plain-parameter twin for batch runs."""
