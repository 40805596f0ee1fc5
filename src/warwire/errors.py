"""Exceptions with a one-line message meant for the user."""


class WarwireError(Exception):
    """Base class of warwire's own errors."""


class InputError(WarwireError):
    """The input cannot be read as an article (empty, binary, too large, unreachable, ...)."""


class FetchRefused(InputError):
    """The URL points at an address warwire will not contact (private, loopback, ...)."""


class DataError(WarwireError):
    """A knowledge or gazetteer data file is missing or malformed."""
