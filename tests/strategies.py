"""Hypothesis strategies for article-like text: prose, junk lines, noise, odd whitespace."""

from __future__ import annotations

from hypothesis import strategies as st

from cleaner.rules import builtin_packs

JUNK = sorted(
    {example for pack in builtin_packs() for rule in pack.rules for example in rule.examples}
)
PROSE = [
    "The council approved the budget on Monday after a long and heated debate.",
    "“We will not back down,” the minister told reporters outside the parliament building.",
    "Der Minister sagte am Montag, die Regierung werde die Steuern im nächsten Jahr senken.",
    "Le gouvernement a annoncé mardi une hausse du salaire minimum à partir de janvier.",
    "Prices rose 4.5% in March, the fastest pace in two years, according to official data.",
    "Background",
    "What happens next?",
    "1. Cut taxes for small firms",
]
BREAKS = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\u2028", "\n\n\n"])
LINE = st.one_of(
    st.sampled_from(JUNK),
    st.sampled_from(PROSE),
    st.text(max_size=80),
    st.sampled_from(["{mosads}", "  • ", "\u200b", "\t", "\u00a0", "e\u0301", "\x00"]),
    st.builds(
        lambda a, b: a + b, st.sampled_from(["{mosads}", "• ", "  ", "— "]), st.sampled_from(PROSE)
    ),
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A document of mixed lines joined by assorted line breaks."""
    lines = draw(st.lists(LINE, max_size=25))
    parts: list[str] = []
    for line in lines:
        parts.extend([line, draw(BREAKS)])
    return "".join(parts)
