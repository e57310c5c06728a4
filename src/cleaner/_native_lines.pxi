# Splitting into normalised lines (reference: segment() and raw_lines() in
# cleaner/text/lines.py). Included by _native.pyx.


cdef inline Py_ssize_t _break_width(int kind, void *data, Py_ssize_t i, Py_ssize_t n) noexcept:
    # LINE_BREAK of cleaner.text.normalize at i: \r\n or one of \n\r\x0b\x0c\x1c\x1d\x1e\x85
    # \u2028\u2029 (the boundaries of str.splitlines()); 0 when no line break starts there
    cdef Py_UCS4 ch = _READ(kind, data, i)
    if ch == u'\n':
        return 1
    if ch == u'\r':
        return 2 if i + 1 < n and _READ(kind, data, i + 1) == u'\n' else 1
    if (ch == u'\x0b' or ch == u'\x0c' or ch == u'\x1c' or ch == u'\x1d' or ch == u'\x1e'
            or ch == u'\x85' or ch == u'\u2028' or ch == u'\u2029'):
        return 1
    return 0


cdef inline bint _printable(Py_UCS4 ch) noexcept:
    # str.isprintable() of one character
    if ch < 128:
        return 0x20 <= ch < 0x7f
    return Py_UNICODE_ISPRINTABLE(ch)


cdef bint _plain_span(int kind, void *data, Py_ssize_t lo, Py_ssize_t hi) noexcept:
    # _plain() of cleaner.text.lines on source[lo:hi]: printable, no run of spaces
    cdef Py_ssize_t i
    cdef Py_UCS4 ch, prev = 0
    for i in range(lo, hi):
        ch = _READ(kind, data, i)
        if not _printable(ch) or (ch == u' ' and prev == u' '):
            return False
        prev = ch
    return True


cdef object _new_line(object line_type, Py_ssize_t index, str text, str key, Py_ssize_t start,
                      Py_ssize_t end, Py_ssize_t indent):
    # Line(index, text, key, start, end, indent), its slots set as its __init__ sets them
    line = line_type.__new__(line_type)
    line.index = index
    line.text = text
    line.key = key
    line.start = start
    line.end = end
    line.indent = indent
    return line


def segment(str source, object line_type, object list_marker, object normalize_line,
            bint nfc):
    """segment() of cleaner.text.lines: ``source`` split into normalised ``line_type``
    objects that keep their input offsets; ``nfc`` says whether ``source`` is NFC."""
    cdef int kind = _KIND(source)
    cdef void *data = _DATA(source)
    cdef Py_ssize_t n = len(source), pos = 0, brk, width, index = 0, lo, hi, lead, end
    cdef list lines = []
    cdef str raw, text, key, spaced
    while True:
        brk = pos
        width = 0
        while brk < n:
            width = _break_width(kind, data, brk, n)
            if width:
                break
            brk += 1
        lo = pos
        while lo < brk and _READ(kind, data, lo) == u' ':
            lo += 1
        hi = brk
        while hi > lo and _READ(kind, data, hi - 1) == u' ':
            hi -= 1
        if nfc and _plain_span(kind, data, lo, hi):
            # Nothing to normalise but the line's edges.
            text = source[lo:hi]
            lead = lo - pos
            end = hi
        else:
            raw = source[pos:brk]
            text = raw.strip(" ")
            if nfc and "\xa0" in text and _plain_str(spaced := text.replace("\xa0", " ").strip(" ")):
                text = spaced
            else:
                text = normalize_line(raw)
            lead = 0
            while pos + lead < brk and Py_UNICODE_ISSPACE(_READ(kind, data, pos + lead)):
                lead += 1
            end = brk
            while end > pos and Py_UNICODE_ISSPACE(_READ(kind, data, end - 1)):
                end -= 1
        if not text:
            lines.append(_new_line(line_type, index, text, text, pos, pos, 0))
        else:
            key = text if _alnum(text[0]) else list_marker.sub("", text, count=1)
            lines.append(_new_line(line_type, index, text, key, pos + lead, end, lead))
        index += 1
        if brk >= n:
            return lines
        pos = brk + width


cdef bint _plain_str(str text):
    return _plain_span(_KIND(text), _DATA(text), 0, len(text))
