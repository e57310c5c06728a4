# The classifier's features and sequence step (reference: features.py and sequence.py of
# cleaner/pipeline/classify/). Included by _native.pyx.


cdef inline bint _is_closer(Py_UCS4 ch) noexcept:
    # CLOSERS = "\"'”’»)]"
    return ch == u'"' or ch == u"'" or ch == u'”' or ch == u'’' or ch == u'»' or ch == u')' or ch == u']'


cdef inline bint _is_sentence_mark(Py_UCS4 ch) noexcept:
    # SENTENCE_MARKS = ".!?…:;。！？"
    return (ch == u'.' or ch == u'!' or ch == u'?' or ch == u'…' or ch == u':' or ch == u';'
            or ch == u'。' or ch == u'！' or ch == u'？')


cdef inline bint _is_word(Py_UCS4 ch) noexcept:
    # re's \w
    return _alnum(ch) or ch == u'_'


cdef Py_ssize_t _link_separators(int kind, void *data, Py_ssize_t n) noexcept:
    # len(LINK_SEPARATORS.findall(head)): " (?:\||•|·|/|::|»|›) ", leftmost, not overlapping
    cdef Py_ssize_t i = 0, count = 0, width
    cdef Py_UCS4 ch
    while i + 2 < n:
        if _READ(kind, data, i) == u' ':
            ch = _READ(kind, data, i + 1)
            width = 0
            if ch == u'|' or ch == u'•' or ch == u'·' or ch == u'/' or ch == u'»' or ch == u'›':
                width = 1
            elif ch == u':' and i + 3 < n and _READ(kind, data, i + 2) == u':':
                width = 2
            if width and i + width + 1 < n and _READ(kind, data, i + width + 1) == u' ':
                count += 1
                i += width + 2
                continue
        i += 1
    return count


cdef bint _web_mark(int kind, void *data, Py_ssize_t n) noexcept:
    # WEB_MARK.search(head): http|www\.|@|\.(?:com|org|net)\b
    cdef Py_ssize_t i
    cdef Py_UCS4 ch
    for i in range(n):
        ch = _READ(kind, data, i)
        if ch == u'@':
            return True
        if ch == u'h' and i + 3 < n and _READ(kind, data, i + 1) == u't' and _READ(kind, data, i + 2) == u't' and _READ(kind, data, i + 3) == u'p':
            return True
        if ch == u'w' and i + 3 < n and _READ(kind, data, i + 1) == u'w' and _READ(kind, data, i + 2) == u'w' and _READ(kind, data, i + 3) == u'.':
            return True
        if ch == u'.' and i + 3 < n:
            if ((_READ(kind, data, i + 1) == u'c' and _READ(kind, data, i + 2) == u'o' and _READ(kind, data, i + 3) == u'm')
                    or (_READ(kind, data, i + 1) == u'o' and _READ(kind, data, i + 2) == u'r' and _READ(kind, data, i + 3) == u'g')
                    or (_READ(kind, data, i + 1) == u'n' and _READ(kind, data, i + 2) == u'e' and _READ(kind, data, i + 3) == u't')):
                if i + 4 == n or not _is_word(_READ(kind, data, i + 4)):
                    return True
    return False


cdef bint _numbered(int kind, void *data, Py_ssize_t n) noexcept:
    # NUMBERED.match(text): \d{1,3}[.)] (re's \d)
    cdef Py_ssize_t k = 0
    while k < n and k < 4 and _decimal(_READ(kind, data, k)):
        k += 1
    if k < 1 or k > 3 or k + 1 >= n:
        return False
    return (_READ(kind, data, k) == u'.' or _READ(kind, data, k) == u')') and _READ(kind, data, k + 1) == u' '


cdef bint _isupper(int kind, void *data, Py_ssize_t n) noexcept:
    # str.isupper(), as CPython computes it
    cdef bint cased = False
    cdef Py_ssize_t i
    cdef Py_UCS4 ch
    for i in range(n):
        ch = _READ(kind, data, i)
        if Py_UNICODE_ISLOWER(ch) or Py_UNICODE_ISTITLE(ch):
            return False
        if not cased and Py_UNICODE_ISUPPER(ch):
            cased = True
    return cased


cdef str _shape_of(str text):
    # DIGITS.sub("0", text.lower()) for lines up to SHAPE_CHARS long
    if len(text) > SHAPE_CHARS:
        return text
    cdef str lowered = text.lower()
    cdef Py_UCS4 ch
    for ch in lowered:
        if _decimal(ch):
            return _F.DIGITS.sub("0", lowered)
    return lowered


cdef int _local_row(str text, Py_ssize_t index, Py_ssize_t count, object label, bint marked,
                    bint repeated, bint shaped, str title, double *row,
                    char *prose, char *labelled, char *comments) except -1:
    cdef Py_ssize_t chars = len(text)
    cdef Py_ssize_t hn = min(chars, SCAN_CHARS)
    cdef str head = text[:SCAN_CHARS] if chars > SCAN_CHARS else text
    cdef Py_ssize_t size = hn if hn else 1
    cdef Py_ssize_t i, nwords = 1, head_words = 1, capitals = 0, digits = 0, symbols = 0
    cdef Py_ssize_t commas = 0, tail_start, tail_end
    cdef Py_UCS4 ch, prev = u' ', last = 0
    cdef bint prev_space = True, sentence, has_last
    cdef int kind = _KIND(text)
    cdef void *data = _DATA(text)
    for i in range(chars):
        ch = _READ(kind, data, i)
        if ch == u' ':
            nwords += 1
    for i in range(hn):
        ch = _READ(kind, data, i)
        if ch == u' ':
            head_words += 1
        elif ch == u',':
            commas += 1
        elif u'0' <= ch <= u'9':
            digits += 1
        if prev_space and _UPPER.test(ch):
            capitals += 1
        prev_space = _SPACE.test(ch)
        if not (_alnum(ch) or ch == u'_' or Py_UNICODE_ISSPACE(ch)):
            symbols += 1
    # tail = text[-6:].rstrip(CLOSERS); last = tail[-1:]
    tail_start = chars - 6 if chars > 6 else 0
    tail_end = chars
    while tail_end > tail_start and _is_closer(_READ(kind, data, tail_end - 1)):
        tail_end -= 1
    has_last = tail_end > tail_start
    if has_last:
        last = _READ(kind, data, tail_end - 1)
    sentence = (chars > 0 and (_READ(kind, data, chars - 1) == u'"' or _READ(kind, data, chars - 1) == u'”'
                               or _READ(kind, data, chars - 1) == u'»')) or (has_last and _is_sentence_mark(last))
    cdef tuple flags = None
    if label is not None:
        category = label.category
        flags = _CATEGORY_FLAGS.get(id(category))
        if flags is None:  # not a Category member: ask as the reference does
            flags = (category in _F.HEADER_CATEGORIES, category in _F.CREDIT_CATEGORIES,
                     category not in _F.OTHER_GROUPS, category is _F.Category.COMMENTS)
    row[0] = log1p(<double>chars)
    row[1] = log1p(<double>nwords)
    row[2] = chars < 30
    row[3] = 30 <= chars < 80
    row[4] = chars >= 150
    row[5] = sentence
    row[6] = has_last and last == u'?'
    row[7] = has_last and last == u':'
    # tail.endswith(("…", "..."))
    row[8] = has_last and (last == u'…' or (tail_end - tail_start >= 3 and last == u'.'
                                             and _READ(kind, data, tail_end - 2) == u'.' and _READ(kind, data, tail_end - 3) == u'.'))
    row[9] = has_last and _alnum(last)
    row[10] = <double>capitals / <double>head_words
    row[11] = hn >= 4 and _isupper(kind, data, hn)
    row[12] = <double>digits / <double>size
    row[13] = <double>symbols / <double>size
    cdef double mean_word = <double>(size - head_words + 1) / <double>head_words
    row[14] = (20.0 if 20.0 < mean_word else mean_word) / 10.0
    cdef double comma_share = <double>commas / <double>nwords
    row[15] = 1.0 if 1.0 < comma_share else comma_share
    row[16] = nwords <= 8 and _F.DATE_MARK.search(head) is not None
    row[17] = _link_separators(kind, data, hn) >= 2
    row[18] = marked
    row[19] = _numbered(kind, data, chars)
    row[20] = chars > 0 and Py_UNICODE_ISLOWER(_READ(kind, data, 0))
    row[21] = _web_mark(kind, data, hn)
    if flags is None:
        row[22] = row[23] = row[24] = 0.0
    else:
        row[22] = flags[0]
        row[23] = flags[1]
        row[24] = flags[2]
    row[25] = repeated
    row[26] = shaped
    row[27] = index > 0 and chars >= 15 and text in title
    row[28] = index == 0
    row[29] = <double>index / <double>count
    is_prose = nwords >= PROSE_WORDS or (sentence and nwords >= PROSE_SENTENCE_WORDS)
    prose[0] = is_prose and label is None
    labelled[0] = label is not None
    comments[0] = flags is not None and flags[3]
    return 0


cdef inline double _mean_around(double *sums, Py_ssize_t index, Py_ssize_t reach,
                                Py_ssize_t count) noexcept:
    cdef Py_ssize_t low = index - reach if index > reach else 0
    cdef Py_ssize_t high = index + reach + 1 if index + reach + 1 < count else count
    if high - low <= 1:
        return 0.0
    return (sums[high] - sums[low] - (sums[index + 1] - sums[index])) / <double>(high - low - 1)


cdef int _context_rows(double *scores, double *lexical, char *prose, char *labelled,
                       char *shaped, char *comments, Py_ssize_t count, double *data) except -1:
    # context_features, written into columns NLOCAL.. of each row of data
    cdef Py_ssize_t n1 = count + 1, i, j, k, first, last, start, part, comments_at = count
    cdef double *word_sums = <double *>malloc(n1 * sizeof(double))
    cdef double *sums = <double *>malloc(n1 * sizeof(double))
    cdef double *means3 = <double *>malloc(count * sizeof(double))
    cdef Py_ssize_t *ints = <Py_ssize_t *>calloc(6 * n1, sizeof(Py_ssize_t))
    if word_sums == NULL or sums == NULL or means3 == NULL or ints == NULL:
        free(word_sums); free(sums); free(means3); free(ints)
        raise MemoryError()
    cdef Py_ssize_t *prose_sums = ints
    cdef Py_ssize_t *shape_sums = ints + n1
    cdef Py_ssize_t *rule_sums = ints + 2 * n1
    cdef Py_ssize_t *gaps = ints + 3 * n1
    cdef Py_ssize_t *runs = ints + 4 * n1
    cdef Py_ssize_t *parts = ints + 5 * n1
    cdef double best_score, best_mean3, offset, total, best_total, low_value, value
    cdef double prose_share, rule_share, log_lines, before, after
    cdef Py_ssize_t total_prose, low5, high5, low3, high3, lastp, rules_gap
    cdef bint gap, inside
    cdef double *row
    word_sums[0] = 0.0
    sums[0] = 0.0
    prose_sums[0] = shape_sums[0] = rule_sums[0] = 0
    for i in range(count):
        word_sums[i + 1] = word_sums[i] + lexical[i]
        sums[i + 1] = sums[i] + scores[i]
        prose_sums[i + 1] = prose_sums[i] + prose[i]
        shape_sums[i + 1] = shape_sums[i] + shaped[i]
        rule_sums[i + 1] = rule_sums[i] + labelled[i]
        if comments[i] and comments_at == count:
            comments_at = i
    total_prose = prose_sums[count]
    prose_share = <double>total_prose / <double>count
    rule_share = <double>rule_sums[count] / <double>count
    log_lines = log1p(<double>count)
    # _gaps_to_prose
    lastp = -count
    for i in range(count):
        if prose[i]:
            lastp = i
        gaps[i] = i - lastp if i - lastp < count else count
    lastp = 2 * count
    for i in range(count - 1, -1, -1):
        if prose[i]:
            lastp = i
        if lastp - i < gaps[i]:
            gaps[i] = lastp - i
    # _junk_runs
    start = 0
    for i in range(count + 1):
        if i == count or prose[i]:
            for k in range(start, i):
                runs[k] = i - start
            start = i + 1
    for i in range(count):
        means3[i] = _mean_around(sums, i, 3, count)
    best_score = scores[0]
    best_mean3 = means3[0]
    for i in range(1, count):
        if scores[i] > best_score:
            best_score = scores[i]
        if means3[i] > best_mean3:
            best_mean3 = means3[i]
    # _best_run
    value = best_score - 1.0
    offset = value if value < 0.0 else 0.0
    first = last = 0
    best_total = float("-inf")
    start = 0
    total = 0.0
    for i in range(count):
        if total <= 0:
            start = i
            total = 0.0
        total += scores[i] - offset
        if total > best_total:
            first, last, best_total = start, i, total
    # _parts
    part = 0
    inside = False
    for i in range(count):
        gap = runs[i] >= GAP_LINES
        if gap and not inside:
            part += 1
        inside = gap
        parts[i] = part
    for i in range(count):
        row = &data[i * NFEATURES + NLOCAL]
        low5 = i - 5 if i > 5 else 0
        high5 = i + 6 if i + 6 < count else count
        low3 = i - 3 if i > 3 else 0
        high3 = i + 4 if i + 4 < count else count
        row[0] = scores[i]
        row[1] = lexical[i]
        row[2] = _mean_around(word_sums, i, 2, count)
        row[3] = _mean_around(word_sums, i, 6, count)
        row[4] = _mean_around(sums, i, 1, count)
        row[5] = means3[i]
        row[6] = _mean_around(sums, i, 10, count)
        if i > 0:
            before = scores[low3]
            for k in range(low3 + 1, i):
                if scores[k] > before:
                    before = scores[k]
        else:
            before = -5.0
        if i + 1 < count:
            after = scores[i + 1]
            for k in range(i + 2, high3):
                if scores[k] > after:
                    after = scores[k]
        else:
            after = -5.0
        row[7] = before
        row[8] = after
        row[9] = <double>(prose_sums[high5] - prose_sums[low5]) / <double>(high5 - low5)
        row[10] = <double>prose_sums[i] / <double>(total_prose + 1)
        row[11] = <double>(total_prose - prose_sums[i + 1]) / <double>(total_prose + 1)
        row[12] = log1p(<double>gaps[i])
        row[13] = log1p(<double>runs[i])
        row[14] = <double>(shape_sums[high5] - shape_sums[low5]) / <double>(high5 - low5)
        row[15] = scores[i] - best_score
        row[16] = means3[i] - best_mean3
        row[17] = first <= i <= last
        row[18] = log1p(<double>(first - i if first > i else 0))
        row[19] = log1p(<double>(i - last if i > last else 0))
        j = abs(parts[i] - parts[first])
        k = abs(parts[i] - parts[last])
        row[20] = <double>(j if j < k else k)
        row[21] = <double>(rule_sums[high3] - rule_sums[low3]) / <double>(high3 - low3)
        if i < first:
            rules_gap = rule_sums[first] - rule_sums[i + 1]
        elif i > last:
            rules_gap = rule_sums[i] - rule_sums[last + 1]
        else:
            rules_gap = 0
        row[22] = log1p(<double>rules_gap)
        row[23] = i > comments_at
        row[24] = prose_share
        row[25] = rule_share
        row[26] = log_lines
    free(word_sums); free(sums); free(means3); free(ints)
    return 0


cdef list _best_path(double *scores, Py_ssize_t n, double switch_cost):
    # sequence.best_path
    if n == 0:
        return []
    cdef char *came = <char *>malloc(2 * n)
    if came == NULL:
        raise MemoryError()
    cdef double inside = scores[0], outside = 0.0, stay_in, enter, stay_out, leave
    cdef Py_ssize_t i
    cdef bint state, from_in, from_out
    for i in range(1, n):
        stay_in, enter = inside, outside - switch_cost
        stay_out, leave = outside, inside - switch_cost
        came[2 * i] = stay_in >= enter
        came[2 * i + 1] = stay_out >= leave
        inside = (enter if enter > stay_in else stay_in) + scores[i]
        outside = leave if leave > stay_out else stay_out
    state = inside > outside
    path = [False] * n
    path[n - 1] = state
    for i in range(n - 1, 0, -1):
        from_in = came[2 * i]
        from_out = came[2 * i + 1]
        state = state if (from_in if state else from_out) else not state
        path[i - 1] = state
    free(came)
    return path
