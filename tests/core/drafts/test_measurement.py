"""The drafter measured on the five seed documents against the hand-curated data/.

Each seed is drafted into an empty knowledge base and compared with the entries of data/
that cite it (see measure.py; docs/drafting.md has the table). Thresholds sit at or just
under what the drafter reaches, so a regression fails. The seeds live outside the
repository; without them these tests are skipped.
"""

from __future__ import annotations

import pytest

from bot.core.kb.corpus import KnowledgeBase
from tests.core.drafts.measure import (
    KINDS,
    SEED_SOURCES,
    SeedResult,
    measure_all,
    measure_linking,
    seeds_present,
    totals,
)

pytestmark = pytest.mark.skipif(not seeds_present(), reason="seed documents not available")

#: kind -> (minimum recall, minimum precision) over all five seeds.
THRESHOLDS = {
    "quotes (verbatim, right speaker)": (1.0, 1.0),
    "paraphrases (right speaker)": (0.8, 0.8),
    "excerpts": (0.75, 0.9),
    "signatories": (1.0, 1.0),
    "signatories with country": (1.0, 1.0),
    "demands": (1.0, 0.9),
    "abuses": (0.35, 0.9),
    "counts": (1.0, 1.0),
    "people": (0.85, 0.95),
    "people with a role": (0.7, 0.8),
    "letter date": (1.0, 1.0),
}


@pytest.fixture(scope="module")
def results(bundled_kb: KnowledgeBase) -> list[SeedResult]:
    """Every seed drafted into an empty knowledge base and scored."""
    return measure_all(bundled_kb)


@pytest.mark.parametrize("kind", KINDS)
def test_recall_and_precision_meet_the_thresholds(results: list[SeedResult], kind: str) -> None:
    """Per kind, over all seeds: recall and precision at or above the recorded level."""
    score = totals(results)[kind]
    recall, precision = THRESHOLDS[kind]
    assert score.recall >= recall, f"{kind}: {score.found}/{score.truth}"
    assert score.precision >= precision, f"{kind}: {score.true}/{score.proposed}"


def test_no_quote_has_a_wrong_speaker_without_a_flag(results: list[SeedResult]) -> None:
    """The worst error: a quotation given to the wrong person with nothing to warn."""
    assert [r.wrong_speaker_unflagged for r in results] == [[] for _ in results]


def test_no_contact_is_stored(results: list[SeedResult]) -> None:
    """No e-mail address or telephone number in any draft (seed 004 prints nine)."""
    assert [r.contacts for r in results] == [[] for _ in results]


def test_every_count_is_found_and_signers_are_told_apart(results: list[SeedResult]) -> None:
    """Every reported count, and which of them counts the signers."""
    for result in results:
        assert result.scores["counts"].found == result.scores["counts"].truth
        assert result.of_signers_wrong == []


def test_all_39_names_of_the_2012_list_with_their_countries(results: list[SeedResult]) -> None:
    """The ICNK member list: 39 organisations, each with the country it prints."""
    (result,) = [r for r in results if r.seed.startswith("004")]
    assert result.scores["signatories with country"].found == 39
    assert result.scores["signatories with country"].true == 39


def test_all_six_2018_demands_in_each_copy(results: list[SeedResult]) -> None:
    """The ICC/HRW and CSW copies both list the six demands."""
    for result in results:
        if result.seed[:3] in ("000", "001"):
            assert (result.scores["demands"].found, result.scores["demands"].proposed) == (6, 6)


def test_with_the_bundled_knowledge_base_nothing_is_duplicated(bundled_kb: KnowledgeBase) -> None:
    """Drafting a seed again links every organisation, person and letter data/ has."""
    counts = measure_linking(bundled_kb)
    assert set(counts) == set(SEED_SOURCES)
    for seed, count in counts.items():
        assert [d for d in count.duplicates if not d.startswith("source")] == [], seed
        assert count.linked > 0
