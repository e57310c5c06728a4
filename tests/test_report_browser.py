"""``cleaner report`` pages in a real browser: headless Chromium (Debian's ``chromium``)
renders them; the DOM it built and the screenshot it took show every highlight, and a
hostile document (markup, a 5 MB line, right-to-left text) renders whole and in time.

CI installs chromium (.ci/run); elsewhere these tests are skipped when it is missing.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from collections import Counter
from pathlib import Path

import pytest

import cleaner
from cleaner.audit.style import colours

from .report_dom import fold, read_page
from .test_cli import SEED_NAMES, SEEDS, TREASURY, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.skipif(len(SEED_NAMES) < 3, reason=f"seed articles not found in {SEEDS}"),
]
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run headless Chromium with a fresh profile; it must succeed."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    return done


def screenshot(page: Path, png: Path, width: int, height: int, scale: float = 1) -> float:
    """Take a screenshot of ``page`` (``width`` x ``height`` CSS pixels, at ``scale`` device
    pixels each); return the seconds it took, browser start included."""
    started = time.perf_counter()
    chromium(
        f"--screenshot={png}",
        f"--window-size={width},{height}",
        f"--force-device-scale-factor={scale}",
        page.as_uri(),
    )
    return time.perf_counter() - started


def _unfilter(kind: int, line: bytearray, previous: bytearray, size: int) -> bytearray:
    """Undo a PNG row filter (none, sub, up, average, Paeth)."""
    if kind == 0:
        return line
    if kind == 2:
        return bytearray((a + b) & 255 for a, b in zip(line, previous, strict=True))
    for i in range(len(line)):
        left = line[i - size] if i >= size else 0
        up = previous[i]
        if kind == 1:
            line[i] = (line[i] + left) & 255
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 255
        else:
            corner = previous[i - size] if i >= size else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            line[i] = (line[i] + best) & 255
    return line


def pixels(png: Path) -> Counter[tuple[int, int, int]]:
    """How many pixels of each colour an 8-bit RGB or RGBA PNG holds (alpha ignored)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    size = 3 if colour == 2 else 4
    stride = width * size
    raw = zlib.decompress(idat)
    counts: Counter[tuple[int, int, int]] = Counter()
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        line = bytearray(raw[start + 1 : start + 1 + stride])
        previous = _unfilter(raw[start], line, previous, size)
        counts.update(zip(previous[0::size], previous[1::size], previous[2::size], strict=True))
    return counts


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def assert_highlighted(
    shown: Counter[tuple[int, int, int]],
    article: cleaner.Article,
    categories: set[str],
    scale: float,
) -> None:
    """The screenshot shows highlights of each of ``categories``: more pixels of their
    colour than the swatches hold (the legend and the rules table show a 14 x 14 swatch of
    it for the category and for each of its rules)."""
    for category in categories:
        swatches = 1 + len({r.rule for r in article.removed if r.category == category})
        highlight = shown[rgb(colours(category)[0])]
        assert highlight > (14 * scale) ** 2 * swatches + 300 * scale**2, (category, highlight)


@pytest.mark.slow
def test_chromium_shows_every_highlight_of_a_seed(tmp_path: Path) -> None:
    result = run("report", SEEDS / TREASURY, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = tmp_path / "out" / f"{TREASURY}.html"
    article = cleaner.clean((SEEDS / TREASURY).read_bytes())
    dom = read_page(chromium("--dump-dom", page.as_uri()).stdout.decode("utf-8"))
    assert dom.trail() == [(r.category, r.rule, r.start, r.end) for r in article.removed]
    assert dom.kept() == fold(article.text)
    png = tmp_path / "page.png"
    screenshot(page, png, 1100, 4400, scale=0.5)  # the whole page, at half size
    assert_highlighted(pixels(png), article, {r.category for r in article.removed}, 0.5)


@pytest.mark.slow
def test_a_hostile_5_mb_document_renders_whole_and_in_time(tmp_path: Path) -> None:
    words = ["council", "budget", "Monday", "roads", "schools", "vote", "debate"]
    line = " ".join(words[i % len(words)] for i in range(800_000))[:5_000_000]
    source = (
        "Advertisement\n\n"
        "<script>document.title = 'ran'</script><style>body{display:none}</style>\n\n"
        "وافق المجلس على الميزانية يوم الاثنين بعد نقاش طويل حول الطرق.\u202e reversed?\n\n"
        f"{line}\n\nSign up for our daily newsletter!\n"
    )
    (tmp_path / "hostile.txt").write_text(source, "utf-8")
    result = run("report", tmp_path / "hostile.txt", "--input", "text", "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = tmp_path / "out" / "hostile.txt.html"
    seconds = screenshot(page, tmp_path / "hostile.png", 1280, 900)
    assert seconds < 10, f"{seconds:.1f} s to render a 5 MB document's page"
    dom_text = chromium("--dump-dom", page.as_uri()).stdout.decode("utf-8")
    dom = read_page(dom_text)
    article = cleaner.clean(source, mode="text")
    assert [r[:2] for r in dom.trail()] == [("ad", "AD002"), ("newsletter", "NEWS001")]
    assert dom.trail() == [(r.category, r.rule, r.start, r.end) for r in article.removed]
    assert dom.kept() == fold(article.text)
    assert "script" not in dom.tags and "hostile.txt · cleaner report</title>" in dom_text
    assert "aside" in dom.tags and "Rules that fired" in dom_text  # the page after the text
    assert_highlighted(pixels(tmp_path / "hostile.png"), article, {"ad"}, 1)
