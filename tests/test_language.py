"""Language identification: the body's language in metadata, the page's lang only a hint."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.text.language import HINT_SOURCE, TEXT_SOURCE, identify

SENTENCES = {
    "en": "The council approved the budget on Monday after a long and heated debate.",
    "de": "Der Stadtrat hat den Haushalt am Montag nach einer hitzigen Debatte beschlossen.",
    "fr": "Le conseil municipal a adopté le budget lundi après un long et vif débat.",
    "es": "El ayuntamiento aprobó el presupuesto el lunes tras un largo y acalorado debate.",
    "it": "Il consiglio comunale ha approvato il bilancio lunedì dopo un lungo e acceso dibattito.",
    "nl": "De gemeenteraad heeft de begroting maandag na een lang en verhit debat goedgekeurd.",
    "pt": "A câmara municipal aprovou o orçamento na segunda-feira após um longo debate.",
    "pl": "Rada miasta przyjęła budżet w poniedziałek po długiej i burzliwej debacie.",
    "ru": "Городской совет утвердил бюджет в понедельник после долгих и жарких дебатов.",
    "zh": "市议会在经过长时间的激烈辩论后于周一批准了预算，新的预算将于明年一月开始实施。",
    "ja": "市議会は長い議論の末、月曜日に予算を承認した。新しい予算は来年一月から実施される。",
    "th": "สภาเมืองอนุมัติงบประมาณเมื่อวันจันทร์หลังจากการอภิปรายที่ยาวนานและดุเดือด",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_a_paragraph_names_its_language(code: str) -> None:
    text = "\n\n".join([SENTENCES[code]] * 2)
    article = cleaner.clean(text, mode="text")
    assert article.metadata.language == code
    assert article.metadata.sources["language"] == TEXT_SOURCE


def test_no_language_without_letters_or_a_reliable_answer() -> None:
    for text in ("", "12:30 — 14:45", "Ok"):
        article = cleaner.clean(text, mode="text")
        assert article.metadata.language is None
        assert "language" not in article.metadata.sources


def test_the_page_lang_is_a_hint_not_the_answer() -> None:
    body = " ".join([SENTENCES["de"]] * 3)
    page = f'<html lang="en"><body><article><p>{body}</p></article></body></html>'
    article = cleaner.clean(page, mode="html")
    assert (article.metadata.language, article.metadata.sources["language"]) == ("de", TEXT_SOURCE)


def test_the_page_lang_stands_in_for_a_body_too_short_to_tell() -> None:
    page = '<html lang="pt-BR"><body><article><p>Ok.</p></article></body></html>'
    article = cleaner.clean(page, mode="html")
    assert (article.metadata.language, article.metadata.sources["language"]) == ("pt", HINT_SOURCE)


def test_a_content_language_meta_tag_is_read_as_the_hint() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Language" content="nl"></head>'
        "<body><article><p>Ok.</p></article></body></html>"
    )
    assert cleaner.clean(page, mode="html").metadata.language == "nl"


def test_the_same_text_gets_the_same_language_in_another_process() -> None:
    texts = [*SENTENCES.values(), SENTENCES["de"] + " " + SENTENCES["en"], "Ok"]
    here = [tuple(r) if (r := identify(t)) else None for t in texts]
    code = (
        "import json, sys\n"
        "from cleaner.text.language import identify\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([list(r) if (r := identify(t)) else None for t in texts]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    there = [tuple(r) if r else None for r in json.loads(out.stdout)]
    assert there == here


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from([None, "de", "en-GB", "xx", "", "-"]))
def test_any_text_and_hint_give_an_answer_or_none(text: str, hint: str | None) -> None:
    found = identify(text, hint)
    assert found is None or (found.code.isalpha() and found.code.islower())
