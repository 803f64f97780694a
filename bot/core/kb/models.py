"""The knowledge base's entities: frozen dataclasses linked by stable slug ids.

Every fact carries the ids of the sources it comes from. Counts that sources report
("52 organisations representing more than 300 NGOs") live in `ReportedCount`, apart from
the signatories we can name, so an answer never mixes the two up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bot.core.kb.dates import human_date

#: A slug: lower-case letters, digits and single hyphens, starting with a letter or digit.
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Dates are ISO strings at the precision the source gives: "2018", "2018-06" or "2018-06-07".
DATE_PATTERN = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")

EntityKind = Literal[
    "source", "organization", "person", "letter", "quote", "event", "signatory", "demand"
]
ENTITY_KINDS: tuple[EntityKind, ...] = (
    "source",
    "organization",
    "person",
    "letter",
    "quote",
    "event",
    "signatory",
    "demand",
)

ORGANIZATION_KINDS: tuple[str, ...] = (
    "ngo",
    "coalition",
    "un-body",
    "government",
    "legislature",
    "media",
    "other",
)

QUOTE_KINDS: tuple[str, ...] = ("verbatim", "paraphrase")

#: How a source qualifies a count: "52" is exact, "more than 300", "at least 22", "over 200,000".
COUNT_QUALIFIERS: tuple[str, ...] = ("exactly", "more-than", "at-least", "about")


@dataclass(frozen=True, slots=True)
class Source:
    """A published document that facts are taken from."""

    id: str
    publisher: str
    title: str
    date: str | None = None
    author: str | None = None
    #: When the publisher reposts another organisation's release, whose words they are.
    original_publisher: str | None = None
    url: str | None = None
    #: How the date or title was printed when we had to interpret it.
    note: str | None = None
    guild_id: int | None = None


@dataclass(frozen=True, slots=True)
class Organization:
    """An NGO, coalition, UN body, government or publisher."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    #: The country exactly as the source prints it when we normalised it ("ROK").
    country_as_printed: str | None = None
    based_in: str | None = None
    member_of: tuple[str, ...] = ()
    description: str | None = None
    sources: tuple[str, ...] = ()
    guild_id: int | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Role:
    """A position a person held, as a source describes it."""

    title: str
    organization: str | None = None
    start: str | None = None
    end: str | None = None
    #: The date a source attests the role when start and end are unknown.
    as_of: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()

    def named(self, org_name: str | None) -> str:
        """ "Asia director, Human Rights Watch": the title and where it is held."""
        return self.title if not org_name else f"{self.title}, {org_name}"

    def describe(self, org_name: str | None) -> str:
        """ "Asia director, Human Rights Watch (as of 7 June 2018)" style text."""
        text = self.named(org_name)
        span = _span(self.start, self.end, self.as_of)
        return f"{text} ({span})" if span else text


def _span(start: str | None, end: str | None, as_of: str | None) -> str:
    """When a role was held, as a reader writes dates ("March 2017 – June 2018")."""
    if start or end:
        return f"{human_date(start) if start else '?'} – {human_date(end) if end else ''}".strip()
    if as_of:
        return f"as of {human_date(as_of)}"
    return ""


@dataclass(frozen=True, slots=True)
class Person:
    """Someone named in a source with a role: spokesperson, official, lawmaker, recipient."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    description: str | None = None
    sources: tuple[str, ...] = ()
    guild_id: int | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias or spelling."""
        return (self.name, *self.aliases)

    def role_on(self, date: str | None) -> Role | None:
        """The role the person held on `date` (ISO, any precision), else their first role."""
        if not self.roles:
            return None
        return (self.role_held_on(date) if date else None) or self.roles[0]

    def role_held_on(self, date: str) -> Role | None:
        """The role the sources say the person held on `date`, if they say any."""
        return next((role for role in self.roles if _covers(role, date)), None)

    def roles_held_on(self, date: str) -> tuple[Role, ...]:
        """Every role the sources say the person held on `date` ("President; press contact")."""
        return tuple(role for role in self.roles if _covers(role, date))


def _covers(role: Role, date: str) -> bool:
    if role.as_of and not (role.start or role.end):
        return role.as_of[: len(date)] == date[: len(role.as_of)]
    after_start = role.start is None or role.start[: len(date)] <= date
    before_end = role.end is None or date[: len(role.end)] <= role.end
    return after_start and before_end


@dataclass(frozen=True, slots=True)
class Statement:
    """One sourced sentence in a list: a demand, an abuse cited, a quoted passage."""

    text: str
    sources: tuple[str, ...] = ()
    note: str | None = None
    #: Set when a server's moderators added it (see `DemandEntry`).
    guild_id: int | None = None


@dataclass(frozen=True, slots=True)
class Signatory:
    """An organisation we can name as having signed (or supported) a letter."""

    organization: str
    sources: tuple[str, ...] = ()
    #: How the source lists it, e.g. "member and supporter of the coalition".
    note: str | None = None
    #: Set when a server's moderators added it (see `SignatoryEntry`).
    guild_id: int | None = None


@dataclass(frozen=True, slots=True)
class ReportedCount:
    """A count as a source reports it, kept apart from the signatories we can name."""

    count: int
    unit: str
    qualifier: str = "exactly"
    note: str | None = None
    sources: tuple[str, ...] = ()
    #: This count is of everyone who signed (not of groups they represent, nor a part).
    of_signers: bool = False

    def describe(self) -> str:
        """ "more than 300 NGOs" style text."""
        prefix = {
            "exactly": "",
            "more-than": "more than ",
            "at-least": "at least ",
            "about": "about ",
        }[self.qualifier]
        return f"{prefix}{self.count:,} {self.unit}"


@dataclass(frozen=True, slots=True)
class Letter:
    """A campaign action: a joint or open letter sent to a leader."""

    id: str
    title: str
    date: str
    recipient: str
    summary: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    date_note: str | None = None
    kind: str = "joint letter"
    coordinator: str | None = None
    #: The recipient's title as the letter's sources give it ("North Korean leader").
    recipient_role: str | None = None
    background: str | None = None
    demands: tuple[Statement, ...] = ()
    abuses_cited: tuple[Statement, ...] = ()
    excerpts: tuple[Statement, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    reported_counts: tuple[ReportedCount, ...] = ()
    signatory_regions: tuple[str, ...] = ()
    related_events: tuple[str, ...] = ()
    #: Ambiguities recorded instead of silently resolved.
    notes: tuple[str, ...] = ()
    guild_id: int | None = None

    @property
    def year(self) -> int:
        """The year the letter was sent."""
        return int(self.date[:4])

    def signatory(self, org_id: str) -> Signatory | None:
        """The organisation's entry among the letter's named signatories, if it has one."""
        return next((s for s in self.signatories if s.organization == org_id), None)

    @property
    def signers_reported(self) -> ReportedCount | None:
        """The count the sources give of everyone who signed, if they give one."""
        return next((c for c in self.reported_counts if c.of_signers), None)

    @property
    def counted_in_all(self) -> int | None:
        """How many signers the sources count in all, if they count them.

        Their total, or the parts they add up: "the three largest organisations, joined by
        40 other organisations" counts 43.
        """
        if self.signers_reported is not None:
            return self.signers_reported.count
        parts = self._added_parts
        return sum(c.count for c in parts) if parts else None

    @property
    def summed_count(self) -> str | None:
        """ "3 + 40 = 43": how `counted_in_all` adds up, where the sources give only parts."""
        parts = self._added_parts if self.signers_reported is None else ()
        if not parts:
            return None
        return " + ".join(str(c.count) for c in parts) + f" = {sum(c.count for c in parts)}"

    @property
    def _added_parts(self) -> tuple[ReportedCount, ...]:
        """Counts of organisations the sources give as parts of one whole ("… and 40 others")."""
        parts = tuple(c for c in self.reported_counts if "organi" in c.unit)
        if len(parts) >= 2 and any(c.unit.startswith("other ") for c in parts):
            return parts
        return ()

    @property
    def list_is_partial(self) -> bool:
        """Whether the sources count more signers than they name."""
        counted = self.counted_in_all
        return counted is not None and counted > len(self.signatories)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a person: verbatim, or a paraphrase marked as such."""

    id: str
    speaker: str
    text: str
    kind: str
    sources: tuple[str, ...]
    date: str | None = None
    occasion: str | None = None
    place: str | None = None
    about: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    #: Who relayed the words when the source quotes another outlet ("Reuters").
    via: str | None = None
    note: str | None = None
    guild_id: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Context the sources state: a summit, a declaration, a vote, an inquiry."""

    id: str
    title: str
    summary: str
    sources: tuple[str, ...]
    date: str | None = None
    date_note: str | None = None
    participants: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    related_letters: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    guild_id: int | None = None


@dataclass(frozen=True, slots=True)
class SignatoryEntry:
    """A signatory a server's moderators added to a letter (bundled or their own).

    Kept as its own entry, not written into the letter, so a server's additions are seen only
    in that server and the curated letter stays untouched.
    """

    id: str
    letter: str
    organization: str
    sources: tuple[str, ...]
    note: str | None = None
    guild_id: int | None = None


@dataclass(frozen=True, slots=True)
class DemandEntry:
    """A demand a server's moderators added to a letter."""

    id: str
    letter: str
    text: str
    sources: tuple[str, ...]
    note: str | None = None
    guild_id: int | None = None


Entity = Source | Organization | Person | Letter | Quote | Event | SignatoryEntry | DemandEntry

KIND_OF: dict[type, EntityKind] = {
    Source: "source",
    Organization: "organization",
    Person: "person",
    Letter: "letter",
    Quote: "quote",
    Event: "event",
    SignatoryEntry: "signatory",
    DemandEntry: "demand",
}


@dataclass(frozen=True, slots=True)
class Location:
    """Where an entity was defined: file and 1-based line, for error messages."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(slots=True)
class EntityRecord:
    """An entity with where it came from and the hash of its definition."""

    entity: Entity
    location: Location
    content_hash: str
    kind: EntityKind = field(init=False)

    def __post_init__(self) -> None:
        self.kind = KIND_OF[type(self.entity)]
