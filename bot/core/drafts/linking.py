"""Link what a draft names to what the server's knowledge base already has.

An organisation links by name, alias or abbreviation, or by a close spelling (flagged as a
weak link). An abbreviation alone does not link when the document gives a different full
name ("ICC" the court is not "ICC" the charity). A person links by name or alias, or by a
close spelling (flagged). A letter links when the knowledge base has exactly one letter to
the same recipient at a compatible date. Anything linked is not proposed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import EntityKind, Letter, Quote, Source
from bot.core.scope import Scope
from bot.core.search.names import NameIndex, normalize

#: A close spelling at or above this rapidfuzz score links, flagged as a weak link.
WEAK_LINK_SCORE = 90.0
#: Between this and WEAK_LINK_SCORE the draft proposes a new entry and names the near miss.
NEAR_MISS_SCORE = 84.0
#: Quotes this similar (rapidfuzz ratio of normalised text) by the same person are one.
SAME_QUOTE_SCORE = 95.0


@dataclass(frozen=True, slots=True)
class Known:
    """What the server already has: its knowledge base and name table."""

    kb: KnowledgeBase
    names: NameIndex
    guild_id: int | None = None

    @classmethod
    def of(cls, scope: Scope) -> Known:
        """What a server's scope holds."""
        return cls(scope.kb, scope.names, scope.guild_id)

    @classmethod
    def empty(cls, guild_id: int | None = None) -> Known:
        """An empty knowledge base: nothing to link to."""
        return cls(KnowledgeBase(), NameIndex(()), guild_id)


@dataclass(frozen=True, slots=True)
class Link:
    """A drafted name linked to an existing entry, and how sure the link is."""

    kind: str
    drafted: str
    entity_id: str
    existing: str
    how: str
    weak: bool = False

    def describe(self) -> str:
        """One line for the review."""
        mark = "weak link" if self.weak else "links"
        return f"{self.kind} “{self.drafted}” {mark} to “{self.existing}” ({self.how})"


def _exact(known: Known, name: str, kind: EntityKind) -> list[str]:
    ids = known.names.aliases.get(normalize(name), set())
    return sorted(i for i in ids if known.names.kind(i) == kind)


def link_named(
    known: Known, kind: EntityKind, name: str, aliases: list[str]
) -> tuple[Link | None, str | None]:
    """The existing entry `name` (or an alias) names, and a flag when unsure or refused."""
    for candidate in (name, *aliases):
        ids = _exact(known, candidate, kind)
        if len(ids) > 1:
            return None, (
                f"“{candidate}” names several {kind}s in the knowledge base "
                f"({', '.join(known.names.display(i) for i in ids[:3])}); "
                "a new entry is proposed: merge by hand if it is one of them."
            )
        if len(ids) == 1:
            existing = known.names.display(ids[0])
            if candidate != name and not _agrees(name, known, ids[0]):
                return None, (
                    f"“{candidate}” is also the abbreviation of “{existing}” in the "
                    f"knowledge base, but the document calls it “{name}”: not "
                    "linked."
                )
            how = "same name" if candidate == name else f"by “{candidate}”"
            if kind == "person" and normalize(candidate) not in _full_names(known, ids[0]):
                return Link(kind, name, ids[0], existing, f"by “{candidate}” alone", True), None
            return Link(kind, name, ids[0], existing, how), None
    best = known.names.lookup(name, kinds=(kind,), limit=1, cutoff=NEAR_MISS_SCORE)
    if best:
        entity_id, score = best[0]
        existing = known.names.display(entity_id)
        if score >= WEAK_LINK_SCORE and fuzz.ratio(normalize(name), normalize(existing)) >= 80:
            return Link(
                kind, name, entity_id, existing, f"close spelling, {score:.0f}%", True
            ), None
        return None, (
            f"“{name}” is close to “{existing}” ({score:.0f}%) in the knowledge "
            "base; a new entry is proposed: link it by hand if they are the same."
        )
    return None, None


def _full_names(known: Known, entity_id: str) -> set[str]:
    entity = known.kb.get(entity_id)
    return {normalize(n) for n in getattr(entity, "names", ())}


def _agrees(name: str, known: Known, entity_id: str) -> bool:
    """The document's full name fits the existing entry's names (or it has none)."""
    if normalize(name) in _full_names(known, entity_id):
        return True
    if len(name.split()) <= 2 and name.replace(" ", "").isupper():
        return True  # the document knows it only by an abbreviation
    return any(
        fuzz.token_set_ratio(normalize(name), n) >= 85 for n in _full_names(known, entity_id)
    )


def link_letter(
    known: Known, recipient_id: str | None, date: str, kind: str
) -> tuple[Letter | None, str | None]:
    """The existing letter this document is about, if exactly one fits."""
    if recipient_id is None:
        return None, None
    fits = [
        letter for letter in known.kb.letters_to(recipient_id) if _dates_agree(letter.date, date)
    ]
    if len(fits) > 1:
        same_kind = [letter for letter in fits if letter.kind == kind]
        fits = same_kind if len(same_kind) == 1 else fits
    if len(fits) == 1:
        return fits[0], None
    if fits:
        titles = ", ".join(letter.title for letter in fits[:3])
        return None, (
            f"Several letters to the same recipient fit the date ({titles}); a new "
            "letter is proposed."
        )
    return None, None


def _dates_agree(first: str, second: str) -> bool:
    shortest = min(len(first), len(second))
    return first[:shortest] == second[:shortest]


def link_source(
    known: Known, publisher: str, title: str, date: str | None, url: str | None
) -> Source | None:
    """An existing source for the same document.

    The same URL, the same headline at a compatible date, or a publisher of (nearly) the
    same name on the same day.
    """
    for source in known.kb.sources.values():
        if url and source.url == url:
            return source
        same_day = bool(date and source.date and _dates_agree(source.date, date))
        if normalize(source.title) == normalize(title) and (same_day or not date):
            return source
        if (
            same_day
            and date
            and len(date) == 10
            and fuzz.token_set_ratio(normalize(source.publisher), normalize(publisher)) >= 90
        ):
            return source
    return None


def existing_quote(known: Known, speaker_id: str, text: str) -> Quote | None:
    """A quote the person already has with (nearly) these words."""
    wanted = normalize(text)
    for quote in known.kb.quotes_by(speaker_id):
        if fuzz.ratio(normalize(quote.text), wanted) >= SAME_QUOTE_SCORE:
            return quote
    return None


def same_text(first: str, second: str, score: float = 90.0) -> bool:
    """Two demands or statements say the same (rapidfuzz token-set ratio)."""
    return fuzz.token_set_ratio(normalize(first), normalize(second)) >= score
