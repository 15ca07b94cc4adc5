"""scorecard: plain-language scorecards for outsourced IT providers."""

__version__ = "0.1.0"
