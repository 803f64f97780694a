"""Search snippets: verbatim passages, the user's words marked, stem-only matches dropped."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from bot.core.answers.cards.search import search
from bot.core.kb.models import Quote
from bot.core.scope import Scope
from bot.core.search.index import SearchHit
from bot.core.search.index.snippets import ELLIPSIS, same_word
from bot.core.search.stems import STOP_WORDS
from bot.core.search.text import entity_body


def _passages(snippet: str) -> list[str]:
    """The passages of a snippet, without the ellipses between and around them."""
    return [p.strip("… ") for p in snippet.split(ELLIPSIS)]


def _hit(scope: Scope, text: str, entity_id: str) -> SearchHit:
    hits = scope.index.search(scope.kb, text, limit=50).hits
    return next(h for h in hits if h.entity_id == entity_id)


def _distinct_words(quote: Quote) -> str:
    """Three of the quote's longer words, as a user who remembers it might type them."""
    words = [w.strip(".,;:’‘'\"()") for w in quote.text.split()]
    words = [w for w in words if w.isalpha() and w.lower() not in STOP_WORDS]
    return " ".join(sorted(words, key=len, reverse=True)[:3])


def test_quote_snippet_keeps_the_quotes_characters(scope: Scope) -> None:
    """A quote's snippet is its own words, case and curly quotes as written, not uppercased."""
    quote = scope.kb.quotes["brad-adams-2018-open-prison"]
    hit = _hit(scope, "biggest open prison", quote.id)
    assert "‘world’s biggest open prison,’" in hit.snippet
    assert all(passage in quote.text for passage in _passages(hit.snippet))
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["biggest", "open", "prison"]


@pytest.mark.parametrize("quote_id", [
    "brad-adams-2018-most-repressive-system",
    "marco-rubio-2018-kim-regime",
    "ben-cardin-2018-core-pillar",
    "tomas-ojea-quintana-2018-raise-human-rights",
    "phil-robertson-2019-betray-the-people",
    "ha-tae-keung-2012-legacy",
])  # fmt: skip
def test_every_passage_is_verbatim_text_of_the_hit(scope: Scope, quote_id: str) -> None:
    """Each passage is a stretch of one field, character for character; marks are the words."""
    quote = scope.kb.quotes[quote_id]
    text = _distinct_words(quote)
    hit = _hit(scope, text, quote_id)
    lines = entity_body(scope.kb, quote).split("\n")
    assert hit.snippet and hit.marks
    for passage in _passages(hit.snippet):
        assert any(passage in line for line in lines), passage
    typed = text.lower().split()
    for start, end in hit.marks:
        assert any(same_word(hit.snippet[start:end].lower(), word) for word in typed)


def test_passages_are_separated_by_a_spaced_ellipsis(scope: Scope) -> None:
    """Two passages read as two: " … " between them, never "2014...and"."""
    hit = _hit(scope, "forced labour", "joint-letter-kim-jong-un-2018")
    passages = hit.snippet.split(ELLIPSIS)
    assert len([p for p in passages if p.strip("… ")]) == 2
    assert "..." not in hit.snippet
    assert "\n" not in hit.snippet
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["forced", "labour"] * 2


def test_stem_only_match_of_another_word_is_not_a_hit(scope: Scope) -> None:
    """Searching forced labour does not list organisations that merely "joined forces"."""
    kb = scope.kb
    # The index itself matches them: "forces" and "forced" share the stem "forc".
    forc = scope.index.searcher.search(wq.Term("body", "forc"), limit=None)
    bodies = {h["key"]: entity_body(kb, kb.records[h["key"]].entity).lower() for h in forc}
    forces_only = {k for k, body in bodies.items() if "forced" not in body and "labour" not in body}
    assert "freedom-house" in forces_only and "joined forces" in bodies["freedom-house"]
    hits = scope.index.search(kb, "forced labour", limit=50).hits
    shown = {h.entity_id for h in hits}
    assert "joint-letter-kim-jong-un-2018" in shown
    assert not shown & forces_only
    for hit in hits:
        for start, end in hit.marks:
            assert hit.snippet[start:end].lower() in {"forced", "labour"}


def test_inflections_of_the_users_word_still_match(scope: Scope) -> None:
    """Searching prison camp finds "prison camps": a plural is the same word."""
    hit = _hit(scope, "prison camp", "ha-tae-keung-2012-legacy")
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["prison", "camps"]


def test_search_card_carries_the_marks_and_verbatim_text(scope: Scope) -> None:
    """The card's item keeps the snippet verbatim; its marks, also in JSON, find the words."""
    quote = scope.kb.quotes["brad-adams-2018-open-prison"]
    answer = search(scope, "biggest open prison")
    items = [i for s in answer.as_dict()["sections"] for i in s["items"]]
    item = next(i for i in items if i["entity_id"] == quote.id)
    assert all(passage in quote.text for passage in _passages(item["text"]))
    assert [item["text"][s:e] for s, e in item["marks"]] == ["biggest", "open", "prison"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("forced", "forced", True),
        ("force", "forces", True),
        ("force", "forced", True),
        ("forced", "forces", False),
        ("camp", "camps", True),
        ("demand", "demanded", True),
        ("signatory", "signatories", True),
        ("ban", "banned", True),
        ("torture", "torturing", True),
        ("prison", "prisoners", False),
        ("organisation", "organ", False),
    ],
)
def test_same_word_up_to_one_inflection(a: str, b: str, same: bool) -> None:
    """One word and its regular inflections match; two inflections of a stem do not."""
    assert same_word(a, b) is same
    assert same_word(b, a) is same
