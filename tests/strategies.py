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
BASE_LINE = st.one_of(
    st.sampled_from(JUNK),
    st.sampled_from(PROSE),
    st.text(max_size=80),
    st.sampled_from(["{mosads}", "  • ", "\u200b", "\t", "\u00a0", "e\u0301", "\x00"]),
    st.builds(
        lambda a, b: a + b, st.sampled_from(["{mosads}", "• ", "  ", "— "]), st.sampled_from(PROSE)
    ),
)
# An inline ad token glued to the start or end of a junk line ("{mosads}Sign up ...").
TOKEN_ON_JUNK = st.builds(
    lambda token, junk, before: token + junk if before else junk + token,
    st.sampled_from(["{mosads}", "{/mosads}", "[ad]", " [ad] "]),
    st.sampled_from(JUNK),
    st.booleans(),
)
LINE = st.one_of(BASE_LINE, TOKEN_ON_JUNK)


@st.composite
def documents(draw: st.DrawFn, line: st.SearchStrategy[str] = LINE) -> str:
    """A document of mixed lines (drawn from ``line``) joined by assorted line breaks."""
    lines = draw(st.lists(line, max_size=25))
    parts: list[str] = []
    for text in lines:
        parts.extend([text, draw(BREAKS)])
    return "".join(parts)


# HTML-like text: tag soup built from real tags, attributes, entities, comments, scripts,
# unclosed and mismatched tags, and the text lines above.
TAGS = [
    "p", "div", "span", "a", "b", "i", "nav", "header", "footer", "aside", "article", "main",
    "section", "h1", "h2", "ul", "li", "table", "tr", "td", "blockquote", "figure",
    "figcaption", "pre", "form", "button", "iframe", "svg", "textarea", "title", "head", "body",
    "html", "script", "style", "noscript", "template",
]  # fmt: skip
ATTRIBUTES = [
    "",
    ' class="nav menu"',
    ' id="main-content"',
    ' class="article-body"',
    ' href="https://example.com/2021/03/04/story"',
    ' style="display:none"',
    " data-x=1",
    ' alt="Photo: Getty Images"',
    " hidden",
    ' title="a > b"',
    " class='",
    ' onclick="x()"',
]
ENTITIES = [
    "&amp;", "&nbsp;", "&lt;", "&gt;", "&lt;p&gt;", "&quot;", "&#8217;", "&#x2014;", "&#0;",
    "&#xD800;", "&#1114112;", "&#99999999999;", "&bogus;", "&amp", "&#", "&", "&copy;",
    "&#x200b;", "&shy;",
]  # fmt: skip
MARKUP = [
    "<!DOCTYPE html>",
    "<?xml version='1.0' encoding='utf-8'?>",
    "<!-- comment -->",
    "<!--",
    "-->",
    "<![CDATA[ raw ]]>",
    "<",
    ">",
    "</",
    "<p",
    "<br>",
    "<br/>",
    "<hr>",
    '<img src="x.jpg" alt="Photo: Reuters">',
    '<meta charset="utf-8">',
    '<meta name="author" content="Jane Doe">',
    '<meta property="article:published_time" content="2021-03-04T10:00:00Z">',
    '<meta name="description" content="A budget & a vote">',
    "<title>Budget passes after long debate</title>",
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Jo',
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Vote"}</script>',
    "<script>var s = '</div><p>not text</p>';</script>",
    "<script>document.write('<p>')",
    "<style>p { color: red }</style>",
    "\x00",
    "\n",
    "\r\n",
]
HTML_FRAGMENT = st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(TAGS), st.sampled_from(ATTRIBUTES)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(TAGS)),
    st.builds(
        lambda t, a, line: f"<{t}{a}>{line}</{t}>",
        st.sampled_from(["p", "div", "li", "h2", "nav", "footer", "span", "td", "aside"]),
        st.sampled_from(ATTRIBUTES),
        LINE,
    ),
    st.sampled_from(ENTITIES),
    st.sampled_from(MARKUP),
    LINE,
)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """Tag soup, or an article page (paragraphs in <article>) with soup around it."""
    soup = "".join(draw(st.lists(HTML_FRAGMENT, max_size=30)))
    if draw(st.booleans()):
        return soup
    paragraphs = draw(st.lists(st.one_of(st.sampled_from(PROSE), LINE), min_size=1, max_size=12))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = draw(st.sampled_from(["", "<!DOCTYPE html>", "<html><head><title>Vote</title></head>"]))
    tail = draw(st.sampled_from(["", "</body></html>", "<p>Unfinished <b>tag", "<div>" * 50]))
    return f"{head}<body>{soup}<article>{body}</article>{tail}"


# Lines of full-page text dumps: menus, headlines, teasers, datelines, long paragraphs in
# several languages and the rules' junk, so that the line classifier runs on them.
LONG_PROSE = [
    "The city council approved a new budget on Monday after a debate that lasted more than "
    "six hours and drew hundreds of residents to the chamber.",
    "Opposition members said the plan relied on optimistic tax forecasts and warned that cuts "
    "could follow if the economy slowed in the second half of the year.",
    "Der Stadtrat hat am Montag nach einer mehr als sechsstündigen Debatte einen neuen "
    "Haushalt beschlossen, zu der Hunderte Bürger in den Saal kamen.",
    "Le conseil municipal a adopté lundi un nouveau budget après un débat de plus de six "
    "heures qui a attiré des centaines d’habitants dans la salle.",
    "I have lived in this city for forty years and I have never seen a budget that cared so "
    "little about the people who actually pay for it, frankly.",
]
PAGE_BITS = [
    "Home", "World", "Politics", "Sport", "Culture", "Startseite", "Accueil", "Menu",
    "Council approves new budget after long debate",
    "Council approves new budget after long debate | The Daily Example",
    "Storm Closes Schools Across the Region", "March 3, 2024", "By Jane Smith",
    "Members of the council said they needed more time to study the plan...", "Read More",
    "What Changes for Residents", "- Free school meals for all primary pupils", "12 Comments",
]  # fmt: skip
PAGE_LINE = st.one_of(
    st.sampled_from(LONG_PROSE),
    st.sampled_from(PAGE_BITS),
    st.sampled_from(JUNK),
    st.sampled_from(PROSE),
)


@st.composite
def page_dumps(draw: st.DrawFn) -> str:
    """A full-page text dump: 8 to 60 lines of page bits and paragraphs, one a line."""
    lines = draw(st.lists(PAGE_LINE, min_size=8, max_size=60))
    if not any(len(line) > 100 for line in lines):
        lines.insert(draw(st.integers(0, len(lines))), LONG_PROSE[0])
    return "\n".join(lines)
