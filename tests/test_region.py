"""Article region in full-page text dumps: the article stays, the page around it goes."""

from __future__ import annotations

import textwrap

import pytest

import cleaner
from cleaner.api import cached_cleaner
from cleaner.pipeline.classify import Decision
from cleaner.pipeline.document import Document
from cleaner.pipeline.stages.region import MIN_LINES, select_article
from cleaner.pipeline.stages.split import split_lines

ENGLISH_ARTICLE = [
    "The city council approved a new budget on Monday after a debate that lasted more than "
    "six hours and drew hundreds of residents to the chamber.",
    "The plan raises spending on schools and public transport by four percent, while cutting "
    "the budget for road repairs, officials said.",
    '"This is a budget for the people who live here," the mayor told reporters after the '
    "vote, adding that the city had listened to residents.",
    "What Changes for Residents",
    "Bus fares will stay the same next year, and three new routes will open in the spring, "
    "according to the transport office.",
    "- Free school meals for all primary pupils",
    "- Longer opening hours for the central library",
    "- A new cycle lane along the river road",
    "Opposition members said the plan relied on optimistic tax forecasts and warned that "
    "cuts could follow if the economy slowed.",
    "The budget now goes to the regional government, which must approve it before the end "
    "of the month.",
]
ENGLISH_PAGE = [
    "Council approves new budget after long debate | The Daily Example",
    "Skip to content",
    "Home",
    "News",
    "World",
    "Politics",
    "Business",
    "Sport",
    "Culture",
    "Opinion",
    "Council approves new budget after long debate",
    "By Jane Smith",
    "March 3, 2024",
    *ENGLISH_ARTICLE,
    "Share this article",
    "Facebook",
    "Twitter",
    "Most Popular",
    "Storm Closes Schools Across the Region",
    "Local Team Wins the Cup After Extra Time",
    "New Bridge Opens to Traffic Next Week",
    "About Us",
    "Contact",
    "Privacy Policy",
    "© 2024 The Daily Example. All rights reserved.",
]

GERMAN_ARTICLE = [
    "Der Stadtrat hat am Montag nach einer mehr als sechsstündigen Debatte einen neuen "
    "Haushalt beschlossen, zu der Hunderte Bürger in den Saal kamen.",
    "Der Plan sieht vor, die Ausgaben für Schulen und den Nahverkehr um vier Prozent zu "
    "erhöhen, während bei der Straßensanierung gespart wird.",
    "„Das ist ein Haushalt für die Menschen, die hier leben“, sagte der Bürgermeister nach "
    "der Abstimmung.",
    "Das ändert sich für die Bürger",
    "Die Fahrpreise für Busse bleiben im nächsten Jahr gleich, und im Frühjahr kommen drei "
    "neue Linien hinzu, teilte das Verkehrsamt mit.",
    "• Kostenloses Schulessen für alle Grundschüler",
    "• Längere Öffnungszeiten der Stadtbibliothek",
    "Die Opposition warf der Stadt vor, mit zu optimistischen Steuerschätzungen zu rechnen, "
    "und warnte vor Kürzungen.",
    "Der Haushalt muss nun noch von der Landesregierung genehmigt werden, bevor der Monat "
    "zu Ende geht.",
]
GERMAN_PAGE = [
    "Stadtrat beschließt neuen Haushalt nach langer Debatte | Der Beispielbote",
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Sport",
    "Kultur",
    "Meinung",
    "Stadtrat beschließt neuen Haushalt nach langer Debatte",
    "Anna Schmidt",
    "3. März 2024, 10:15 Uhr",
    *GERMAN_ARTICLE,
    "Artikel teilen",
    "Meistgelesen",
    "Sturm Legt Schulen in der Region Lahm",
    "Heimische Mannschaft Gewinnt den Pokal",
    "Neue Brücke Wird Freigegeben",
    "Über uns",
    "Kontakt",
    "Datenschutz",
    "Impressum",
]

FRENCH_ARTICLE = [
    "Le conseil municipal a adopté lundi un nouveau budget après un débat de plus de six "
    "heures qui a attiré des centaines d’habitants.",
    "Le plan augmente de quatre pour cent les dépenses pour les écoles et les transports "
    "publics, tout en réduisant l’entretien des routes.",
    "« C’est un budget pour les gens qui vivent ici », a déclaré le maire après le vote.",
    "Ce qui change pour les habitants",
    "Les tarifs des bus resteront inchangés l’an prochain, et trois nouvelles lignes "
    "ouvriront au printemps, selon le service des transports.",
    "Le budget doit encore être approuvé par la région avant la fin du mois.",
]
FRENCH_PAGE = [
    "Le conseil adopte un nouveau budget après un long débat - Le Quotidien",
    "Accueil",
    "Actualités",
    "Monde",
    "Politique",
    "Économie",
    "Le conseil adopte un nouveau budget après un long débat",
    "Par Marie Dupont",
    "Publié le 3 mars 2024 à 10h15",
    *FRENCH_ARTICLE,
    "Partager",
    "Les plus lus",
    "Une Tempête Ferme les Écoles",
    "Le Club Local Remporte la Coupe",
    "Mentions légales",
    "Politique de confidentialité",
]


def clean(lines: list[str]) -> cleaner.Article:
    return cleaner.clean("\n".join(lines), mode="text")


def body(lines: list[str]) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    ("page", "article", "headline"),
    [
        (ENGLISH_PAGE, ENGLISH_ARTICLE, "Council approves new budget after long debate"),
        (GERMAN_PAGE, GERMAN_ARTICLE, "Stadtrat beschließt neuen Haushalt nach langer Debatte"),
        (FRENCH_PAGE, FRENCH_ARTICLE, "Le conseil adopte un nouveau budget après un long débat"),
    ],
    ids=["english", "german", "french"],
)
def test_page_dump_keeps_exactly_the_article(
    page: list[str], article: list[str], headline: str
) -> None:
    result = clean(page)
    assert result.text == body(article)
    assert result.metadata.title == headline
    assert result.metadata.sources["title"] == "HEUR-TITLE"
    assert cleaner.clean(result.text, mode="text").text == result.text


def test_subheads_and_list_items_inside_the_article_stay() -> None:
    text = clean(ENGLISH_PAGE).text
    assert "What Changes for Residents" in text
    assert "- Longer opening hours for the central library" in text


def removed_by(article: cleaner.Article, line: str) -> tuple[str, str]:
    return next((r.category, r.rule) for r in article.removed if line in r.text.splitlines())


def test_outside_lines_are_labeled_as_page_text() -> None:
    result = clean(ENGLISH_PAGE)
    assert removed_by(result, "World") == ("page", "HEUR-REGION")
    assert removed_by(result, "Council approves new budget after long debate") == (
        "header",
        "HEUR-TITLE",
    )
    assert removed_by(result, "Facebook")[1] == "SOC001"  # rule labels come first


def test_rule_labels_inside_the_article_stay() -> None:
    page = [*ENGLISH_PAGE]
    page.insert(page.index(ENGLISH_ARTICLE[3]), "Advertisement")
    result = clean(page)
    assert result.text == body(ENGLISH_ARTICLE)
    assert [r.rule for r in result.removed if r.text == "Advertisement"] == ["AD002"]


@pytest.mark.parametrize(
    "article",
    [ENGLISH_ARTICLE, GERMAN_ARTICLE, FRENCH_ARTICLE],
    ids=["english", "german", "french"],
)
def test_article_only_input_is_untouched(article: list[str]) -> None:
    result = clean(article)
    assert result.text == body(article)
    assert not result.removed


def test_article_ending_in_a_long_list_is_untouched() -> None:
    items = [f"{n}) Lego Star Wars Set Number {7510 + n} With Box" for n in range(1, 16)]
    article = [*ENGLISH_ARTICLE[:3], "Here Are the Best Offers", *items]
    result = clean(article)
    assert result.text == body(article)


def test_article_ending_in_a_list_keeps_it_in_a_page_dump() -> None:
    items = ["1) Free school meals for all primary pupils", "2) A new cycle lane on the river"]
    page = [*ENGLISH_PAGE]
    end = page.index(ENGLISH_ARTICLE[-1]) + 1
    page[end:end] = items
    assert clean(page).text == body([*ENGLISH_ARTICLE, *items])


def test_short_documents_are_left_alone() -> None:
    lines = ["World", "Politics", "Culture", "The council approved the budget on Monday."]
    assert len(lines) < MIN_LINES
    assert not any(r.rule == "HEUR-REGION" for r in clean(lines).removed)


def test_comments_after_the_article_go() -> None:
    comments = [
        "12 Comments",
        "Frank",
        "I have lived in this city for forty years and I have never seen a budget that cared "
        "so little about the people who actually pay for it, and I will say so at every "
        "meeting until the council listens to us.",
        "Maria",
        "Thanks for the detailed report, it is good to finally read what the money is spent "
        "on and why the road repairs have to wait another year, even if I do not agree.",
    ]
    page = [*ENGLISH_PAGE]
    end = page.index(ENGLISH_ARTICLE[-1]) + 1
    page[end:end] = comments
    assert clean(page).text == body(ENGLISH_ARTICLE)


@pytest.mark.xfail(
    reason="the line classifier keeps the first teaser headline after the article", strict=True
)
def test_teasers_with_summaries_after_the_article_go() -> None:
    teasers = []
    for n in range(4):
        teasers += [
            f"Council Delays Vote on Housing Plan {n}",
            "March 2, 2024",
            "Members of the council said they needed more time to study the plan before a "
            "vote, which is now expected in the spring...",
            "Read More",
        ]
    page = [*ENGLISH_PAGE]
    end = page.index(ENGLISH_ARTICLE[-1]) + 1
    page[end:end] = teasers
    assert clean(page).text == body(ENGLISH_ARTICLE)


def test_region_selection_can_be_turned_off() -> None:
    text = cleaner.clean("\n".join(ENGLISH_PAGE), mode="text", find_article=False).text
    assert "World" in text


def test_region_stage_handles_a_long_page_in_one_pass() -> None:
    menu = ["Home", "World", "Politics", "Business", "Sport", "Culture"]
    article = [f"Part {n}: {line}" for n in range(500) for line in ENGLISH_ARTICLE]
    text = "\n".join([*menu * 2000, *article, *menu * 2000])
    engine = cached_cleaner(cleaner.CleanerConfig())
    doc = Document.of(text, engine.rules, model=engine.model(cleaner.Mode.TEXT))
    split_lines(doc)
    select_article(doc)
    kept = [line.text for line, label in zip(doc.lines, doc.labels, strict=True) if not label]
    assert kept == article


WRAPPED_ARTICLE = [
    "Die Digitalisierung als Wachstums- und Entwicklungstreiber zieht sich bereits heute durch "
    "fast alle Branchen, sei es im Finanzbereich, der Industrie oder im Bereich Gesundheit.",
    "Status Quo",
    "In Deutschland liegen Patientendaten in internen Systemen vor, sei es in "
    "Krankenhausinformationssystemen oder im Praxisverwaltungssystem niedergelassener Ärzte.",
    "Analoge Prozesse",
    "Zwischen einzelnen Leistungserbringern werden Patienteninformationen, Befunde und "
    "Röntgenbilder teils digital, aber auch analog in Form der Fieberkurve weitergereicht.",
    "Aktuelle Situation",
    "Handschriftliche Dokumentationen und postalischer Versand sind fehleranfällig. Behandelnde "
    "Mediziner sind dabei nicht immer auf dem aktuellsten Stand.",
    "Technische Standards",
    "Durch fehlende Interoperabilität zwischen den unterschiedlichen Informationssystemen sind "
    "Gesundheitseinrichtungen, Ärzte und Patienten digital voneinander entkoppelt.",
    "Fazit",
    "Eine übergreifende Interoperabilität zwischen den Systemen scheint noch in weiter Ferne, "
    "weil die Anbieter unterschiedliche Standards verwenden und die Politik zögert.",
]


@pytest.mark.parametrize("width", [50, 60, 72])
def test_hard_wrapped_article_is_untouched(width: int) -> None:
    text = "\n".join(textwrap.fill(paragraph, width) for paragraph in WRAPPED_ARTICLE)
    assert cleaner.clean(text, mode="text").text == text.replace("\n", "\n\n")


TABLE = [
    "| Week | Monday | Tuesday |",
    "| 1 | Rest | Easy run 20 min |",
    "| 2 | Rest | Easy run 25 min |",
]


@pytest.mark.parametrize("extracted", [True, False])
def test_table_rows_an_html_extractor_kept_stay_in_the_article(
    monkeypatch: pytest.MonkeyPatch, extracted: bool
) -> None:
    from cleaner.pipeline.stages import region

    def drop_rows(model, texts, labels, listed):  # type: ignore[no-untyped-def]
        decision = real_decide(model, texts, labels, listed)
        keep = [k and "|" not in t for k, t in zip(decision.keep, texts, strict=True)]
        return Decision(decision.local, decision.scores, decision.vectors, keep)

    real_decide = region.decide
    monkeypatch.setattr(region, "decide", drop_rows)
    engine = cached_cleaner(cleaner.CleanerConfig())
    text = "\n".join([*ENGLISH_ARTICLE, *TABLE])
    doc = Document.of(
        text, engine.rules, model=engine.model(cleaner.Mode.HTML), extracted=extracted
    )
    split_lines(doc)
    select_article(doc)
    kept = [line.text for line, label in zip(doc.lines, doc.labels, strict=True) if not label]
    assert all(row in kept for row in TABLE) is extracted
    assert ENGLISH_ARTICLE[0] in kept
