# Characters and constants the compiled classifier shares (reference: cleaner/pipeline/
# classify/features.py). Included by _native.pyx.

DEF NLOCAL = 30
DEF NCONTEXT = 27
DEF NFEATURES = 57
DEF SCAN_CHARS = 200
DEF SHAPE_CHARS = 100
DEF LEXICON_CHARS = 300
DEF LEXICON_WORDS = 40
DEF GAP_LINES = 4
DEF PROSE_SENTENCE_WORDS = 8
DEF PROSE_WORDS = 25


cdef extern from "Python.h":
    int _KIND "PyUnicode_KIND"(object)
    void *_DATA "PyUnicode_DATA"(object)
    Py_UCS4 _READ "PyUnicode_READ"(int, void *, Py_ssize_t) noexcept nogil
    bint _IS_ASCII "PyUnicode_IS_ASCII"(object)


cdef unsigned long long _FNV_OFFSET = 14695981039346656037ULL
cdef unsigned long long _FNV_PRIME = 1099511628211ULL


cdef inline bint _alnum(Py_UCS4 ch) noexcept:
    # str.isalnum() of one character (re's \w without "_"), ASCII read from a table
    if ch < 128:
        return (u'0' <= ch <= u'9') or (u'a' <= ch <= u'z') or (u'A' <= ch <= u'Z')
    return Py_UNICODE_ISALNUM(ch)


cdef inline bint _decimal(Py_UCS4 ch) noexcept:
    # re's \d
    if ch < 128:
        return u'0' <= ch <= u'9'
    return Py_UNICODE_ISDECIMAL(ch)


cdef class _RegexClass:
    """Whether a character matches a one-character ``regex`` pattern, asked of the pattern
    once per character of the Basic Multilingual Plane and remembered (always asked above)."""

    cdef object match
    cdef signed char table[65536]

    def __cinit__(self, pattern):
        self.match = pattern.match
        cdef Py_ssize_t i
        for i in range(65536):
            self.table[i] = -1

    cdef inline bint test(self, Py_UCS4 ch) except -1:
        cdef signed char known
        if ch < 65536:
            known = self.table[ch]
            if known < 0:
                known = self.match(chr(ch)) is not None
                self.table[ch] = known
            return known
        return self.match(chr(ch)) is not None


cdef _RegexClass _UPPER = None  # \p{Lu} of CAPITAL_WORD
cdef _RegexClass _SPACE = None  # \s of the regex module (CAPITAL_WORD's (?<!\S))
cdef object _F = None  # the reference module cleaner.pipeline.classify.features
# What each category means to the features, by the identity of the Category member (enum
# members hash in Python code): (rule_header, rule_credit, rule_junk, comments).
cdef dict _CATEGORY_FLAGS = None


cdef _setup_classify():
    global _UPPER, _SPACE, _F, _CATEGORY_FLAGS
    if _F is not None:
        return
    import regex
    from cleaner.pipeline.classify import features

    if features.CAPITAL_WORD.pattern != r"(?<!\S)\p{Lu}":
        raise ImportError("the compiled classifier is out of date: CAPITAL_WORD changed")
    if len(features.LOCAL_FEATURES) != NLOCAL or len(features.CONTEXT_FEATURES) != NCONTEXT:
        raise ImportError("the compiled classifier is out of date: the feature lists changed")
    _UPPER = _RegexClass(regex.compile(r"\p{Lu}", features.CAPITAL_WORD.flags))
    _SPACE = _RegexClass(regex.compile(r"\s", features.CAPITAL_WORD.flags))
    _CATEGORY_FLAGS = {
        id(category): (
            category in features.HEADER_CATEGORIES,
            category in features.CREDIT_CATEGORIES,
            category not in features.OTHER_GROUPS,
            category is features.Category.COMMENTS,
        )
        for category in features.Category
    }
    _F = features


cdef inline Py_ssize_t _bisect_left(double *cuts, Py_ssize_t n, double value) noexcept:
    # bisect.bisect_left, step for step
    cdef Py_ssize_t lo = 0, hi = n, mid
    while lo < hi:
        mid = (lo + hi) // 2
        if cuts[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo
