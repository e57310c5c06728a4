# The line classifier's model and decide() (reference: model.py and decide() in
# cleaner/pipeline/classify/__init__.py). Included by _native.pyx.


# Trees of more levels than this are left to the pure path (a complete tree of 10 levels
# has 1,023 nodes).
MAX_TREE_LEVELS = 10


def _levels(tree, Py_ssize_t node):
    """How many splits the longest walk from ``node`` down ``tree`` takes."""
    if node < 0:
        return 0
    return 1 + max(_levels(tree, tree.left[node]), _levels(tree, tree.right[node]))


cdef class Model:
    """A LineModel's numbers in C arrays, for `decide`."""

    cdef double local_weights[NLOCAL]
    cdef double local_bias
    cdef double lexicon_bias
    # The lexicon as an open-addressing table over the words' code points (FNV-1a hashes,
    # linear probing): a word is looked up where it stands in the line, no str made.
    cdef Py_UCS4 *pool
    cdef Py_ssize_t *word_at
    cdef Py_ssize_t *word_len
    cdef double *word_weight
    cdef unsigned long long *word_hash
    cdef Py_ssize_t *slots
    cdef Py_ssize_t mask
    cdef double *cuts
    cdef double *steps
    cdef Py_ssize_t ncuts[NFEATURES]
    cdef Py_ssize_t cut_at[NFEATURES]
    cdef Py_ssize_t step_at[NFEATURES]
    cdef double base
    cdef double switch_cost
    # The trees, each as a complete tree of `depth` levels in heap order (node k's children
    # are 2k + 1 and 2k + 2; a leaf above the last level repeated below it), so that a
    # tree's value is `depth` steps without a branch. Every tree has a split, so heap node 0
    # is its first split (the feature the reasons give its value to).
    cdef Py_ssize_t ntrees
    cdef Py_ssize_t depth
    cdef Py_ssize_t inner
    cdef Py_ssize_t *heap_feature
    cdef double *heap_cut
    cdef double *heap_leaf

    def __cinit__(self, model):
        _setup_classify()
        cdef Py_ssize_t i, j, total_cuts = 0, total_steps = 0
        weights = model.local.weights
        for i in range(NLOCAL):
            self.local_weights[i] = weights[i]
        self.local_bias = model.local.bias
        self._build_lexicon(model.lexicon.weights)
        self.lexicon_bias = model.lexicon.bias
        final = model.final
        for i in range(NFEATURES):
            self.ncuts[i] = len(final.thresholds[i])
            self.cut_at[i] = total_cuts
            self.step_at[i] = total_steps
            total_cuts += len(final.thresholds[i])
            total_steps += len(final.values[i])
        self.cuts = <double *>malloc(max(total_cuts, 1) * sizeof(double))
        self.steps = <double *>malloc(max(total_steps, 1) * sizeof(double))
        if self.cuts == NULL or self.steps == NULL:
            raise MemoryError()
        for i in range(NFEATURES):
            for j, value in enumerate(final.thresholds[i]):
                self.cuts[self.cut_at[i] + j] = value
            for j, value in enumerate(final.values[i]):
                self.steps[self.step_at[i] + j] = value
        self.base = final.base
        self.switch_cost = model.switch_cost
        self._build_trees(final.trees)

    cdef int _build_trees(self, trees) except -1:
        cdef Py_ssize_t t
        self.ntrees = len(trees)
        self.depth = max([_levels(tree, 0) for tree in trees], default=0)
        if self.depth > MAX_TREE_LEVELS:
            raise ImportError(
                f"the compiled path reads trees of at most {MAX_TREE_LEVELS} levels; "
                f"this model's have {self.depth}"
            )
        self.inner = (1 << self.depth) - 1
        self.heap_feature = <Py_ssize_t *>malloc(max(self.ntrees * self.inner, 1) * sizeof(Py_ssize_t))
        self.heap_cut = <double *>malloc(max(self.ntrees * self.inner, 1) * sizeof(double))
        self.heap_leaf = <double *>malloc(max(self.ntrees * (self.inner + 1), 1) * sizeof(double))
        if self.heap_feature == NULL or self.heap_cut == NULL or self.heap_leaf == NULL:
            raise MemoryError()
        for t, tree in enumerate(trees):
            self._fill(tree, t, 0, 0, 0)
        return 0

    cdef int _fill(self, tree, Py_ssize_t t, Py_ssize_t node, Py_ssize_t k,
                   Py_ssize_t level) except -1:
        # heap node k of tree t from the tree's node (a leaf when below zero) at this level
        cdef Py_ssize_t left = node, right = node
        if level == self.depth:
            self.heap_leaf[t * (self.inner + 1) + k - self.inner] = tree.leaves[-node - 1]
            return 0
        if node >= 0:
            self.heap_feature[t * self.inner + k] = tree.features[node]
            self.heap_cut[t * self.inner + k] = tree.thresholds[node]
            left, right = tree.left[node], tree.right[node]
        else:  # a leaf above the last level: either way leads to it
            self.heap_feature[t * self.inner + k] = 0
            self.heap_cut[t * self.inner + k] = 0.0
        self._fill(tree, t, left, 2 * k + 1, level + 1)
        self._fill(tree, t, right, 2 * k + 2, level + 1)
        return 0

    def __dealloc__(self):
        free(self.cuts)
        free(self.steps)
        free(self.heap_feature)
        free(self.heap_cut)
        free(self.heap_leaf)
        free(self.pool)
        free(self.word_at)
        free(self.word_len)
        free(self.word_weight)
        free(self.word_hash)
        free(self.slots)

    cdef int _build_lexicon(self, weights) except -1:
        cdef Py_ssize_t count = len(weights), chars = 0, i = 0, j, size = 8, at = 0
        cdef unsigned long long h
        cdef str word
        for word in weights:
            chars += len(word)
        while size < 2 * count + 2:
            size *= 2
        self.mask = size - 1
        self.pool = <Py_UCS4 *>malloc(max(chars, 1) * sizeof(Py_UCS4))
        self.word_at = <Py_ssize_t *>malloc(max(count, 1) * sizeof(Py_ssize_t))
        self.word_len = <Py_ssize_t *>malloc(max(count, 1) * sizeof(Py_ssize_t))
        self.word_weight = <double *>malloc(max(count, 1) * sizeof(double))
        self.word_hash = <unsigned long long *>malloc(max(count, 1) * sizeof(unsigned long long))
        self.slots = <Py_ssize_t *>malloc(size * sizeof(Py_ssize_t))
        if (self.pool == NULL or self.word_at == NULL or self.word_len == NULL
                or self.word_weight == NULL or self.word_hash == NULL or self.slots == NULL):
            raise MemoryError()
        for j in range(size):
            self.slots[j] = -1
        for word, weight in weights.items():
            h = _FNV_OFFSET
            self.word_at[i] = at
            self.word_len[i] = len(word)
            for ch in word:
                self.pool[at] = ch
                at += 1
                h = (h ^ <unsigned long long>ch) * _FNV_PRIME
            self.word_hash[i] = h
            self.word_weight[i] = weight
            j = <Py_ssize_t>(h & <unsigned long long>self.mask)
            while self.slots[j] >= 0:
                j = (j + 1) & self.mask
            self.slots[j] = i
            i += 1
        return 0

    cdef inline double _weight(self, int kind, void *data, Py_ssize_t start, Py_ssize_t end,
                               bint ascii_lower) noexcept:
        # the lexicon's weight of the word at data[start:end] (lower-cased on the fly when
        # ascii_lower), 0.0 when it is not listed: dict.get(word, 0.0)
        cdef unsigned long long h = _FNV_OFFSET
        cdef Py_ssize_t i, j, k, length = end - start
        cdef Py_UCS4 ch
        cdef Py_UCS4 *chars
        for i in range(start, end):
            ch = _READ(kind, data, i)
            if ascii_lower and u'A' <= ch <= u'Z':
                ch = <Py_UCS4>(<unsigned int>ch + 32)
            h = (h ^ <unsigned long long>ch) * _FNV_PRIME
        j = <Py_ssize_t>(h & <unsigned long long>self.mask)
        while True:
            k = self.slots[j]
            if k < 0:
                return 0.0
            if self.word_hash[k] == h and self.word_len[k] == length:
                chars = &self.pool[self.word_at[k]]
                for i in range(length):
                    ch = _READ(kind, data, start + i)
                    if ascii_lower and u'A' <= ch <= u'Z':
                        ch = <Py_UCS4>(<unsigned int>ch + 32)
                    if chars[i] != ch:
                        break
                else:
                    return self.word_weight[k]
            j = (j + 1) & self.mask

    cdef inline double step(self, Py_ssize_t i, double value) noexcept:
        # what feature i adds to the final score
        cdef Py_ssize_t n = self.ncuts[i]
        if n:
            return self.steps[self.step_at[i] + _bisect_left(&self.cuts[self.cut_at[i]], n, value)]
        return self.steps[self.step_at[i]]

    cdef inline double tree_value(self, Py_ssize_t t, double *vector) noexcept:
        # Tree.value: the leaf tree t sends the vector to (left when the value is at most
        # the threshold, else right, NaN included)
        cdef Py_ssize_t at = t * self.inner, k = 0, level
        for level in range(self.depth):
            k = 2 * k + 2 - (vector[self.heap_feature[at + k]] <= self.heap_cut[at + k])
        return self.heap_leaf[t * (self.inner + 1) + k - self.inner]

    cdef inline double final_score(self, double *vector) noexcept:
        # Additive.score: base plus each feature's step, in the order of the names, then
        # each tree's value, in the order of the trees
        cdef double total = self.base
        cdef Py_ssize_t i, n
        for i in range(NFEATURES):
            n = self.ncuts[i]
            if n:
                total += self.steps[self.step_at[i] + _bisect_left(&self.cuts[self.cut_at[i]], n, vector[i])]
            else:
                total += self.steps[self.step_at[i]]
        for i in range(self.ntrees):
            total += self.tree_value(i, vector)
        return total

    cdef inline double local_score(self, double *row) noexcept:
        # Linear.score: bias plus weight * value, in the order of the names
        cdef double total = self.local_bias
        cdef Py_ssize_t i
        for i in range(NLOCAL):
            total += self.local_weights[i] * row[i]
        return total

    cdef double lexical_score(self, str text) except? -1.0:
        # Lexicon.score over words_of(text): runs of re's [^\W\d_] in text.lower()[:300];
        # an ASCII line is lower-cased on the fly (str.lower() maps only A-Z there)
        cdef bint ascii = _IS_ASCII(text)
        cdef str lowered = text if ascii else text.lower()
        cdef Py_ssize_t n = min(len(lowered), LEXICON_CHARS), i = 0, start, count = 0
        cdef double total = 0.0
        cdef Py_UCS4 ch
        cdef int kind = _KIND(lowered)
        cdef void *data = _DATA(lowered)
        while i < n and count < LEXICON_WORDS:
            ch = _READ(kind, data, i)
            if _alnum(ch) and not _decimal(ch):
                start = i
                i += 1
                while i < n:
                    ch = _READ(kind, data, i)
                    if not (_alnum(ch) and not _decimal(ch)):
                        break
                    i += 1
                total += self._weight(kind, data, start, i, ascii)
                count += 1
            else:
                i += 1
        if count == 0:
            return self.lexicon_bias
        return self.lexicon_bias + total / sqrt(<double>count)


cdef class Vectors:
    """Each line's feature vector (local then context features), read as lists of floats."""

    cdef double *data
    cdef Py_ssize_t count

    def reasons(self, Model model, Py_ssize_t index, Py_ssize_t count, tuple names):
        """Additive.reasons of the line's vector: the ``count`` features that moved the
        score most, by (-abs(part), name), each with round(part, 2); zero parts left out."""
        cdef double *vector = &self.data[index * NFEATURES]
        cdef double parts[NFEATURES]
        cdef char taken[NFEATURES]
        cdef Py_ssize_t i, k, best
        cdef double a, b
        for i in range(NFEATURES):
            parts[i] = model.step(i, vector[i])
            taken[i] = 0
        for i in range(model.ntrees):  # a tree's value goes to the feature of its first split
            parts[model.heap_feature[i * model.inner]] += model.tree_value(i, vector)
        found = []
        for k in range(min(count, NFEATURES)):
            best = -1
            for i in range(NFEATURES):
                if taken[i]:
                    continue
                if best < 0:
                    best = i
                    continue
                a = -abs(parts[i])
                b = -abs(parts[best])
                if a < b or (a == b and names[i] < names[best]):
                    best = i
            taken[best] = 1
            if parts[best]:
                found.append((names[best], round(parts[best], 2)))
        return found

    def __dealloc__(self):
        free(self.data)

    def __len__(self):
        return self.count

    def __getitem__(self, Py_ssize_t index):
        if index < 0:
            index += self.count
        if not 0 <= index < self.count:
            raise IndexError(index)
        cdef double *row = &self.data[index * NFEATURES]
        return [row[i] for i in range(NFEATURES)]


def decide(Model model, list texts, list labels, list listed):
    """decide() of cleaner.pipeline.classify: (local scores, final scores, vectors, keep)."""
    cdef Py_ssize_t count = len(texts), i, nopen = 0
    cdef Vectors vectors = Vectors.__new__(Vectors)
    vectors.count = count
    if count == 0:
        return [], [], vectors, []
    vectors.data = <double *>malloc(count * NFEATURES * sizeof(double))
    cdef double *doubles = <double *>malloc(4 * count * sizeof(double))
    cdef char *flags = <char *>malloc(4 * count)
    if vectors.data == NULL or doubles == NULL or flags == NULL:
        free(doubles); free(flags)
        raise MemoryError()
    cdef double *local = doubles
    cdef double *lexical = doubles + count
    cdef double *final = doubles + 2 * count
    cdef double *open_scores = doubles + 3 * count
    cdef char *prose = flags
    cdef char *labelled = flags + count
    cdef char *shaped = flags + 2 * count
    cdef char *comments = flags + 3 * count
    cdef dict repeats = {}, shape_repeats = {}
    cdef list shapes_of = []
    cdef str text, title = texts[0]
    try:
        for text in texts:
            repeats[text] = repeats.get(text, 0) + 1
            shape = _shape_of(text)
            shapes_of.append(shape)
            shape_repeats[shape] = shape_repeats.get(shape, 0) + 1
        for i in range(count):
            text = texts[i]
            shaped[i] = shape_repeats[shapes_of[i]] > 1
            _local_row(text, i, count, labels[i], listed[i], repeats[text] > 1, shaped[i],
                       title, &vectors.data[i * NFEATURES], &prose[i], &labelled[i], &comments[i])
            local[i] = model.local_score(&vectors.data[i * NFEATURES])
            lexical[i] = model.lexical_score(text)
        _context_rows(local, lexical, prose, labelled, shaped, comments, count, vectors.data)
        for i in range(count):
            final[i] = model.final_score(&vectors.data[i * NFEATURES])
            if labels[i] is None:
                open_scores[nopen] = final[i]
                nopen += 1
        path = _best_path(open_scores, nopen, model.switch_cost)
        keep = [False] * count
        nopen = 0
        for i in range(count):
            if labels[i] is None:
                keep[i] = path[nopen]
                nopen += 1
        return ([local[i] for i in range(count)], [final[i] for i in range(count)], vectors,
                keep)
    finally:
        free(doubles)
        free(flags)
