"""The look of the report: a colour per category, the stylesheet and the page shell.

Every page is self-contained: the stylesheet is inline, there is no script, and the page's
Content-Security-Policy forbids loading anything (scripts, styles, images, fonts, frames)
from anywhere, so even a page that somehow held markup from its input could not run it.
"""

from __future__ import annotations

from ..categories import Category
from . import escape

# Each category's highlight (a light background) and its ink (underline, badge, bar edge).
COLOURS: dict[Category, tuple[str, str]] = {
    Category.NEWSLETTER: ("#ffd8a8", "#e8590c"),
    Category.RECOMMENDED: ("#b2f2bb", "#2b8a3e"),
    Category.AD: ("#ffa8a8", "#c92a2a"),
    Category.COPYRIGHT: ("#d0bfff", "#6741d9"),
    Category.COMMENTS: ("#ffec99", "#e67700"),
    Category.SOCIAL: ("#99e9f2", "#0b7285"),
    Category.WIDGET: ("#eebefa", "#9c36b5"),
    Category.CREDIT: ("#fcc2d7", "#c2255c"),
    Category.HEADER: ("#a5d8ff", "#1864ab"),
    Category.FOOTER: ("#bac8ff", "#364fc7"),
    Category.LEGAL: ("#c3fae8", "#087f5b"),
    Category.NAVIGATION: ("#e9d8c4", "#8a5a2b"),
    Category.PAGE: ("#dee2e6", "#495057"),
}
UNKNOWN = ("#ffe066", "#5c940d")  # a category this version does not know

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def colours(category: str) -> tuple[str, str]:
    """The highlight and ink colours of a category (by name).

    >>> colours("ad")
    ('#ffa8a8', '#c92a2a')
    """
    try:
        return COLOURS[Category(category)]
    except ValueError:
        return UNKNOWN


def css_class(category: str) -> str:
    """The CSS class of a category's highlights: ``c-`` and the name, if it is a known one.

    >>> css_class("ad"), css_class("no such <thing>")
    ('c-ad', 'c-other')
    """
    return f"c-{category}" if category in Category._value2member_map_ else "c-other"


def _category_rules() -> str:
    rules = [
        f".c-{category.value}{{--hl:{light};--ink:{ink}}}"
        for category, (light, ink) in COLOURS.items()
    ]
    rules.append(".c-other{--hl:%s;--ink:%s}" % UNKNOWN)  # noqa: UP031
    return "\n".join(rules)


STYLE = (
    """
:root{color-scheme:light;--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--panel:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
 "Noto Sans Arabic","Noto Sans Hebrew",sans-serif;color:var(--fg);background:#fff}
header.top{padding:14px 24px 8px;border-bottom:1px solid var(--line)}
header.top h1{font-size:19px;margin:4px 0;overflow-wrap:anywhere}
a{color:#0969da}
.muted,.note{color:var(--muted)}
.note{margin:6px 0;font-size:13.5px}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin:8px 0 0;padding:0;list-style:none;
 font-size:13px}
.legend li{display:flex;align-items:center;gap:5px}
.legend .none{opacity:.45}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;background:var(--hl);
 box-shadow:inset 0 -3px var(--ink)}
.layout{display:flex;gap:24px;align-items:flex-start;padding:16px 24px}
.doc{flex:1 1 auto;min-width:0;max-width:52em;margin:0;font:16px/1.6 Georgia,"Noto Serif",
 serif;white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
.doc .b{display:block;content-visibility:auto;contain-intrinsic-size:auto 30em;
 unicode-bidi:plaintext}
mark.rm{background:var(--hl);color:inherit;border-radius:3px;box-shadow:inset 0 -2px var(--ink)}
mark.rm::before{content:attr(data-rule);font:600 10px/1.2 ui-monospace,monospace;color:#fff;
 background:var(--ink);border-radius:3px;padding:0 3px;margin-inline-end:4px;
 vertical-align:2px}
mark.rm:hover{outline:2px solid var(--ink)}
mark.long{display:block}
mark.long .b{background:var(--hl)}
aside.panel{flex:0 0 26em;max-width:26em;font-size:13.5px;position:sticky;top:12px}
aside.panel section{background:var(--panel);border:1px solid var(--line);border-radius:6px;
 padding:8px 12px;margin-bottom:12px}
aside.panel h2{font-size:14px;margin:2px 0 6px}
aside.panel table{width:100%}
table{border-collapse:collapse}
th,td{text-align:start;vertical-align:top;padding:3px 8px 3px 0;border-bottom:1px solid
 var(--line)}
td{overflow-wrap:anywhere}
td.num,th.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap;
 overflow-wrap:normal}
th{white-space:nowrap}
td code{white-space:nowrap}
code{font:12.5px ui-monospace,monospace}
main.index{padding:16px 24px}
main.index table{font-size:13.5px;margin-top:8px}
.scroll{overflow-x:auto}
main.index td:first-child{min-width:18em}
main.index th{font-size:12.5px}
.chart text{font:12px system-ui,sans-serif;fill:var(--fg)}
@media (max-width:900px){.layout{flex-direction:column}aside.panel{position:static;
 max-width:none;flex-basis:auto;width:100%}}
"""
    + _category_rules()
    + "\n"
)


def shell(title: str, body: str) -> str:
    """A whole page: the policy, the stylesheet, ``title`` (escaped) and ``body`` (HTML).

    >>> page = shell("<b>", "<p>x</p>")
    >>> "<title>&lt;b&gt;</title>" in page and "<script" not in page
    True
    """
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape.text(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
