"""factcheck: check numbers and claim strength in Chinese science articles against the cited papers."""

__version__ = "0.1.0"
