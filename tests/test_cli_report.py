"""``cleaner report``: pages that mirror the inputs, an index, JSONL records with --limit,
errors reported with the run going on, and ``report`` as the subcommand."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import cleaner

from .report_dom import fold, read_page
from .test_cli import SEED_NAMES, SEEDS, TREASURY, copy_seeds, run, summary, tree

pytestmark = pytest.mark.skipif(len(SEED_NAMES) < 3, reason=f"seed articles not found in {SEEDS}")

EXPLAINED = re.compile(r"^  (\S+) +(\S+) +(\d+)-(\d+) ", re.M)


def explained(stderr: bytes) -> dict[str, list[tuple[str, str, int, int]]]:
    """The trail of each document that ``cleaner --explain`` printed, by source."""
    trails: dict[str, list[tuple[str, str, int, int]]] = {}
    for block in re.split(r"^(?=\S.*: \d+ removed$)", stderr.decode(), flags=re.M):
        head = re.match(r"(.*): \d+ removed$", block, re.M)
        if head:
            trails[head.group(1)] = [
                (cat, rule, int(a), int(b)) for cat, rule, a, b in EXPLAINED.findall(block)
            ]
    return trails


def test_a_report_of_the_seeds_matches_explain_and_the_bodies(tmp_path: Path) -> None:
    result = run("report", SEEDS, "-o", tmp_path / "out/")
    assert result.returncode == 0, result.stderr
    assert summary(result.stderr) == "cleaner: 3 read, 3 written, 0 errors"
    pages = tree(tmp_path / "out")
    assert set(pages) == {"index.html", *(f"{name}.html" for name in SEED_NAMES)}
    explain = run(SEEDS, "--explain", "-o", tmp_path / "clean")
    trails = explained(explain.stderr)
    assert len(trails) == 3
    for name in SEED_NAMES:
        page = read_page(pages[f"{name}.html"].decode("utf-8"))
        assert page.trail() == trails[str(SEEDS / name)]
        assert trails[str(SEEDS / name)]
        body = (tmp_path / "clean" / name).read_text("utf-8")
        assert page.kept() == fold(body)
    index = pages["index.html"].decode("utf-8")
    for name in SEED_NAMES:
        assert f'href="{name}.html"' in index
    assert "Removed characters per category" in index and "<svg" in index


def test_pages_mirror_the_folders_and_link_back_to_the_index(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in" / "2021" / "may")
    (tmp_path / "in" / "notes.md").write_text("not an article")
    result = run("report", tmp_path / "in", "-o", tmp_path / "in" / "report")
    assert result.returncode == 0, result.stderr
    pages = tree(tmp_path / "in" / "report")
    assert set(pages) == {"index.html", *(f"2021/may/{n}.html" for n in SEED_NAMES)}
    assert '<a href="../../index.html">' in pages[f"2021/may/{TREASURY}.html"].decode()
    again = run("report", tmp_path / "in", "-o", tmp_path / "in" / "report")
    assert summary(again.stderr) == "cleaner: 3 read, 3 written, 0 errors"  # not its own input


def test_html_input_shows_the_extracted_text_and_says_so(tmp_path: Path) -> None:
    page_source = (
        "<html><head><title>Vote</title></head><body><nav>Home News</nav><article>"
        "<h1>Council passes budget</h1><p>Advertisement</p>"
        "<p>The council approved the budget on Monday after a long and heated debate.</p>"
        "<p>Sign up for our daily newsletter!</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(page_source, "utf-8")
    result = run("report", tmp_path / "page.html", "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    markup = (tmp_path / "out" / "page.html.html").read_text("utf-8")
    _, article = cleaner.Cleaner().clean_with_text(page_source)
    assert article.mode == "html" and article.removed
    page = read_page(markup)
    assert page.trail() == [(r.category, r.rule, r.start, r.end) for r in article.removed]
    assert page.kept() == fold(article.text)
    assert "HTML input" in markup and "<p>" not in "".join(page.outside)


def test_jsonl_records_get_a_page_each_up_to_the_limit(tmp_path: Path) -> None:
    texts = [(SEEDS / name).read_text("utf-8") for name in SEED_NAMES]
    lines = [
        json.dumps({"id": "a/1", "text": texts[0]}),
        "not json",
        json.dumps({"text": texts[1]}),
        json.dumps({"id": 7, "body": "no text field"}),
        json.dumps({"id": 9, "text": texts[2]}),
    ]
    source = tmp_path / "crawl.jsonl"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    result = run("report", source, "--limit", "3", "-o", tmp_path / "out")
    assert result.returncode == 1
    assert summary(result.stderr) == "cleaner: 3 read, 2 written, 1 errors"
    assert f"{source}:2: malformed JSON" in result.stderr.decode()
    assert set(tree(tmp_path / "out")) == {"index.html", "crawl/id-a_1.html", "crawl/line-3.html"}
    whole = run("report", "--jsonl", "--field", "text", source, "-o", tmp_path / "all")
    assert summary(whole.stderr) == "cleaner: 5 read, 3 written, 2 errors"
    assert "crawl/id-9.html" in tree(tmp_path / "all")
    page = read_page((tmp_path / "all" / "crawl" / "id-9.html").read_text("utf-8"))
    article = cleaner.clean(texts[2])
    assert page.trail() == [(r.category, r.rule, r.start, r.end) for r in article.removed]
    index = (tmp_path / "all" / "index.html").read_text("utf-8")
    assert "missing field &#x27;text&#x27;" in index or "missing field 'text'" in index


def test_bad_documents_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 40)
    errors = tmp_path / "errors.jsonl"
    missing = tmp_path / "missing.txt"
    result = run("report", tmp_path / "in", missing, "-o", tmp_path / "out", "--errors", errors)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert f"{tmp_path / 'in' / 'binary.txt'}: undecodable" in err
    assert f"{missing}: cannot read" in err
    assert summary(result.stderr) == "cleaner: 5 read, 3 written, 2 errors"
    assert set(tree(tmp_path / "out")) == {"index.html", *(f"{n}.html" for n in SEED_NAMES)}
    assert len(errors.read_text().splitlines()) == 2
    assert "Failed (2)" in (tmp_path / "out" / "index.html").read_text("utf-8")


def test_workers_write_the_same_pages(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in" / "a")
    copy_seeds(tmp_path / "in" / "b")
    one = run("report", tmp_path / "in", "-o", tmp_path / "one")
    two = run("report", tmp_path / "in", "-o", tmp_path / "two", "-j", "2")
    assert one.returncode == two.returncode == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_report_is_the_subcommand_and_a_file_named_report_is_dot_slash(tmp_path: Path) -> None:
    shutil.copy(SEEDS / TREASURY, tmp_path / "report")
    as_file = run("./report", cwd=tmp_path)
    assert as_file.returncode == 0
    assert as_file.stdout.decode() == cleaner.clean((SEEDS / TREASURY).read_bytes()).text + "\n"
    bare = run("report", cwd=tmp_path)
    assert bare.returncode == 2 and "write 'cleaner ./report'" in bare.stderr.decode()
    (tmp_path / "elsewhere").mkdir()
    bare = run("report", cwd=tmp_path / "elsewhere")
    assert bare.returncode == 2 and "-o/--output" in bare.stderr.decode()
    of_the_file = run("report", "report", "-o", "out", cwd=tmp_path)
    assert of_the_file.returncode == 0, of_the_file.stderr
    assert set(tree(tmp_path / "out")) == {"index.html", "report.html"}
    helped = run("report", "--help")
    assert helped.returncode == 0 and b"--limit" in helped.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--limit", "-1"], "must be 0 or more"),
        (["--keep", "bogus"], "unknown category 'bogus'"),
        (["-", "-"], "stdin ('-') can be read only once"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("report", *args, "-o", tmp_path / "out")
    assert result.returncode == 2
    assert message in result.stderr.decode()


def test_an_output_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("")
    result = run("report", SEEDS, "-o", tmp_path / "out")
    assert result.returncode == 2 and "is a file" in result.stderr.decode()
