"""Trat Desktop: the Trat province ethics-promotion action plan, offline."""

__version__ = "0.1.0"
APP_NAME = "Trat Desktop"
