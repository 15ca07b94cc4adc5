"""The pipeline: one build, top to bottom (``build``): load, validate, score,
plan, render, publish.

May import every stage below it; only ``scorecard.cli`` imports it.
"""
