"""`cleaner learn` end to end: learn a pack from JSON Lines or files, then clean with it."""

from __future__ import annotations

import gzip
import json
import random
import tomllib
from pathlib import Path

from .test_cli import run
from .test_learn import MENU, QUOTE, STORE, STORIES, page


def write_corpus(path: Path, records: list[dict[str, object]]) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return path


def records() -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for n in range(20):
        found.append({"id": n, "url": f"https://www.example.com/{n}", "text": page(n, quote=n < 5)})
        found.append({"id": 100 + n, "url": f"https://b.org/{n}", "text": f"Back\n\n{STORIES[n]}"})
    found += [{"id": 999, "text": page(1)}, {"id": 998, "url": "nope", "text": page(2)}]
    return found


def test_learn_then_clean_a_jsonl_corpus(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "crawl.jsonl.gz", records())
    pack = tmp_path / "sites.toml"
    learned = run("learn", "--url-field", "url", corpus, "-o", pack, "--explain")
    assert learned.returncode == 0, learned.stderr
    stderr = learned.stderr.decode()
    assert "example.com: 20 pages, 5 lines learned" in stderr
    assert "b.org: 20 pages, 1 lines learned" in stderr
    assert f"prose-like, on 25% of pages, under 70%    {QUOTE}" in stderr
    assert stderr.strip().endswith(
        "cleaner learn: 42 documents, 2 sites (2 documents without a site), 0 errors; "
        "6 lines learned for 2 sites"
    )
    header = tomllib.loads(pack.read_text("utf-8"))["pack"]["learned"]
    assert header["documents"] == 42 and header["without_site"] == 2 and header["exact"]
    cleaned = run("--rules", pack, "--url-field", "url", "--explain", corpus)
    assert cleaned.returncode == 0, cleaned.stderr
    out = [json.loads(line) for line in cleaned.stdout.decode().splitlines()]
    assert out[0]["text"] == f"{STORIES[0]}\n\n{QUOTE}"
    assert out[1]["text"] == STORIES[0]
    rules = {r["rule"][:4] for r in out[0]["cleaner"]["removed"]}
    assert "TPL-" in rules
    assert STORE in out[-2]["text"]  # no URL: the site's rules do not apply


def test_the_pack_is_the_same_for_shuffled_input(tmp_path: Path) -> None:
    shuffled = records()
    random.Random(7).shuffle(shuffled)
    first = write_corpus(tmp_path / "a.jsonl", records())
    second = write_corpus(tmp_path / "b.jsonl", shuffled)
    run("learn", "--url-field", "url", first, "-o", tmp_path / "one" / "sites.toml", "-q")
    done = run("learn", "--url-field", "url", second, "-q")
    assert done.stdout == (tmp_path / "one" / "sites.toml").read_bytes()


def test_learn_from_text_files_of_one_site_and_clean_them(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(12):
        (folder / f"{n:02d}.txt").write_text(page(n), "utf-8")
    pack = tmp_path / "example.toml"
    assert run("learn", "--site", "www.Example.com", folder, "-o", pack, "-q").returncode == 0
    assert 'site = "example.com"' in pack.read_text("utf-8")
    cleaned = run("--rules", pack, "--site", "example.com", folder / "03.txt")
    assert cleaned.stdout.decode() == STORIES[3] + "\n"
    other = run("--rules", pack, "--site", "example.org", folder / "03.txt")
    assert STORE in other.stdout.decode()


def test_usage_errors(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(page(0), "utf-8")
    corpus = write_corpus(tmp_path / "c.jsonl", records())
    cases = [
        (["learn", text], "name their site with --site"),
        (["learn", corpus], "--url-field NAME"),
        (["learn", "--site", "a.org", "--url-field", "url", corpus], "not both"),
        (["learn", "--site", "http://a.org/", text], "a site is a host name"),
        (["learn", "--site", "a.org", "--min-share", "2", text], "at most 1"),
        (["learn", "--site", "a.org", "--min-pages", "1", text], "2 or more"),
        (["--site", "a.org", "--url-field", "url", corpus], "--site names the site"),
    ]
    for args, message in cases:
        done = run(*args)
        assert done.returncode == 2, args
        assert message in done.stderr.decode(), (args, done.stderr)


def test_bad_records_are_reported_and_the_pack_still_written(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, records())
    with corpus.open("a", encoding="utf-8") as out:
        out.write("not json\n" + json.dumps({"url": "https://example.com/x"}) + "\n")
    pack = tmp_path / "sites.toml"
    done = run("learn", "--url-field", "url", corpus, "-o", pack)
    assert done.returncode == 1
    stderr = done.stderr.decode()
    assert f"{corpus}:43: malformed JSON" in stderr
    assert f"{corpus}:44: missing field 'text'" in stderr
    assert "2 errors" in stderr and pack.is_file()


def test_a_file_named_learn_is_given_as_dot_slash_learn(tmp_path: Path) -> None:
    (tmp_path / "learn").write_text(f"{MENU}\n\n{STORIES[0]}\n", "utf-8")
    as_file = run("./learn", cwd=tmp_path)
    assert as_file.returncode == 0 and STORIES[0] in as_file.stdout.decode()
    as_command = run("learn", cwd=tmp_path, stdin=b"x")
    assert as_command.returncode == 2 and "--site" in as_command.stderr.decode()


def test_output_to_a_pipe_is_written_not_replaced_and_a_folder_is_refused(tmp_path: Path) -> None:
    import os
    import stat
    import subprocess

    from .test_cli import clean_env, cleaner_command

    text = tmp_path / "a.txt"
    text.write_text(page(0), "utf-8")
    fifo = tmp_path / "pack.fifo"
    os.mkfifo(fifo)
    args = [*cleaner_command(), "learn", "--site", "a.org", str(text), "-o", str(fifo), "-q"]
    child = subprocess.Popen(args, env=clean_env())
    with fifo.open("rb") as stream:
        data = stream.read()
    assert child.wait(timeout=120) == 0
    assert data.startswith(b"[pack]") and stat.S_ISFIFO(fifo.stat().st_mode)
    folder = run("learn", "--site", "a.org", text, "-o", tmp_path)
    assert folder.returncode == 2 and "is a folder" in folder.stderr.decode()
