"""File plumbing for the command line: atomic output files, gzip, interrupts."""

from .atomic import AtomicFile, temp_name_pattern
from .interrupts import Interrupted, installed, protected
from .streams import GZIP_MAGIC, TooLarge, is_gzip_name, open_binary_input, read_limited

__all__ = [
    "GZIP_MAGIC",
    "AtomicFile",
    "Interrupted",
    "TooLarge",
    "installed",
    "is_gzip_name",
    "open_binary_input",
    "protected",
    "read_limited",
    "temp_name_pattern",
]
