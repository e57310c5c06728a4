"""The installed `cleaner` command on JSON Lines: fields kept, errors passed through, gzip."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import cleaner

from .test_cli import SEED_NAMES, SEEDS, clean_env, cleaner_command, run, summary

pytestmark = pytest.mark.skipif(len(SEED_NAMES) < 3, reason=f"seed articles not found in {SEEDS}")


def seed_texts() -> list[str]:
    return [(SEEDS / name).read_text("utf-8") for name in SEED_NAMES]


def good_record(i: int, text: str) -> dict[str, Any]:
    return {"id": i, "text": text, "url": f"https://example.com/{i}", "tags": ["é", {"n": 1.5}]}


def mixed_lines() -> list[str]:
    """Good records interleaved with every kind of bad line (lines 2, 4, 5, 6 and 8)."""
    texts = seed_texts()
    return [
        json.dumps(good_record(1, texts[0])),  # 1
        '{"id": 2, "text": "unterminated',  # 2 malformed
        "",  # 3 blank: skipped, not a record
        "[1, 2, 3]",  # 4 not an object
        json.dumps({"id": 5, "body": "no text field"}),  # 5 missing field
        json.dumps({"id": 6, "text": None}),  # 6 not a string
        json.dumps(good_record(7, texts[1]), ensure_ascii=False),  # 7
        json.dumps({"id": 8, "text": 42}),  # 8 not a string
        json.dumps(good_record(9, texts[2])),  # 9
    ]


BAD = {
    2: "malformed JSON",
    4: "not a JSON object but an array",
    5: "missing field 'text'",
    6: "field 'text' is null, not a string",
    8: "field 'text' is a number, not a string",
}


def write_jsonl(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def parse(stdout: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def test_good_records_are_cleaned_and_bad_ones_passed_through(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", mixed_lines())
    errors = tmp_path / "errors.jsonl"
    result = run("--jsonl", "--field", "text", source, "--errors", errors)
    assert result.returncode == 1
    out = parse(result.stdout)
    assert summary(result.stderr) == "cleaner: 8 read, 8 written, 5 errors"
    assert len(out) == 8  # every record in, every record out
    good = [o for o in out if "error" not in o]
    assert [o["id"] for o in good] == [1, 7, 9]
    for record, text in zip(good, seed_texts(), strict=True):
        article = cleaner.clean(text)
        original = good_record(record["id"], text)
        assert list(record) == ["id", "text", "url", "tags", "cleaner"]  # key order kept
        assert record["text"] == article.text
        assert record["url"] == original["url"] and record["tags"] == original["tags"]
        assert record["cleaner"] == {
            "metadata": article.metadata.to_dict(),
            "removed_count": len(article.removed),
            "warnings": [],
        }
    err = result.stderr.decode()
    for line, message in BAD.items():
        assert f"cleaner: {source}:{line}: {message}" in err
    assert out[1] == {
        "error": out[1]["error"],
        "raw": '{"id": 2, "text": "unterminated',
    }
    assert out[2] == {"error": BAD[4], "raw": "[1, 2, 3]"}
    assert out[3] == {"id": 5, "body": "no text field", "error": BAD[5]}
    assert out[4] == {"id": 6, "text": None, "error": BAD[6]}
    logged = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(e["source"], e["line"]) for e in logged] == [(str(source), n) for n in BAD]
    assert all(e["error"].startswith(BAD[e["line"]]) for e in logged)


def test_drop_errors_leaves_failed_records_out(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", mixed_lines())
    result = run("--jsonl", source, "--drop-errors")
    assert result.returncode == 1
    assert [o["id"] for o in parse(result.stdout)] == [1, 7, 9]
    assert summary(result.stderr) == "cleaner: 8 read, 3 written, 5 errors"


def test_into_metadata_key_and_explain(tmp_path: Path) -> None:
    text = seed_texts()[1]
    source = write_jsonl(tmp_path / "in.jsonl", [json.dumps(good_record(1, text))])
    result = run("--jsonl", source, "--into", "clean_text", "--metadata-key", "meta", "--explain")
    assert result.returncode == 0, result.stderr
    [record] = parse(result.stdout)
    article = cleaner.clean(text)
    assert list(record) == ["id", "text", "url", "tags", "clean_text", "meta"]
    assert record["text"] == text  # the original stays
    assert record["clean_text"] == article.text
    assert record["meta"]["removed"] == [r.to_dict() for r in article.removed]
    assert {r["rule"] for r in record["meta"]["removed"]} >= {"CRED001", "COPY001"}
    bare = parse(run("--jsonl", source, "--metadata-key", "").stdout)
    assert list(bare[0]) == ["id", "text", "url", "tags"]


def test_url_field_fills_the_metadata_url(tmp_path: Path) -> None:
    record = {"text": "The council met on Monday to vote on the budget.", "link": "https://x.org/a"}
    source = write_jsonl(tmp_path / "in.jsonl", [json.dumps(record)])
    [out] = parse(run("--jsonl", source, "--url-field", "link").stdout)
    assert out["cleaner"]["metadata"]["url"] == "https://x.org/a"


def test_gzip_in_and_out(tmp_path: Path) -> None:
    lines = mixed_lines()
    plain = run("--jsonl", write_jsonl(tmp_path / "in.jsonl", lines))
    zipped_in = write_jsonl(tmp_path / "in.jsonl.gz", lines)
    from_gz = run(zipped_in)  # *.jsonl.gz names turn JSONL mode on by themselves
    assert from_gz.stdout == plain.stdout.replace(b"in.jsonl", b"in.jsonl.gz")
    from_stdin = run("--jsonl", stdin=zipped_in.read_bytes())
    assert from_stdin.stdout == plain.stdout
    target = tmp_path / "out.jsonl.gz"
    written = run("--jsonl", tmp_path / "in.jsonl", "-o", target)
    assert written.returncode == 1 and written.stdout == b""
    assert target.read_bytes()[:2] == b"\x1f\x8b"
    assert gzip.decompress(target.read_bytes()) == plain.stdout
    assert list(tmp_path.glob(".*")) == []


def test_a_truncated_gzip_is_an_error_after_the_good_records(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(mixed_lines()) + "\n").encode())
    source = tmp_path / "cut.jsonl.gz"
    source.write_bytes(data[: len(data) - 30])
    result = run(source)
    assert result.returncode == 1
    assert f"{source}:" in result.stderr.decode()
    assert "cannot read" in result.stderr.decode()


def test_a_folder_of_shards_is_mirrored(tmp_path: Path) -> None:
    lines = mixed_lines()
    (tmp_path / "in" / "sub").mkdir(parents=True)
    write_jsonl(tmp_path / "in" / "a.jsonl", lines)
    write_jsonl(tmp_path / "in" / "sub" / "b.jsonl.gz", lines[:1])
    (tmp_path / "in" / "notes.txt").write_text("not a shard")
    result = run("--jsonl", tmp_path / "in", "-o", tmp_path / "out", "--drop-errors")
    assert result.returncode == 1
    out = tmp_path / "out"
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a.jsonl", "sub/b.jsonl.gz"]
    assert len((tmp_path / "out" / "a.jsonl").read_text().splitlines()) == 3
    shard = gzip.decompress((tmp_path / "out" / "sub" / "b.jsonl.gz").read_bytes())
    assert [r["id"] for r in parse(shard)] == [1]
    again = run("--jsonl", tmp_path / "in", "-o", tmp_path / "out", "--skip-existing")
    assert summary(again.stderr) == "cleaner: 0 read, 0 written, 0 errors, 2 skipped"


def test_workers_keep_the_record_order(tmp_path: Path) -> None:
    texts = seed_texts()
    lines = [json.dumps({"n": i, "text": texts[i % 3] + f"\n\nLine {i}."}) for i in range(60)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    one = run(source)
    many = run(source, "--workers", "2", "--chunksize", "3")
    assert one.returncode == many.returncode == 0
    assert many.stdout == one.stdout
    assert [r["n"] for r in parse(many.stdout)] == list(range(60))


def _max_rss_kib(args: list[str]) -> int:
    """Peak memory of one cleaner run, measured by a fresh parent that waits for it alone."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *cleaner_command(), *args],
        capture_output=True,
        env=clean_env(),
        check=True,
        timeout=300,
    )
    return int(result.stdout)


def test_memory_stays_bounded_on_a_large_stream(tmp_path: Path) -> None:
    pad = "x" * 20_000
    line = json.dumps({"text": "Sign up for our newsletter!\n\nThe vote is on Monday.", "pad": pad})
    small = write_jsonl(tmp_path / "small.jsonl", [line] * 100)
    large = write_jsonl(tmp_path / "large.jsonl", [line] * 4_000)  # 80 MB
    base = _max_rss_kib([str(small), "--quiet"])
    peak = _max_rss_kib([str(large), "--quiet"])
    assert peak - base < 30_000, (base, peak)  # reading it whole would take 80 MB or more


def test_a_lost_jsonl_record_fails_alone_with_its_fields_kept() -> None:
    """A record whose worker died comes back as its own line with the error; the records
    around it are cleaned (the job parses and encodes lines where they are cleaned)."""
    from cleaner.cli.inputs import Record
    from cleaner.cli.jobs import JsonlJob

    job = JsonlJob(field="text", url_field="url", into=None, metadata_key="", explain=False)
    engine = cleaner.Cleaner(mode="text")
    lines = [
        json.dumps(good_record(i, text)).encode() + b"\n" for i, text in enumerate(seed_texts())
    ]
    records = [Record("in.jsonl", number, payload=line) for number, line in enumerate(lines, 1)]
    outcomes: list[Any] = [job.run(engine, job.task(r)) for r in records]
    outcomes[1] = cleaner.WorkerDied()
    settled = [job.settle(r, o) for r, o in zip(records, outcomes, strict=True)]
    assert [r.error for r in settled] == [None, str(cleaner.WorkerDied()), None]
    output = [json.loads(r.output or b"") for r in settled]
    assert output[1] == {**good_record(1, seed_texts()[1]), "error": str(cleaner.WorkerDied())}
    for i in (0, 2):
        assert output[i]["text"] == engine.clean(seed_texts()[i]).text
        assert output[i]["tags"] == good_record(i, "")["tags"]
