"""Service Desk: the service counter of a Chery dealership."""

__version__ = "0.1.0"
