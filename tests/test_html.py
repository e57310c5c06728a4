"""HTML in: extraction, metadata from real pages, and bad HTML that must not hang or crash."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import cleaner
from cleaner.html.visible import visible_text

PAGES = [
    ("04a6711caa", "Republicans Are Following Trump", "2019-11-19", ["Jamelle Bouie"]),
    ("05844573ca", "New SUVs and electric vehicles highlight", "2019-11-20", ["Tom Krisher"]),
    ("06ee193de4", "The VW ID. SPACE VIZZION is a weird EV", "2019-11-20", ["Chris Davies"]),
    ("098bb3e96c", "‘We had some issues,’ exec says", "2019-11-19", ["Meg James"]),
]


def page(bench_dir: Path, prefix: str) -> tuple[str, dict[str, str]]:
    path = next((bench_dir / "html").glob(f"{prefix}*.html.gz"))
    truth = json.loads((bench_dir / "ground-truth.json").read_text("utf-8"))
    return gzip.decompress(path.read_bytes()).decode("utf-8"), truth[path.name.split(".")[0]]


@pytest.mark.parametrize(("prefix", "title", "date", "authors"), PAGES)
def test_metadata_from_real_pages(
    bench_dir: Path, prefix: str, title: str, date: str, authors: list[str]
) -> None:
    html, truth = page(bench_dir, prefix)
    article = cleaner.clean(html, url=truth["url"])
    assert article.mode == "html"
    assert title in (article.metadata.title or "")
    assert article.metadata.date == date
    assert article.metadata.authors == authors
    assert article.metadata.url == truth["url"]


ARTICLE = "<p>The council met on Monday to vote on the new budget for the coming year.</p>" * 3


@pytest.mark.parametrize(
    "head",
    [
        "<link rel='canonical' href='https://ex.com/news/council-votes-2021-11-15'>",
        "<meta property='og:url' content='https://ex.com/news?date=2021-11-15'>",
        "<link rel='canonical' href='https://ex.com/2021/11/15/council-votes'>",
    ],
)
def test_a_date_only_in_a_url_is_not_taken(head: str) -> None:
    page = f"<html><head><title>Vote</title>{head}</head><body><article>{ARTICLE}</article>"
    assert cleaner.clean(page + "</body></html>", mode="html").metadata.date is None


def test_a_date_the_page_writes_out_confirms_the_url_date(bench_dir: Path) -> None:
    html, truth = page(bench_dir, "06e5123e4e")
    assert "/2019/11/18/" in truth["url"] and '"pubDate":"November 18, 2019"' in html
    meta = cleaner.clean(html, url=truth["url"]).metadata
    assert meta.date == "2019-11-18"
    assert "Reuters" not in meta.authors


def test_body_keeps_first_and_last_paragraph(bench_dir: Path) -> None:
    html, truth = page(bench_dir, "098bb3e96c")
    body = cleaner.clean(html, mode="html").text
    paragraphs = [p for p in truth["articleBody"].split("\n") if len(p.split()) > 8]
    assert paragraphs[0][:80] in body
    assert paragraphs[-1][:80] in body


def test_html_focus_trades_page_furniture_for_text(bench_dir: Path) -> None:
    html, truth = page(bench_dir, "287e4d9f4a")
    precise = cleaner.clean(html, mode="html", url=truth["url"], html_focus="precision").text
    balanced = cleaner.clean(html, mode="html", url=truth["url"]).text
    assert len(balanced) > len(precise)
    precise_lines = set(precise.split("\n\n"))
    assert len(precise_lines & set(balanced.split("\n\n"))) >= 0.8 * len(precise_lines)


def test_author_element_fills_authors_when_meta_tags_have_none() -> None:
    page = (
        "<html><head><title>Budget passes | Example News</title></head><body><article>"
        "<h1>Budget passes</h1><span class='byline'>By Jane Doe</span>"
        + "<p>The council approved the budget on Monday after a long and heated debate.</p>" * 5
        + "</article></body></html>"
    )
    meta = cleaner.clean(page, url="https://www.example.com/news/budget").metadata
    assert meta.authors == ["Jane Doe"]
    assert meta.sitename == "example.com"


def test_keywords_meta_is_a_list_of_tags_and_the_first_section_is_the_section() -> None:
    page = (
        "<html><head><title>Budget passes</title>"
        "<meta name='keywords' content='Budget, City Council,Taxes'>"
        "<meta property='article:tag' content='taxes'>"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "articleSection": "Local, Politics"}</script>'
        "</head><body><article>" + ARTICLE + "</article></body></html>"
    )
    meta = cleaner.clean(page, mode="html").metadata
    assert meta.tags == ["Budget", "City Council", "Taxes"]
    assert meta.section == "Local"


def test_single_dropped_blocks_come_back_unless_they_are_furniture() -> None:
    from lxml import html as lxml_html

    from cleaner.html.gaps import restore_gaps

    kept = [f"Paragraph {n} of the article, which the extractor kept." for n in range(1, 6)]
    page = lxml_html.fromstring(
        "<article>"
        f"<p>{kept[0]}</p><figure><figcaption>The mayor at the hall.</figcaption></figure>"
        f"<p>{kept[1]}</p><p>CLICK HERE TO GET THE NEWS APP</p>"
        f"<p>{kept[2]}</p><div class='related-links'><p>Another story</p></div>"
        f"<p>{kept[3]}</p><h2><a href='/budget'>The budget in numbers</a></h2>"
        f"<p>{kept[4]}</p><p>Two dropped</p><p>blocks in a row</p>"
        "</article>"
    )
    restored = restore_gaps(page, "\n".join(kept)).split("\n")
    assert restored == [*kept[:4], "The budget in numbers", kept[4]]


def test_html_mode_restores_link_lines_inside_the_article(bench_dir: Path) -> None:
    html, truth = page(bench_dir, "287e4d9f4a")
    assert "Get it at Dell for $549" in truth["articleBody"]
    import trafilatura

    assert "Get it at Dell for $549" not in trafilatura.extract(html, favor_precision=True)
    restored = cleaner.clean(html, url=truth["url"], html_focus="precision").text
    assert "Get it at Dell for $549" in restored


PROSE = "The council approved the budget on Monday after a long and heated debate in the hall."


def test_rules_run_over_extracted_text() -> None:
    html = (
        "<html><body><article><h1>Budget passes</h1>"
        + f"<p>{PROSE}</p>" * 4
        + "<p>Sign up for our daily newsletter!</p></article></body></html>"
    )
    article = cleaner.clean(html)
    assert "newsletter" not in article.text
    assert PROSE in article.text


def test_code_blocks_the_extractor_took_stay_whole(bench_dir: Path) -> None:
    # A documentation page of 2025 whose examples the line classifier, line by line, takes
    # for page text.
    path = bench_dir.parent / "wcxb-dev" / "html" / "2872.html.gz"
    html = gzip.decompress(path.read_bytes()).decode("utf-8")
    article = cleaner.clean(html, mode="html", explain=True)
    lines = {line.strip() for line in article.text.splitlines()}
    assert "const [inStockOnly, setInStockOnly] = useState(false);" in lines
    assert "onFilterTextChange={setFilterText}" in lines
    assert not [r for r in article.removed if r.rule == "HEUR-REGION" and len(r.text) > 100]


def test_no_rule_removes_a_line_of_a_code_block() -> None:
    # Lines of code and of a tool's output that read like page furniture out of context: a
    # credit ("image: ..."), a byline field ("author: ..."), a caption's source.
    code = (
        "services:\n  web:\n    image: nginx:stable\n  db:\n    image: postgres:18\n"
        'let user = User {\n    author: String::from("Iceburgh"),\n};\n'
        "   Compiling ownership v0.1.0 (file:///projects/ownership)\n"
    )
    html = (
        "<html><body><article><h1>Running the stack</h1>"
        + f"<p>{PROSE}</p>" * 3
        + f"<pre><code>{code}</code></pre>"
        + f"<p>{PROSE}</p>"
        + "<p>Photo: Jane Doe/Reuters</p></article></body></html>"
    )
    article = cleaner.clean(html, mode="html", explain=True)
    lines = {line.strip() for line in article.text.splitlines()}
    code_lines = {"image: nginx:stable", "image: postgres:18", 'author: String::from("Iceburgh"),'}
    assert code_lines <= lines
    assert "Compiling ownership v0.1.0 (file:///projects/ownership)" in lines
    assert "Photo: Jane Doe/Reuters" not in lines  # the same rules still read the prose


@pytest.mark.parametrize(
    "html",
    [
        "<div>" * 100_000 + PROSE + "</div>" * 100_000,
        "<html><head><script>" + "var a = 1;" * 10_000 + "</script></head></html>",
        "<html><body><p>" + PROSE + "</p><p>Unfinished <b>tag",
        "<html><body>" + "<p>" + PROSE + "</p>" * 20_000,
    ],
    ids=["nested-100000", "only-scripts", "truncated", "big"],
)
def test_bad_html_gives_a_best_effort_result(html: str) -> None:
    article = cleaner.clean(html, mode="html")
    assert isinstance(article.text, str)
    if "var a" not in html:
        assert PROSE in article.text


def test_an_unclosed_script_or_comment_hides_the_rest_of_the_page() -> None:
    assert visible_text("<p>Shown</p><script>x " + "y " * 1000) == "Shown"
    assert visible_text("<p>Shown</p><!-- x " + "<p>y</p>" * 1000) == "Shown"
    assert visible_text("<p>a</p><SCRIPT>x</script ><p>b</p>") == "a\nb"


def test_quotes_and_table_cells_are_not_put_back_twice() -> None:
    first = "<p>The council met on Monday to vote on the new budget for the coming year.</p>"
    last = "<p>The board met on Tuesday to discuss the plan for the next decade and voted.</p>"
    quote = (
        "<blockquote><p>We will win this fight, he said.</p><p>And we will not stop.</p>"
        "</blockquote>"
    )
    table = (
        "<table><tr><td><p>Revenue rose 12% in the quarter, the firm said.</p></td></tr></table>"
    )
    for middle in (quote, table):
        body = cleaner.clean(
            f"<html><body><article>{first}{middle}{last}</article></body></html>"
        ).text
        lines = body.split("\n\n")
        assert len(lines) == len(set(lines))
        assert not any("fight, he said.And" in line for line in lines)


def test_visible_text_fallback_needs_no_parser() -> None:
    assert visible_text("<p>a &lt; b</p><style>p{}</style><li>c") == "a < b\nc"
