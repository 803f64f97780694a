"""What a free-text question says: the evidence every reading is scored from.

Names and aliases (the alias table), people described by their role, years, numbers,
countries, a phrase in quotation marks, and the normalised words for cue matching. Nothing
here decides what the question asks; `readings` does, from this evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.scope import Scope
from bot.core.search.names import Mention, normalize
from bot.core.search.resolve import resolve_country
from bot.core.search.roles import RoleMatch, match_roles

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.]*\d)")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{3,})[\"“”„«»]|(?<!\w)['‘’]([^'‘’]{8,})['‘’](?!\w)")
#: A role match must reach this score to stand for a person (see `search.roles`).
ROLE_CUTOFF = 5.0
#: And beat the runner-up by this much, or the description fits two people.
ROLE_MARGIN = 1.0
#: Kinds of organisation that are places and governments rather than campaigners: named
#: in a question they describe a letter ("pressing Pyongyang"), not the subject.
PLACE_KINDS = frozenset({"government", "legislature"})


@dataclass(frozen=True, slots=True)
class Question:
    """A question and the evidence found in it."""

    text: str
    #: Normalised words, padded with spaces so cue patterns can match whole words.
    norm: str
    mentions: tuple[Mention, ...]
    #: People the question describes by role rather than name, best first.
    roles: tuple[RoleMatch, ...]
    years: tuple[int, ...]
    #: Numbers other than years ("the 76 co-signers").
    numbers: tuple[int, ...]
    country: str | None
    #: Words the user put in quotation marks.
    quoted: str | None

    def ids(self, kind: str) -> list[str]:
        """Ids of entities of one kind named in the question, in order, once each."""
        return list(dict.fromkeys(m.entity_id for m in self.mentions if m.kind == kind))

    def has(self, pattern: re.Pattern[str]) -> bool:
        """Whether a cue pattern occurs in the normalised question."""
        return pattern.search(self.norm) is not None

    def people(self) -> list[str]:
        """People named, else the one a role description clearly fits."""
        named = self.ids("person")
        if named:
            return named
        if self.roles and self.roles[0].score >= ROLE_CUTOFF and (
            len(self.roles) == 1 or self.roles[0].score - self.roles[1].score >= ROLE_MARGIN
        ):
            return [self.roles[0].person_id]
        return []

    def corrected(self) -> list[Mention]:
        """Names recognised only after correcting a typo, to show how they were read."""
        return [m for m in self.mentions if m.corrected]


def read_question(scope: Scope, text: str) -> Question:
    """The evidence in a question (already trimmed to the query length limit)."""
    norm = f" {normalize(text)} "
    years = tuple(int(y) for y in _YEAR.findall(text))
    numbers = tuple(
        value for raw in _NUMBER.findall(text)
        if (value := int(raw.replace(",", ""))) not in years and value < 10_000_000
    )
    mentions = scope.names.find_mentions(text)
    roles = match_roles(scope.kb, text)
    quoted_match = _QUOTED.search(text)
    quoted = next((g for g in quoted_match.groups() if g), None) if quoted_match else None
    return Question(
        text=text,
        norm=norm,
        mentions=tuple(_trust_roles_over_role_aliases(scope, mentions, roles)),
        roles=tuple(roles),
        years=years,
        numbers=numbers,
        country=_country(scope, norm),
        quoted=quoted.strip() if quoted else None,
    )


def _trust_roles_over_role_aliases(scope: Scope, mentions: list[Mention],
                                   roles: list[RoleMatch]) -> list[Mention]:
    """Drop a person found only through a role alias when the full description fits another.

    The alias table knows "HRW Asia director"; in "the deputy Asia director at HRW" that
    alias names the wrong man, and the role matcher, which weighs every word, knows better.
    """
    if not roles or roles[0].score < ROLE_CUTOFF:
        return mentions
    best = roles[0].person_id
    kept = []
    for mention in mentions:
        if mention.kind == "person" and mention.entity_id != best:
            person = scope.kb.people.get(mention.entity_id)
            names = {normalize(n) for n in person.names} if person else set()
            surname = {n.split()[-1] for n in names if n}
            if mention.surface not in names and mention.surface not in surname:
                continue
        kept.append(mention)
    if best not in {m.entity_id for m in kept} and any(
            m.kind == "person" for m in mentions) and not any(m.kind == "person" for m in kept):
        kept.append(Mention(best, "person", 0, 0, "", False))
    return kept


_COUNTRY_NOUN = re.compile(
    r"\b([a-z]+(?: [a-z]+)?) (?:organi[sz]ations?|groups?|ngos?|signatories|members|signers|"
    r"orgs?|charities|signatory)\b"
)
_COUNTRY_FROM = re.compile(r"\b(?:from|in|based in|of) (?:the )?([a-z]+(?: [a-z]+){0,2})")


def _country(scope: Scope, norm: str) -> str | None:
    """A country the question filters by ("Japanese groups", "from Canada")."""
    for pattern in (_COUNTRY_NOUN, _COUNTRY_FROM):
        for match in pattern.finditer(norm):
            country = resolve_country(scope, match.group(1))
            if country:
                return country
    return None
