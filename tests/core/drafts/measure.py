"""Measure the drafter against the hand-curated data/ built from the five seed documents.

Each seed is drafted into an empty knowledge base and its draft compared with the entries
of data/ that cite that seed's source: per kind, recall (truth found) and precision (draft
entries that are true). Run `python -m tests.core.drafts.measure` to print the table that
docs/drafting.md shows.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bot.core.drafts import Draft, Known, draft_bytes
from bot.core.drafts.contacts import find_contacts
from bot.core.kb.corpus import KnowledgeBase, bundled_data_dir, load_corpus
from bot.core.search.names import NameIndex, normalize

SEEDS_DIR = Path(
    os.environ.get("CAMPAIGN_BOT_SEEDS", Path(__file__).resolve().parents[4] / "shared" / "seeds")
)
SEED_SOURCES = {
    "000_081ded0ca0a53e2e.txt": "icc-2018-hrw-letter-repost",
    "001_db6e2e00d5aa682b.txt": "csw-2018-leader-urged-to-reform",
    "002_9fd93df0d9846d77.txt": "rfa-2018-ngos-call-on-kim",
    "003_f26ad41e07514a0f.txt": "icc-2019-icnk-letter-moon",
    "004_e9047bbc50bb7192.txt": "icnk-2012-open-letter-release",
}
#: Loose text matches: lists are copied (near 100), prose demands and paraphrases are not.
STATEMENT_MATCH = 60.0
PARAPHRASE_MATCH = 40.0
QUOTE_MATCH = 90.0
ROLE_MATCH = 70.0
KINDS = (
    "quotes (verbatim, right speaker)",
    "paraphrases (right speaker)",
    "excerpts",
    "signatories",
    "signatories with country",
    "demands",
    "abuses",
    "counts",
    "people",
    "people with a role",
    "letter date",
)


def seeds_present() -> bool:
    """All five seed documents are where the tests look for them."""
    return all((SEEDS_DIR / name).is_file() for name in SEED_SOURCES)


@dataclass
class Score:
    """Found/total for recall and true/proposed for precision."""

    found: int = 0
    truth: int = 0
    true: int = 0
    proposed: int = 0

    def add(self, other: Score) -> None:
        """Sum another score into this one."""
        self.found += other.found
        self.truth += other.truth
        self.true += other.true
        self.proposed += other.proposed

    @property
    def recall(self) -> float:
        """Share of the truth the draft found (1.0 when there is none)."""
        return self.found / self.truth if self.truth else 1.0

    @property
    def precision(self) -> float:
        """Share of the draft that is true (1.0 when nothing was proposed)."""
        return self.true / self.proposed if self.proposed else 1.0


@dataclass
class SeedResult:
    """Scores of one seed's draft, and the errors that matter most."""

    seed: str
    draft: Draft
    scores: dict[str, Score] = field(default_factory=dict)
    wrong_speaker_unflagged: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    of_signers_wrong: list[str] = field(default_factory=list)


def _names(entity: Any) -> set[str]:
    return {normalize(n) for n in getattr(entity, "names", (getattr(entity, "name", ""),))}


def _raw_names(raw: dict[str, Any]) -> set[str]:
    return {normalize(n) for n in [raw.get("name", ""), *raw.get("aliases", [])] if n}


def _same_org(truth: Any, raw: dict[str, Any]) -> bool:
    mine = _raw_names(raw)
    return bool(_names(truth) & mine) or any(
        fuzz.ratio(a, b) >= 92 for a in _names(truth) for b in mine
    )


def _pair(truths: list[Any], drafts: list[Any], same: Any) -> tuple[int, int]:
    """Greedy one-to-one matching: (truths matched, drafts matched)."""
    used: set[int] = set()
    found = 0
    for truth in truths:
        for index, draft in enumerate(drafts):
            if index not in used and same(truth, draft):
                used.add(index)
                found += 1
                break
    return found, len(used)


def _score(truths: list[Any], drafts: list[Any], same: Any) -> Score:
    found, true = _pair(truths, drafts, same)
    return Score(found, len(truths), true, len(drafts))


def measure_seed(kb: KnowledgeBase, seed: str, known: Known | None = None) -> SeedResult:
    """Draft one seed and score it against data/."""
    source = SEED_SOURCES[seed]
    draft = draft_bytes(known or Known.empty(), (SEEDS_DIR / seed).read_bytes(), seed)
    result = SeedResult(seed, draft)
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for kind, raw in draft.entries:
        by_kind.setdefault(kind, []).append(raw)
    people = {raw["id"]: raw for raw in by_kind.get("person", [])}
    orgs = {raw["id"]: raw for raw in by_kind.get("organization", [])}
    letters = [letter for letter in kb.letters.values() if source in letter.sources]
    letter_raw = (by_kind.get("letter") or [{}])[0]

    def speaker_ok(truth_speaker: str, raw: dict[str, Any]) -> bool:
        return bool(_names(kb.people[truth_speaker]) & _raw_names(people.get(raw["speaker"], {})))

    quotes = [q for q in kb.quotes.values() if source in q.sources]
    drafted = by_kind.get("quote", [])
    for kind, label in (("verbatim", KINDS[0]), ("paraphrase", KINDS[1])):
        threshold = QUOTE_MATCH if kind == "verbatim" else PARAPHRASE_MATCH
        scorer = fuzz.ratio if kind == "verbatim" else fuzz.token_set_ratio
        truths = [q for q in quotes if q.kind == kind]
        mine = [r for r in drafted if r["kind"] == kind]
        result.scores[label] = _score(
            truths,
            mine,
            lambda t, r, s=scorer, h=threshold: (
                s(normalize(t.text), normalize(r["text"])) >= h and speaker_ok(t.speaker, r)
            ),
        )
    for raw in drafted:
        for truth in quotes:
            if (
                fuzz.ratio(normalize(truth.text), normalize(raw["text"])) >= QUOTE_MATCH
                and not speaker_ok(truth.speaker, raw)
                and "Speaker" not in raw.get("note", "")
                and "attribution" not in raw.get("note", "")
            ):
                result.wrong_speaker_unflagged.append(raw["text"][:60])
    excerpts = [e for letter in letters for e in letter.excerpts if source in e.sources]
    result.scores["excerpts"] = _score(
        excerpts,
        letter_raw.get("excerpts", []),
        lambda t, r: fuzz.ratio(normalize(t.text), normalize(r["text"])) >= QUOTE_MATCH,
    )
    signatories = [
        kb.organizations[s.organization]
        for letter in letters
        for s in letter.signatories
        if source in s.sources
    ]
    mine_signed = [orgs.get(s["organization"], {}) for s in letter_raw.get("signatories", [])]
    result.scores["signatories"] = _score(signatories, mine_signed, _same_org)
    seed_text = (SEEDS_DIR / seed).read_text(encoding="utf-8")

    def country_ok(truth: Any, raw: dict[str, Any]) -> bool:
        if raw.get("country") == truth.country:
            return True
        # data/ may know a country from another source; only one this seed prints counts.
        printed = truth.country_as_printed or truth.country
        return raw.get("country") is None and not any(
            f"{name} ({printed})" in seed_text for name in truth.names
        )

    result.scores["signatories with country"] = _score(
        signatories, mine_signed, lambda t, r: _same_org(t, r) and country_ok(t, r)
    )
    for key, field_name in (("demands", "demands"), ("abuses", "abuses_cited")):
        truths = [
            d for letter in letters for d in getattr(letter, field_name) if source in d.sources
        ]
        result.scores[key] = _score(
            truths,
            letter_raw.get(field_name, []),
            lambda t, r: (
                fuzz.token_set_ratio(normalize(t.text), normalize(r["text"])) >= STATEMENT_MATCH
            ),
        )
    counts = [c for letter in letters for c in letter.reported_counts if source in c.sources]
    mine_counts = letter_raw.get("reported_counts", [])
    result.scores["counts"] = _score(
        counts, mine_counts, lambda t, r: t.count == r["count"] and t.qualifier == r["qualifier"]
    )
    for truth in counts:
        for raw in mine_counts:
            if truth.count == raw["count"] and truth.of_signers != raw.get("of_signers", False):
                result.of_signers_wrong.append(f"{truth.count} {truth.unit}")
    _people(kb, source, list(people.values()), result)
    truth_dates = [letter.date for letter in letters]
    mine_date = letter_raw.get("date")
    agree = bool(mine_date and any(d[: len(mine_date)] == mine_date[: len(d)] for d in truth_dates))
    result.scores["letter date"] = Score(
        int(agree), len(truth_dates), int(agree), int(bool(mine_date))
    )
    result.contacts = find_contacts(draft.to_yaml()) + find_contacts(draft.to_json())
    return result


#: Roles are compared with demonyms as country names: "Chinese President" is "President of China".
_DEMONYMS = {
    "chinese": "china",
    "russian": "russia",
    "south korean": "south korea",
    "north korean": "north korea",
    "u s": "united states",
    "american": "united states",
    "japanese": "japan",
    "british": "united kingdom",
}


def _role_words(title: str) -> str:
    text = normalize(title)
    for demonym, country in _DEMONYMS.items():
        text = re.sub(rf"\b{demonym}\b", country, text)
    return text


def _people(kb: KnowledgeBase, source: str, mine: list[dict[str, Any]], result: SeedResult) -> None:
    truths = [p for p in kb.people.values() if source in p.sources]

    def same(truth: Any, raw: dict[str, Any]) -> bool:
        return bool(_names(truth) & _raw_names(raw))

    def with_role(truth: Any, raw: dict[str, Any]) -> bool:
        titles = [r.title for r in truth.roles if source in r.sources]
        mine_titles = [r["title"] for r in raw.get("roles", [])]
        return same(truth, raw) and (
            not titles
            or any(
                fuzz.token_set_ratio(_role_words(a), _role_words(b)) >= ROLE_MATCH
                for a in titles
                for b in mine_titles
            )
        )

    result.scores["people"] = _score(truths, mine, same)
    result.scores["people with a role"] = _score(truths, mine, with_role)


def measure_all(kb: KnowledgeBase, known: Known | None = None) -> list[SeedResult]:
    """Every seed's result."""
    return [measure_seed(kb, seed, known) for seed in SEED_SOURCES]


def totals(results: Iterable[SeedResult]) -> dict[str, Score]:
    """Scores summed over the seeds."""
    summed = {kind: Score() for kind in KINDS}
    for result in results:
        for kind, score in result.scores.items():
            summed[kind].add(score)
    return summed


@dataclass
class LinkCount:
    """How a seed's drafted names fared against the bundled knowledge base."""

    linked: int = 0
    new: int = 0
    duplicates: list[str] = field(default_factory=list)
    skipped: int = 0


def measure_linking(kb: KnowledgeBase) -> dict[str, LinkCount]:
    """Draft each seed with data/ present: linked names, new entries, duplicates made."""
    known = Known(kb, NameIndex(kb.entities()))
    counts: dict[str, LinkCount] = {}
    for seed in SEED_SOURCES:
        draft = draft_bytes(known, (SEEDS_DIR / seed).read_bytes(), seed)
        count = LinkCount(linked=len(draft.links), skipped=len(draft.skipped))
        for kind, raw in draft.entries:
            if kind not in ("organization", "person", "letter", "source"):
                continue
            count.new += 1
            names = _raw_names(raw) or {normalize(raw.get("title", ""))}
            same_source = kind == "source" and SEED_SOURCES[seed]  # data/ has every seed
            if same_source or any(known.names.aliases.get(n) for n in names):
                count.duplicates.append(f"{kind} {raw.get('name') or raw.get('title')}")
        counts[seed] = count
    return counts


def table(results: list[SeedResult]) -> str:
    """The markdown table of recall and precision per kind, over all seeds and per seed."""
    summed = totals(results)
    lines = ["| kind | recall | precision |", "|---|---|---|"]
    for kind in KINDS:
        score = summed[kind]
        lines.append(
            f"| {kind} | {score.found}/{score.truth} ({score.recall:.0%}) | "
            f"{score.true}/{score.proposed} ({score.precision:.0%}) |"
        )
    return "\n".join(lines)


def main() -> None:
    """Print the measurement tables."""
    kb = load_corpus(bundled_data_dir())
    results = measure_all(kb)
    print(table(results))
    print()
    for result in results:
        parts = [
            f"{k.split(' (')[0]} {s.found}/{s.truth}·{s.true}/{s.proposed}"
            for k, s in result.scores.items()
            if s.truth or s.proposed
        ]
        print(f"{result.seed[:3]}: " + "; ".join(parts))
        if result.wrong_speaker_unflagged or result.contacts or result.of_signers_wrong:
            print("   !!", result.wrong_speaker_unflagged, result.contacts, result.of_signers_wrong)
    print()
    for seed, count in measure_linking(kb).items():
        print(
            f"{seed[:3]}: linked {count.linked}, new {count.new}, duplicates "
            f"{count.duplicates}, skipped as known {count.skipped}"
        )


if __name__ == "__main__":
    main()
