"""geomap: places, dates and evidence from German news, on a time-filtered map."""

__version__ = "0.1.0"
