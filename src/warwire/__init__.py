"""warwire: read war reporting, record what happened, where, who did it, and who says so."""

__version__ = "0.1.0"
