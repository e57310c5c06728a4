# Splitting into normalised lines (reference: cleaner/text/lines.py). Included by _native.pyx.
