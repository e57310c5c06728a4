"""The installed `cleaner` command on documents: stdin, files, folders, formats, exit codes.

Every test runs the real entry point in a subprocess (the console script next to this
Python, else ``python -m cleaner``); the helpers here are shared by tests/test_cli_*.py.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

import cleaner

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
TREASURY = "001_bd61e237c2cdf799.txt"  # has a section, a title, a credit, tags, a copyright
ANSI = "\033["

pytestmark = pytest.mark.skipif(len(SEED_NAMES) < 3, reason=f"seed articles not found in {SEEDS}")


def cleaner_command() -> list[str]:
    """The installed console script, else ``python -m cleaner``."""
    script = Path(sys.executable).parent / "cleaner"
    if script.is_file():
        return [str(script)]
    found = shutil.which("cleaner")
    return [found] if found else [sys.executable, "-m", "cleaner"]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(extra)
    return env


def run(
    *args: str | Path,
    stdin: bytes = b"",
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    command: list[str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the command to completion with stdin, stdout and stderr as pipes."""
    return subprocess.run(
        [*(command or cleaner_command()), *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env or clean_env(),
        timeout=300,
    )


def seed_bytes(name: str = TREASURY) -> bytes:
    return (SEEDS / name).read_bytes()


def expected_body(data: bytes, **options: object) -> str:
    """What the text format must write for one document: the library's body and a newline."""
    text = cleaner.clean(data, **options).text  # type: ignore[arg-type]
    return text + "\n" if text else ""


def copy_seeds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(SEEDS / name, folder / name)) for name in SEED_NAMES]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def summary(stderr: bytes) -> str:
    lines = [line for line in stderr.decode().splitlines() if " read, " in line]
    assert lines, f"no summary in stderr: {stderr.decode()!r}"
    return lines[-1]


def run_on_pty(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run with stderr on a pseudo-terminal (stdout a pipe); return what stderr showed."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        [*cleaner_command(), *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        cwd=cwd,
        env=env or clean_env(),
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8", "replace")


# stdin and stdout


def test_stdin_to_stdout_is_the_clean_body() -> None:
    result = run(stdin=seed_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == expected_body(seed_bytes())
    assert "Getty Images" not in result.stdout.decode()
    assert summary(result.stderr) == "cleaner: 1 read, 1 written, 0 errors"


def test_dash_is_stdin_and_quiet_silences_the_summary() -> None:
    result = run("-", "--quiet", stdin=seed_bytes())
    assert result.returncode == 0
    assert result.stdout.decode() == expected_body(seed_bytes())
    assert result.stderr == b""


def test_stdin_bytes_are_decoded_with_cleaners_decoder() -> None:
    text = "The café on Main Street reopened on Monday after a long renovation.\n"
    result = run("--quiet", stdin=text.encode("cp1252"))
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == text


def test_python_dash_m_cleaner_is_the_same_command() -> None:
    result = run("--quiet", stdin=seed_bytes(), command=[sys.executable, "-m", "cleaner"])
    assert result.returncode == 0
    assert result.stdout.decode() == expected_body(seed_bytes())


def test_version_and_help() -> None:
    assert run("--version").stdout.decode().strip() == f"cleaner {cleaner.__version__}"
    helped = run("--help")
    assert helped.returncode == 0
    text = helped.stdout.decode()
    assert "examples:" in text and "cleaner articles/ -o clean/" in text
    assert "cleaner rules list" in text


# files and folders


def test_folder_tree_is_mirrored_with_one_output_per_input(tmp_path: Path) -> None:
    source = tmp_path / "in"
    copy_seeds(source / "2021" / "april")
    copy_seeds(source / "top")
    (source / "notes.md").write_text("not an article")
    (source / ".hidden.txt").write_text("hidden files are skipped")
    (source / "top" / "x.TEXT").write_text("The glob is case-sensitive.")
    result = run(source, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = tree(tmp_path / "out")
    expected_names = {f"{d}/{n}" for d in ("2021/april", "top") for n in SEED_NAMES}
    assert set(out) == expected_names
    for name, data in out.items():
        assert data.decode() == expected_body((source / name).read_bytes()), name
    assert summary(result.stderr) == "cleaner: 6 read, 6 written, 0 errors"


def test_glob_chooses_the_files_taken_from_folders(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in" / "a")
    shutil.copy(SEEDS / TREASURY, tmp_path / "in" / "a" / "extra.text")
    result = run(tmp_path / "in", "-o", tmp_path / "out", "--glob", "*.text")
    assert result.returncode == 0, result.stderr
    assert set(tree(tmp_path / "out")) == {"a/extra.txt"}
    by_path = run(tmp_path / "in", "-o", tmp_path / "out2", "--glob", "a/000_*")
    assert by_path.returncode == 0, by_path.stderr
    assert set(tree(tmp_path / "out2")) == {f"a/{SEED_NAMES[0]}"}


def test_files_go_to_the_output_folder_with_the_formats_extension(tmp_path: Path) -> None:
    files = copy_seeds(tmp_path / "in")
    result = run(*files, "-o", tmp_path / "out", "--format", "json")
    assert result.returncode == 0, result.stderr
    out = tree(tmp_path / "out")
    assert set(out) == {Path(n).with_suffix(".json").name for n in SEED_NAMES}
    data = json.loads(out[Path(TREASURY).with_suffix(".json").name])
    article = cleaner.clean(seed_bytes())
    assert data == {"source": str(tmp_path / "in" / TREASURY), **article.to_dict()}
    assert {"category": "credit", "rule": "CRED001"}.items() <= data["removed"][2].items()


def test_markdown_has_title_metadata_lines_and_body(tmp_path: Path) -> None:
    result = run(SEEDS / TREASURY, "--format", "markdown")
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    article = cleaner.clean(seed_bytes())
    title = article.metadata.title
    assert title is not None
    assert text.startswith(f"# {title}\n\n")
    assert "- **Tags:** John McCain, Mitch McConnell\n" in text
    assert "- **Section:** National Security\n" in text
    assert text.endswith("\n\n" + article.text + "\n")


def test_several_files_to_stdout_are_headed_like_head(tmp_path: Path) -> None:
    files = copy_seeds(tmp_path)
    result = run(*files)
    assert result.returncode == 0, result.stderr
    expected = "\n".join(f"==> {path} <==\n" + expected_body(path.read_bytes()) for path in files)
    assert result.stdout.decode() == expected


def test_json_format_on_stdout_is_a_stream_of_objects(tmp_path: Path) -> None:
    files = copy_seeds(tmp_path)
    result = run(*files, "--format", "json")
    assert result.returncode == 0, result.stderr
    decoder, text, index, objects = json.JSONDecoder(), result.stdout.decode(), 0, []
    while text[index:].strip():
        index = len(text) - len(text[index:].lstrip())
        value, index = decoder.raw_decode(text, index)
        objects.append(value)
    assert [o["source"] for o in objects] == [str(p) for p in files]
    assert text.startswith('{\n  "source": ')


def test_jsonl_format_writes_one_line_per_document_in_input_order(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in" / "b")
    copy_seeds(tmp_path / "in" / "a")
    result = run(tmp_path / "in", "--format", "jsonl", "--workers", "2", "--chunksize", "1")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    expected = [str(tmp_path / "in" / d / n) for d in ("a", "b") for n in SEED_NAMES]
    assert [line["source"] for line in lines] == expected
    assert all(
        line["text"] == cleaner.clean(Path(line["source"]).read_bytes()).text for line in lines
    )


def test_workers_give_the_same_tree_byte_for_byte(tmp_path: Path) -> None:
    for i in range(4):
        copy_seeds(tmp_path / "in" / f"d{i}")
    one = run(tmp_path / "in", "-o", tmp_path / "one", "--format", "json")
    many = run(tmp_path / "in", "-o", tmp_path / "many", "--format", "json", "-j", "2")
    assert one.returncode == many.returncode == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "many")
    assert len(tree(tmp_path / "one")) == 12


def test_skip_existing_leaves_finished_outputs_alone(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    (out / TREASURY).write_text("kept\n")
    result = run(tmp_path / "in", "-o", out, "--skip-existing")
    assert result.returncode == 0, result.stderr
    assert (out / TREASURY).read_text() == "kept\n"
    assert len(tree(out)) == 3
    assert summary(result.stderr) == "cleaner: 2 read, 2 written, 0 errors, 1 skipped"


def test_skip_existing_with_one_output_file_skips_the_run(tmp_path: Path) -> None:
    files = copy_seeds(tmp_path / "in")
    target = tmp_path / "all.jsonl"
    first = run(*files, "--format", "jsonl", "-o", target)
    assert first.returncode == 0 and len(target.read_text().splitlines()) == 3
    target.write_text("kept\n")
    again = run(*files, "--format", "jsonl", "-o", target, "--skip-existing")
    assert again.returncode == 0
    assert target.read_text() == "kept\n"
    assert summary(again.stderr) == "cleaner: 0 read, 0 written, 0 errors, 1 skipped"


def test_output_folder_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    source = tmp_path / "in"
    copy_seeds(source)
    for _ in range(2):
        result = run(source, "-o", source / "clean")
        assert summary(result.stderr) == "cleaner: 3 read, 3 written, 0 errors"
    assert not (source / "clean" / "clean").exists()


def test_two_inputs_with_one_output_name_are_not_overwritten(tmp_path: Path) -> None:
    shutil.copy(SEEDS / TREASURY, tmp_path / "a.txt")
    (tmp_path / "a.text").write_text("The council met on Monday to vote on the new budget.\n")
    result = run(tmp_path / "a.txt", tmp_path / "a.text", "-o", tmp_path / "out")
    assert result.returncode == 1
    assert "same output file as" in result.stderr.decode()
    assert (tmp_path / "out" / "a.txt").read_text() == expected_body(seed_bytes())


# options that change the cleaning


def test_keep_leaves_a_category_in_the_body() -> None:
    default = run(SEEDS / TREASURY).stdout.decode()
    kept = run(SEEDS / TREASURY, "--keep", "credit").stdout.decode()
    assert "Getty Images" not in default
    assert "Getty Images" in kept
    assert kept == expected_body(seed_bytes(), keep=["credit"])


PAGE = """<!DOCTYPE html><html><head><title>Council passes budget</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council passes budget</h1>
<p>The council approved the budget on Monday after a long and heated debate about roads.</p>
<p>Councillors will meet again in March to review spending and to hear from residents.</p>
</article></body></html>
"""


def test_input_mode_is_passed_to_the_cleaner(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    auto = json.loads(run(page, "--format", "json").stdout)
    assert auto["mode"] == "html"
    assert "<p>" not in auto["text"] and "The council approved the budget" in auto["text"]
    as_text = json.loads(run(page, "--format", "json", "--input", "text").stdout)
    assert as_text["mode"] == "text" and "<p>" in as_text["text"]


def test_rules_adds_a_pack(tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(GOOD_PACK)
    text = b"The council met on Monday.\n\nPromo code SAVE10\n\nIt voted on the budget.\n"
    assert b"Promo code" in run(stdin=text).stdout
    result = run("--rules", pack, "--explain", stdin=text)
    assert result.returncode == 0
    assert b"Promo code" not in result.stdout
    assert "MINE001" in result.stderr.decode()


# --explain


def test_explain_lists_each_removal_on_stderr_without_colour_in_a_pipe() -> None:
    plain = run(SEEDS / TREASURY)
    explained = run(SEEDS / TREASURY, "--explain")
    assert explained.stdout == plain.stdout
    err = explained.stderr.decode()
    assert ANSI not in err
    article = cleaner.clean(seed_bytes())
    assert f"{SEEDS / TREASURY}: {len(article.removed)} removed" in err
    for removal in article.removed:
        assert any(
            f" {removal.rule} " in line
            and removal.category in line
            and f"{removal.start}-{removal.end}" in line
            for line in err.splitlines()
        ), removal
    assert "Getty Images" in err


def test_explain_colour_follows_the_terminal_and_no_color(tmp_path: Path) -> None:
    forced = run(SEEDS / TREASURY, "--explain", "--color", "always")
    assert ANSI in forced.stderr.decode()
    on_terminal = run_on_pty(SEEDS / TREASURY, "--explain", cwd=tmp_path)
    assert ANSI + "33m" in on_terminal and "CRED001" in on_terminal
    no_color = run_on_pty(SEEDS / TREASURY, "--explain", cwd=tmp_path, env=clean_env(NO_COLOR="1"))
    assert "CRED001" in no_color and ANSI not in no_color


def test_progress_bar_only_on_a_terminal_and_for_several_documents(tmp_path: Path) -> None:
    for i in range(10):
        copy_seeds(tmp_path / "in" / f"d{i}")
    bar = run_on_pty(tmp_path / "in", "-o", tmp_path / "o1", cwd=tmp_path)
    assert "doc/s" in bar or "s/doc" in bar
    assert "30 read, 30 written, 0 errors" in bar
    assert "doc/s" not in run(tmp_path / "in", "-o", tmp_path / "o2").stderr.decode()
    assert run_on_pty(tmp_path / "in", "-o", tmp_path / "o3", "-q", cwd=tmp_path) == ""
    single = run_on_pty(SEEDS / TREASURY, "-o", tmp_path / "o4", cwd=tmp_path)
    assert "doc/s" not in single and "s/doc" not in single


# errors and exit status


def test_bad_documents_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 40)
    errors = tmp_path / "errors.jsonl"
    missing = tmp_path / "missing.txt"
    result = run(tmp_path / "in", missing, "-o", tmp_path / "out", "--errors", errors)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert f"{tmp_path / 'in' / 'binary.txt'}: undecodable: input looks binary" in err
    assert f"{missing}: cannot read: No such file or directory" in err
    assert summary(result.stderr) == "cleaner: 5 read, 3 written, 2 errors"
    assert set(tree(tmp_path / "out")) == set(SEED_NAMES)
    logged = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(e["source"], e["line"]) for e in logged] == [
        (str(tmp_path / "in" / "binary.txt"), None),
        (str(missing), None),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--keep", "bogus", "-"], "unknown category 'bogus'"),
        (["--skip-existing", "-"], "--skip-existing needs -o"),
        (["--format", "yaml"], "invalid choice: 'yaml'"),
        (["--html-focus", "fast"], "invalid choice: 'fast'"),
        (["--workers", "-1"], "must be 0 or more"),
        (["--no-such-option"], "unrecognized arguments"),
        (["--jsonl", "--format", "text"], "does not apply to JSON Lines"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert result.stdout == b""


def test_a_bad_rule_pack_is_a_usage_error_with_the_loaders_message(tmp_path: Path) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text(BAD_PACK)
    result = run("--rules", pack, stdin=seed_bytes())
    assert result.returncode == 2
    err = result.stderr.decode()
    assert f"{pack}: rule BAD001: counterexample" in err and "matches" in err
    assert result.stdout == b""


def test_output_folder_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("")
    result = run(SEEDS / TREASURY, "-o", tmp_path / "out")
    assert result.returncode == 2
    assert "is a file" in result.stderr.decode()


def test_closed_stdout_stops_quietly(tmp_path: Path) -> None:
    for i in range(5):
        copy_seeds(tmp_path / f"d{i}")
    process = subprocess.Popen(
        [*cleaner_command(), str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err


# cleaner rules


GOOD_PACK = """\
[pack]
name = "mine"
description = "Promo lines."

[[rules]]
id = "MINE001"
category = "ad"
scope = "line"
description = "A promo-code line."
patterns = ['promo code \\w+']
examples = ["Promo code SAVE10"]
counterexamples = ["The promo code was leaked online."]
"""

BAD_PACK = GOOD_PACK.replace("MINE001", "BAD001").replace(
    'counterexamples = ["The promo code was leaked online."]',
    'counterexamples = ["Promo code LEAKED"]',
)


def test_rules_list_names_every_rule_and_heuristic() -> None:
    from cleaner.pipeline.heuristics import HEURISTICS
    from cleaner.rules import builtin_packs

    result = run("rules", "list")
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines[0].split() == ["ID", "CATEGORY", "SCOPE", "PACK", "DESCRIPTION"]
    rows = {line.split()[0]: line for line in lines[1:]}
    for pack in builtin_packs():
        for rule in pack.rules:
            assert rule.category.value in rows[rule.id] and rule.scope.value in rows[rule.id]
            assert rows[rule.id].endswith(rule.description)
    for heuristic in HEURISTICS:
        assert "heuristic" in rows[heuristic]
    as_json = run("rules", "list", "--format", "jsonl").stdout.decode().splitlines()
    assert len(as_json) == len(lines) - 1
    assert set(json.loads(as_json[0])) == {"id", "category", "scope", "pack", "description"}


def test_rules_list_includes_extra_packs(tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(GOOD_PACK)
    lines = run("rules", "list", "--rules", pack, "--no-builtin-rules").stdout.decode()
    assert lines.splitlines()[1:] == [
        "MINE001  ad        line   mine  A promo-code line.",
    ]


def test_rules_test_reports_ok_with_counts(tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(GOOD_PACK)
    result = run("rules", "test", pack)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == (
        f"OK {pack}: pack 'mine', 1 rules, 1 examples and 1 counterexamples pass\n"
    )


def test_rules_test_reports_the_failing_rule_and_exits_1(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(GOOD_PACK)
    bad.write_text(BAD_PACK)
    result = run("rules", "test", good, bad)
    assert result.returncode == 1
    assert result.stdout.decode().startswith(f"OK {good}")
    assert result.stderr.decode() == (
        f"FAIL {bad}: rule BAD001: counterexample 'Promo code LEAKED' matches\n"
    )


def test_rules_test_catches_an_id_clash_with_the_builtin_rules(tmp_path: Path) -> None:
    pack = tmp_path / "clash.toml"
    pack.write_text(GOOD_PACK.replace("MINE001", "AD001"))
    result = run("rules", "test", pack)
    assert result.returncode == 1
    assert "AD001 is already defined" in result.stderr.decode()


def test_a_file_named_rules_is_still_a_file(tmp_path: Path) -> None:
    shutil.copy(SEEDS / TREASURY, tmp_path / "rules")
    as_file = run("rules", cwd=tmp_path)
    assert as_file.returncode == 0
    assert as_file.stdout.decode() == expected_body(seed_bytes())
    listed = run("rules", "list", cwd=tmp_path)
    assert listed.returncode == 0 and listed.stdout.startswith(b"ID ")
    both = run("./rules", "-", cwd=tmp_path, stdin=seed_bytes())
    assert both.stdout.decode().count("==> ") == 2
    (tmp_path / "rules").unlink()
    hint = run("rules", cwd=tmp_path)
    assert hint.returncode == 2 and "cleaner rules list" in hint.stderr.decode()


def test_the_summary_counts_the_warnings_of_the_cleaned_documents(tmp_path: Path) -> None:
    text = "Le café a fermé après une longue grève des employés, selon la direction."
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "empty.html").write_text("<html><body><div></div></body></html>", "utf-8")
    (tmp_path / "plain.txt").write_text(text, "utf-8")
    result = run(tmp_path, "-o", tmp_path / "out")
    assert result.returncode == 0
    summary = result.stderr.decode().strip().splitlines()[-1]
    assert summary == (
        "cleaner: 3 read, 3 written, 0 errors, 2 warnings (charset-guessed 1, html-fallback 1)"
    )
    assert (tmp_path / "out" / "legacy.txt").read_text("utf-8") == text + "\n"


def test_the_summary_counts_warnings_of_jsonl_records_in_workers(tmp_path: Path) -> None:
    records = [{"id": i, "text": "<html><body><div></div></body></html>"} for i in range(3)]
    records.append({"id": 3, "text": "The vote is on Monday, officials said."})
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    for workers in ("1", "2"):
        result = run("--jsonl", source, "--workers", workers)
        summary = result.stderr.decode().strip().splitlines()[-1]
        assert summary == "cleaner: 4 read, 4 written, 0 errors, 3 warnings (html-fallback 3)"
        out = [json.loads(line) for line in result.stdout.decode().splitlines()]
        assert [len(r["cleaner"]["warnings"]) for r in out] == [1, 1, 1, 0]
