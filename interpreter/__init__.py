"""broscript: a Python implementation of the Bro 2.6 script language."""

__version__ = "0.1.0"
