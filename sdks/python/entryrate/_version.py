"""The SDK's version: the wheel's metadata and the User-Agent both read it from here."""

__version__ = "0.9.0"
