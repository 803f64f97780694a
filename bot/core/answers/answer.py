"""The `Answer` value every question kind returns, and a builder that numbers citations.

Front ends render an Answer (Discord embeds, plain text, JSON) without knowing the kind
of question: a title, lead lines, sections of items, numbered sources, suggestions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any, ParamSpec

from bot.core.errors import NotFoundError
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Source

P = ParamSpec("P")


@dataclass(frozen=True, slots=True)
class Citation:
    """A numbered source an answer relies on."""

    number: int
    source_id: str
    publisher: str
    title: str
    date: str | None
    author: str | None = None
    url: str | None = None
    community: bool = False

    def text(self) -> str:
        """ "[1] Publisher, by Author, “Title”, date"."""
        parts = [self.publisher]
        if self.author:
            parts.append(f"by {self.author}")
        parts.append(f"“{self.title}”")
        if self.date:
            parts.append(self.date)
        if self.url:
            parts.append(self.url)
        return f"[{self.number}] " + ", ".join(parts)


def citation_of(number: int, source: Source) -> Citation:
    """The numbered citation of a source."""
    return Citation(
        number,
        source.id,
        source.publisher,
        source.title,
        source.date,
        source.author,
        source.url,
        source.guild_id is not None,
    )


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of an answer: a signatory, a demand, a quote, a search hit."""

    title: str
    text: str = ""
    refs: tuple[int, ...] = ()
    #: Added by this server's moderators rather than the curated bundled corpus.
    community: bool = False
    entity_id: str | None = None
    #: Spans of `text` (start, end) to emphasise: the words a search matched. The text
    #: itself stays verbatim; each front end shows the spans its own way.
    marks: tuple[tuple[int, int], ...] = ()

    def ref_marks(self) -> str:
        """ "[1][2]" for the item's citations."""
        return "".join(f"[{n}]" for n in self.refs)


@dataclass(frozen=True, slots=True)
class Section:
    """A headed group of items."""

    heading: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    """A complete, cited answer to one question."""

    kind: str
    title: str
    lead: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    sources: tuple[Citation, ...] = ()
    suggestions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    found: bool = True
    #: How the question was understood, for /ask ("who signed → 2018 letter").
    interpretation: str | None = None
    #: The direct answer to a one-fact question, one or two cited sentences; it is also the
    #: first lead line, so every renderer shows it first.
    direct: str | None = None

    @property
    def item_count(self) -> int:
        """Items across all sections."""
        return sum(len(section.items) for section in self.sections)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return asdict(self)


@dataclass(slots=True)
class AnswerBuilder:
    """Collects sections and numbers each source the first time an item cites it."""

    kb: KnowledgeBase
    kind: str
    title: str
    lead: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    interpretation: str | None = None
    direct: str | None = None
    _numbers: dict[str, int] = field(default_factory=dict)

    def cite(self, source_ids: Iterable[str]) -> tuple[int, ...]:
        """Citation numbers for these sources, assigning new numbers in order of use."""
        numbers = []
        for source_id in source_ids:
            if source_id not in self.kb.sources:
                continue
            if source_id not in self._numbers:
                self._numbers[source_id] = len(self._numbers) + 1
            numbers.append(self._numbers[source_id])
        return tuple(dict.fromkeys(numbers))

    def marks(self, source_ids: Iterable[str]) -> str:
        """Citation marks "[1][2]" to append to a lead line."""
        return "".join(f"[{n}]" for n in self.cite(source_ids))

    def section(self, heading: str, items: Iterable[Item]) -> None:
        """Add a section (skipped when it has no items)."""
        items = tuple(items)
        if items:
            self.sections.append(Section(heading, items))

    def build(self, found: bool = True) -> Answer:
        """The finished answer."""
        citations = []
        for source_id, number in sorted(self._numbers.items(), key=lambda item: item[1]):
            source = self.kb.sources[source_id]
            citations.append(citation_of(number, source))
        return Answer(
            kind=self.kind,
            title=self.title,
            lead=tuple([self.direct, *self.lead] if self.direct else self.lead),
            sections=tuple(self.sections),
            sources=tuple(citations),
            suggestions=tuple(dict.fromkeys(self.suggestions)),
            notes=tuple(self.notes),
            found=found,
            interpretation=self.interpretation,
            direct=self.direct,
        )


def not_found(
    kind: str, message: str, suggestions: Iterable[str] = (), interpretation: str | None = None
) -> Answer:
    """An answer that says plainly the knowledge base does not cover the question."""
    return Answer(
        kind=kind,
        title="Nothing found",
        lead=(message,),
        suggestions=tuple(dict.fromkeys(suggestions)),
        found=False,
        interpretation=interpretation,
    )


def with_direct(
    answer: Answer,
    direct: str | None,
    interpretation: str | None = None,
    notes: tuple[str, ...] | None = None,
    kind: str | None = None,
) -> Answer:
    """`answer` opened by a direct answer, with the reading it answers (and chosen notes).

    Citation marks in `direct` must use `answer`'s numbering (see `cite_in`).
    """
    lead = (direct, *answer.lead) if direct else answer.lead
    return replace(
        answer,
        kind=kind or answer.kind,
        lead=lead,
        direct=direct or answer.direct,
        interpretation=interpretation or answer.interpretation,
        notes=answer.notes if notes is None else notes,
    )


def cite_in(answer: Answer, kb: KnowledgeBase, source_ids: Iterable[str]) -> tuple[Answer, str]:
    """Citation marks "[1][2]" numbered as `answer` numbers them, adding sources it lacks."""
    answer, numbers = cite_numbers(answer, kb, source_ids)
    return answer, "".join(f"[{n}]" for n in numbers)


def cite_numbers(
    answer: Answer, kb: KnowledgeBase, source_ids: Iterable[str]
) -> tuple[Answer, tuple[int, ...]]:
    """The citation numbers `answer` gives these sources, adding the sources it lacks."""
    citations = list(answer.sources)
    numbers = {c.source_id: c.number for c in citations}
    found = []
    for source_id in dict.fromkeys(source_ids):
        source = kb.sources.get(source_id)
        if source is None:
            continue
        if source_id not in numbers:
            numbers[source_id] = len(citations) + 1
            citations.append(citation_of(numbers[source_id], source))
        found.append(numbers[source_id])
    return replace(answer, sources=tuple(citations)), tuple(found)


def answering(kind: str) -> Callable[[Callable[P, Answer]], Callable[P, Answer]]:
    """Turn a NotFoundError raised while resolving names into a "nothing found" answer."""

    def decorate(function: Callable[P, Answer]) -> Callable[P, Answer]:
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> Answer:
            try:
                return function(*args, **kwargs)
            except NotFoundError as exc:
                return not_found(kind, str(exc).split(" Did you mean")[0], exc.suggestions)

        return wrapper

    return decorate


def merged(answers: list[Answer], kb: KnowledgeBase, title: str, interpretation: str) -> Answer:
    """Several answers as one: their direct answers in turn, then every section.

    Each later answer's citations are renumbered into the first one's numbering, in its
    direct answer and its items alike, so "[2]" means one source throughout.
    """
    first, *rest = answers
    combined = first
    directs = [first.direct] if first.direct else []
    sections = list(first.sections)
    for answer in rest:
        combined, renumber = adopt_citations(combined, kb, answer)
        if answer.direct:
            directs.append(renumbered(answer.direct, renumber))
        sections += [
            Section(
                section.heading,
                tuple(
                    replace(item, refs=tuple(renumber.get(n, n) for n in item.refs))
                    for item in section.items
                ),
            )
            for section in answer.sections
        ]
    direct = "\n".join(directs) or None
    rest_of_lead = first.lead[1:] if first.direct else first.lead
    lead = (direct, *rest_of_lead) if direct else first.lead
    return replace(
        combined,
        title=title,
        direct=direct,
        lead=lead,
        sections=tuple(sections),
        interpretation=interpretation,
        found=any(a.found for a in answers),
    )


def yes_or_no(held: bool, yes: str, no: str, rest: str) -> str:
    """A direct answer opened by "Yes: `yes` " or "No: `no` ", then `rest`."""
    return (f"Yes: {yes} " if held else f"No: {no} ") + rest


def adopt_citations(
    answer: Answer, kb: KnowledgeBase, other: Answer
) -> tuple[Answer, dict[int, int]]:
    """`answer` citing `other`'s sources too, and each of `other`'s numbers → its new one."""
    renumber: dict[int, int] = {}
    for citation in other.sources:
        answer, numbers = cite_numbers(answer, kb, [citation.source_id])
        if numbers:
            renumber[citation.number] = numbers[0]
    return answer, renumber


def renumbered(text: str, renumber: dict[int, int]) -> str:
    """`text` with its citation marks "[n]" renumbered (marks not in `renumber` kept)."""
    return _MARK.sub(lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", text)


#: A citation mark in a direct answer: "[2]".
_MARK = re.compile(r"\[(\d+)\]")
