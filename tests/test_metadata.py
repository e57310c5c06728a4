"""Metadata values: no value rather than a wrong one."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.html.titles import site_names
from cleaner.metadata.dates import find_dates, parse_date
from cleaner.metadata.people import markup_authors, split_people
from cleaner.metadata.values import copyright_holder, split_tags

PROSE = "The council approved the budget on Monday after a long and heated debate."


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("November 15, 2021", "2021-11-15"),
        ("Mon 15 Nov 2021 10:30 GMT", "2021-11-15"),
        ("15. März 2021", "2021-03-15"),
        ("2021/11/05", "2021-11-05"),
        ("02/03/2021", None),
        ("February 30, 2021", None),
        ("https://example.com/2021/11/15/story", None),
        ("Updated at 2:52 p.m.", None),
        ("", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Jane Doe, Reuters", ["Jane Doe"]),
        ("Email the author", []),
        ("Staff Writer", []),
        ("María José García y Pedro Ruiz", ["María José García", "Pedro Ruiz"]),
    ],
)
def test_people(text: str, names: list[str]) -> None:
    assert split_people(text) == names


def test_copyright_holder_and_tags() -> None:
    assert copyright_holder("Example Media Ltd.") == "Example Media Ltd."
    assert copyright_holder("The Example Post.") == "The Example Post"
    assert copyright_holder("All rights reserved") is None
    assert split_tags("Tag One | Tag Two") == ["Tag One", "Tag Two"]
    assert split_tags("Alpha Beta Gamma", "nothing in common") == ["Alpha Beta Gamma"]


def test_a_byline_that_is_not_a_name_gives_no_author() -> None:
    article = cleaner.clean(f"By Staff Reports\n\n{PROSE}", mode="text")
    assert article.metadata.authors == []


def test_a_date_in_a_sentence_is_not_a_dateline() -> None:
    article = cleaner.clean(f"On November 15, 2021 the court ruled. {PROSE}", mode="text")
    assert article.metadata.date is None
    assert article.removed == ()


def test_a_name_line_without_header_context_stays() -> None:
    text = f"Nahal Toosi\n\n{PROSE}"
    assert cleaner.clean(text, mode="text").text == text


def test_metadata_sources_name_the_rule() -> None:
    article = cleaner.clean(f"By Jane Doe\n\nNovember 15, 2021\n\n{PROSE}", mode="text")
    assert article.metadata.date == "2021-11-15"
    assert article.metadata.sources["date"] == "HDR004"
    assert article.metadata.sources["authors"] == "HDR002"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Von Anna Müller-Lüdenscheidt", ["Anna Müller-Lüdenscheidt"]),
        ("Jean-Paul Sartre", ["Jean-Paul Sartre"]),
        ("Anna K Smith and Omar al-Hassan", ["Anna K Smith", "Omar al-Hassan"]),
        ("Keith Barry Senior Autos Reporter", ["Keith Barry"]),
        ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
    ],
)
def test_names_with_hyphens_particles_and_initials(text: str, names: list[str]) -> None:
    assert split_people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Podium Staff", ["Podium Staff"]),
        ("Our Editors", ["Our Editors"]),
        ("News Desk; News Desk", ["News Desk"]),
        ("Adam Aaronson PhillyVoice Staff", ["Adam Aaronson"]),
        ("Podium", []),
    ],
)
def test_markup_authors_keep_a_team_whole(text: str, names: list[str]) -> None:
    site = site_names(None, "https://www.podium.com/blog") | {"phillyvoice"}
    assert markup_authors(text, site) == names


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Ann Lee, Modern Farmer", ["Ann Lee"]),
        ("By Ann Lee and Modern Farmer", ["Ann Lee"]),
        ("By Modern Farmer", ["Modern Farmer"]),
    ],
)
def test_a_byline_names_the_site_as_author_only_when_it_names_no_one_else(
    byline: str, authors: list[str]
) -> None:
    text = f"Council backs budget\n{byline}\n\n{PROSE * 4}\n\n{PROSE * 3}\n"
    meta = cleaner.clean(text, url="https://www.modernfarmer.com/a").metadata
    assert meta.authors == authors


def test_markup_authors_leave_out_the_site_and_keep_a_team() -> None:
    site = frozenset({"example", "examplede"})
    assert markup_authors("Www Example De; Example; Jane Doe", site) == ["Jane Doe"]
    assert markup_authors("The Example Team", site) == ["The Example Team"]
    assert markup_authors("Tom Krisher; AP Auto Writer") == ["Tom Krisher"]
    assert markup_authors("Unknown; Dec") == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("6. August 2009", "2009-08-06"),
        ("29 décembre 2019", "2019-12-29"),
        ("December 29th 2019", "2019-12-29"),
        ("Aktualisiert am 31.10.23", "2023-10-31"),
        ("2019年12月29日", "2019-12-29"),
        ("3 marca 2021", "2021-03-03"),
    ],
)
def test_dates_in_other_languages_and_forms(text: str, iso: str) -> None:
    assert parse_date(text) == iso
    assert iso in find_dates(f"Lorem {text} ipsum")


def test_text_mode_keeps_published_and_updated_apart() -> None:
    text = f"Von Anna Müller-Lüdenscheidt\n\n6. August 2009\n\nAktualisiert am 31.10.23\n\n{PROSE}"
    meta = cleaner.clean(text, mode="text").metadata
    assert meta.authors == ["Anna Müller-Lüdenscheidt"]
    assert (meta.date, meta.updated) == ("2009-08-06", "2023-10-31")
    assert meta.sources["date"] != meta.sources["updated"]


def test_text_mode_reads_initials_without_dots() -> None:
    meta = cleaner.clean(f"By Anna K Smith\n\nDecember 29th 2019\n\n{PROSE}", mode="text").metadata
    assert (meta.authors, meta.date) == (["Anna K Smith"], "2019-12-29")


PAGE = """<html><head><title>Council backs budget | Example News</title>
<meta property="og:title" content="Council backs budget - Example News">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2009-08-06T10:00:00+02:00">
<meta property="article:modified_time" content="2014-01-13T09:00:00+01:00">
</head><body><header><h1>Example News</h1></header><article><h1>Council backs budget</h1>
<p class="byline">Von Anna Müller-Lüdenscheidt</p><p>6. August 2009, aktualisiert am
13. Januar 2014</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"""


def test_html_title_date_updated_and_author() -> None:
    page = PAGE.replace("{PROSE}", PROSE * 3)
    meta = cleaner.clean(page, mode="html", url="https://www.example.com/a").metadata
    assert (meta.title, meta.sources["title"]) == ("Council backs budget", "html:headline")
    assert (meta.date, meta.updated) == ("2009-08-06", "2014-01-13")
    assert meta.authors == ["Anna Müller-Lüdenscheidt"]
    assert meta.sources["authors"] == "html:trafilatura"


@pytest.mark.parametrize(
    ("head", "header", "url"),
    [
        # The blog's name is the page's h1 and og:title; <title> names the post.
        (
            "<title>Council backs budget | Ann's Notes | Since 2005</title>"
            '<meta property="og:title" content="Ann\'s Notes">',
            '<h1><a href="https://notes.example.org/" rel="home">Ann\'s Notes</a></h1>',
            "https://notes.example.org/2024/budget",
        ),
        # The same page archived: its links wrap the original URLs.
        (
            "<title>Council backs budget | Ann's Notes</title>",
            '<h1><a href="https://web.archive.org/web/20080731095558/http://notes.example.org/">'
            "Ann's Notes</a></h1>",
            "https://web.archive.org/web/20080731095558/http://notes.example.org/2024/budget",
        ),
        # A style sheet and a button inside the headline are not its text.
        (
            "<title>Acme</title>",
            '<h1><style>.k{font-weight:700}</style><span class="k">Council backs budget</span>'
            "<button>Copy link</button></h1>",
            "https://notes.example.org/2024/budget",
        ),
        # Its date and a byline heading nested in it are other parts of the page.
        (
            "<title>Acme</title>",
            "<h1><time>Dec 18 2025</time> Council backs budget"
            "<h3>Posted on <time>December 18, 2025</time> by ann</h3></h1>",
            "https://notes.example.org/2024/budget",
        ),
        # The headline's kicker is marked up as one.
        (
            "<title>Politik: Council backs budget | Ann's Notes</title>",
            '<h1><span class="headline__kicker">Politik</span><span class="sr-only">: </span>'
            "<span>Council backs budget</span></h1>",
            "https://notes.example.org/2024/budget",
        ),
    ],
)
def test_html_title_leaves_out_the_site_name_its_motto_and_a_kicker(
    head: str, header: str, url: str
) -> None:
    body = f"<header>{header}</header><article><p>{PROSE * 3}</p><p>{PROSE * 3}</p></article>"
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    assert cleaner.clean(page, mode="html", url=url).metadata.title == "Council backs budget"


def test_html_date_only_in_the_url_is_not_stated() -> None:
    page = "<html><body><article><p>" + PROSE * 4 + "</p></article></body></html>"
    meta = cleaner.clean(page, mode="html", url="https://example.com/2021/11/15/story").metadata
    assert meta.date is None


def _dated_page(head: str) -> str:
    body = "<p>" + PROSE * 4 + "</p>"
    return f"<html><head>{head}</head><body><article>{body * 3}</article></body></html>"


def test_html_modified_date_alone_is_not_the_published_date() -> None:
    page = _dated_page('<meta property="article:modified_time" content="2024-05-03T10:57:58Z">')
    meta = cleaner.clean(page, mode="html").metadata
    assert (meta.date, meta.updated) == (None, "2024-05-03")


@pytest.mark.parametrize(
    "declared",
    [
        '<script type="application/ld+json">{"@type": "Article", '
        '"datePublished": "2024-03-17T19:47:39+00:00"}</script>',
        '<meta property="article:published_time" content="2024-03-17T19:47:39.000Z">',
    ],
)
def test_html_published_date_the_page_declares_wins_over_its_modified_date(
    declared: str,
) -> None:
    modified = '<meta property="article:modified_time" content="2024-05-03T10:57:58+00:00">'
    meta = cleaner.clean(_dated_page(modified + declared), mode="html").metadata
    assert (meta.date, meta.updated) == ("2024-03-17", "2024-05-03")


def test_html_two_declared_published_dates_and_a_modified_one_give_no_date() -> None:
    head = (
        '<meta property="article:modified_time" content="2024-05-03T10:57:58+00:00">'
        '<script type="application/ld+json">[{"datePublished": "2024-03-17"}, '
        '{"datePublished": "2023-01-02"}]</script>'
    )
    assert cleaner.clean(_dated_page(head), mode="html").metadata.date is None


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ('<span class="author">insanesnow45</span>', ["insanesnow45"]),
        ('<div class="byline">By jwoodguy13</div>', ["jwoodguy13"]),
        ('<span class="author">noah_b</span>', ["noah_b"]),
        ('<span class="author">Mary Smith</span> <i>mary.smith@example.org</i>', ["Mary Smith"]),
    ],
)
def test_html_username_is_kept_as_the_page_writes_it(byline: str, authors: list[str]) -> None:
    body = f"<article><h1>Thread</h1>{byline}<p>{PROSE * 3}</p><p>{PROSE * 3}</p></article>"
    page = f"<html><head><title>Thread</title></head><body>{body}</body></html>"
    assert cleaner.clean(page, mode="html").metadata.authors == authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ('<p class="byline">Karl Voit</p>', ["Karl Voit"]),  # a blog written as itself
        ("<p>Karl Voit</p>", []),  # only the meta tags name the site
    ],
)
def test_html_site_name_is_the_author_only_when_its_byline_shows_it(
    byline: str, authors: list[str]
) -> None:
    head = '<title>Notes</title><meta name="author" content="Karl Voit">'
    body = f"<article><h1>Notes</h1>{byline}<p>{PROSE * 3}</p><p>{PROSE * 3}</p></article>"
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    meta = cleaner.clean(page, mode="html", url="https://karl-voit.at/notes").metadata
    assert meta.authors == authors


def _json_ld_page(title: str, *nodes: str) -> str:
    script = '<script type="application/ld+json">{"@context": "https://schema.org", '
    script += f'"@graph": [{", ".join(nodes)}]}}</script>'
    body = f"<article><h1>{title}</h1><p>{PROSE * 3}</p><p>{PROSE * 3}</p></article>"
    return f"<html><head><title>{title}</title>{script}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("nodes", "authors"),
    [
        (  # the site owner's profile is not the article's author
            [
                '{"@type": "BlogPosting", "headline": "Budget", "author": {"@id": "#ann"}}',
                '{"@type": "Person", "@id": "#ann", "name": "Ann Lee"}',
                '{"@type": "Person", "@id": "#owner", "name": "Site Owner"}',
            ],
            ["Ann Lee"],
        ),
        (  # teasers marked up as articles: the one whose headline is the page's title
            [
                '{"@type": "NewsArticle", "headline": "Other story", '
                '"author": {"@type": "Person", "name": "Bret Thorn"}}',
                '{"@type": "NewsArticle", "headline": "Budget", '
                '"author": [{"@type": "Person", "name": "Lisa Jennings"}]}',
            ],
            ["Lisa Jennings"],
        ),
        (  # a thread's first post names its author by handle
            [
                '{"@type": "DiscussionForumPosting", "headline": "Budget", '
                '"author": {"@type": "Person", "name": "gringeo"}}'
            ],
            ["gringeo"],
        ),
    ],
)
def test_html_json_ld_authors_are_the_articles_own(nodes: list[str], authors: list[str]) -> None:
    assert cleaner.clean(_json_ld_page("Budget", *nodes), mode="html").metadata.authors == authors


def test_html_thread_date_is_its_first_post_not_a_later_edit() -> None:
    posts = "".join(
        f'<div class="post"><div class="d-none" itemprop="datePublished">{stamp}</div>'
        f"<p>{PROSE * 2}</p>{extra}</div>"
        for stamp, extra in [
            ("2014-03-28 15:35:05 +00:00", ""),
            (
                "2014-04-02 09:12:44 +00:00",
                "<a href='/posts/9/revisions'>edited <span title='2017-04-13 12:52:13Z' "
                "class='relativetime'>Apr 13, 2017 at 12:52</span></a>",
            ),
        ]
    )
    page = f"<html><head><title>Why?</title></head><body><main>{posts}</main></body></html>"
    assert cleaner.clean(page, mode="html").metadata.date == "2014-03-28"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Danielle Padula; Head; Community Development Lead", ["Danielle Padula"]),
        ("Justin C. Meserole; Morgan", ["Justin C. Meserole"]),
        ("Linny; Peter", ["Linny", "Peter"]),
        ("Anna Schmidt; Redaktion", ["Anna Schmidt", "Redaktion"]),
        ("Redacci; Oacute; N Diario Pagina Siete", []),
    ],
)
def test_markup_authors_drop_role_fragments_and_names_split_at_a_reference(
    text: str, names: list[str]
) -> None:
    assert markup_authors(text) == names
