# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=False
"""The compiled hot path (built from this file by the package's build; see cleaner.native).

Every function here computes exactly what its pure-Python reference computes, and the
equality tests (tests/test_native.py) hold both paths to the same output byte for byte:

- characters are classified with the same predicates the reference's patterns use: for the
  ``re`` module's ``\\w``, ``\\d`` and ``\\s`` CPython's own ``Py_UNICODE_IS*`` (what ``re``
  calls), and for the ``regex`` module's properties the ``regex`` pattern itself, asked
  once per character and remembered (`_RegexClass`);
- scores are IEEE-754 doubles summed in the reference's order, one operation at a time
  (the build turns off fused multiply-add contraction), so each sum rounds as in Python.
"""

from libc.math cimport log1p, sqrt
from libc.stdlib cimport calloc, free, malloc
from cpython.unicode cimport (
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISPRINTABLE,
    Py_UNICODE_ISSPACE,
    Py_UNICODE_ISTITLE,
    Py_UNICODE_ISUPPER,
)

# cleaner.native uses this build only when its VERSION is this one.
VERSION = 3

include "_native_chars.pxi"
include "_native_features.pxi"
include "_native_classify.pxi"
include "_native_lines.pxi"
