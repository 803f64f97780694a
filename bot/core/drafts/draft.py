"""The Draft value, and the one pass from a document to it.

A draft is a list of entries in the data/ format (the same YAML `/kb import` reads), the
links it made to existing entries, the flags a moderator should check, and what it skipped
as already known. Nothing is written here: review is `Moderation.plan_import` of
`draft.to_yaml()` (see `review`), and applying is `Moderation.apply_import`, one batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import yaml

from bot.core.drafts.assemble import Assembly
from bot.core.drafts.contacts import strip_contacts
from bot.core.drafts.counts import find_counts
from bot.core.drafts.demands import abuses, demands
from bot.core.drafts.document import Article, read_document
from bot.core.drafts.fetch import fetch_url
from bot.core.drafts.letter import read_letter
from bot.core.drafts.limits import DEFAULT_LIMITS, DraftLimits
from bot.core.drafts.linking import Known, Link, link_source
from bot.core.drafts.marks import Span, masked
from bot.core.drafts.masthead import Masthead, read_masthead
from bot.core.drafts.orgs import OrgBook
from bot.core.drafts.people import PeopleBook, find_people
from bot.core.drafts.quotes import QuoteFinding, find_speech, quoted_spans
from bot.core.drafts.signatories import (
    Signing,
    coordinator,
    list_signatories,
    prose_signatories,
)
from bot.core.errors import DocumentError
from bot.core.kb.dates import human_date
from bot.core.kb.schema import SECTION_OF
from bot.core.moderation.service import ImportPlan, Moderation
from bot.core.search.names import normalize

#: The order sections appear in a draft's YAML: what is linked to comes first.
_ORDER = ("source", "organization", "person", "letter", "signatory", "demand", "quote")


@dataclass(frozen=True, slots=True)
class Draft:
    """Proposed entries for review, with links, flags and skipped duplicates."""

    entries: tuple[tuple[str, dict[str, Any]], ...]
    links: tuple[Link, ...]
    flags: tuple[str, ...]
    skipped: tuple[str, ...]
    #: Quotations the drafter found no speaker for (not proposed).
    unattributed: tuple[str, ...]
    #: What the document is, for messages ("NGOs Call on North Korean Leader…").
    label: str
    contacts_removed: int = 0

    def sections(self) -> dict[str, list[dict[str, Any]]]:
        """The entries as a data/ document: plural section name → entries."""
        document: dict[str, list[dict[str, Any]]] = {}
        for kind in _ORDER:
            for entry_kind, raw in self.entries:
                if entry_kind == kind:
                    document.setdefault(SECTION_OF[kind], []).append(raw)  # type: ignore[index]
        return document

    def to_yaml(self) -> str:
        """The draft as a YAML file `/kb import` accepts (edit it and import it back)."""
        head = f"# Draft from: {self.label}\n# Review every entry; flags:\n" + "".join(
            f"#  - {' '.join(flag.split())}\n" for flag in self.flags
        )
        return head + yaml.safe_dump(
            self.sections(), sort_keys=False, allow_unicode=True, width=100
        )

    def to_json(self) -> str:
        """One JSON object per entry: {"kind": "letter", "entry": {…data/ format…}}.

        The entry is nested because entries have a "kind" field of their own (an
        organisation's "ngo", a quote's "verbatim").
        """
        return json.dumps(
            [{"kind": kind, "entry": raw} for kind, raw in self._ordered()],
            ensure_ascii=False,
            indent=2,
        )

    def _ordered(self) -> list[tuple[str, dict[str, Any]]]:
        return sorted(self.entries, key=lambda entry: _ORDER.index(entry[0]))

    def counts(self) -> dict[str, int]:
        """How many entries of each kind are proposed."""
        totals: dict[str, int] = {}
        for kind, _ in self.entries:
            totals[kind] = totals.get(kind, 0) + 1
        return totals

    def report(self) -> list[str]:
        """The review's text: what is proposed, linked, flagged and skipped."""
        counts = ", ".join(
            f"{n} {kind}{'s' if n != 1 else ''}"
            for kind, n in sorted(self.counts().items(), key=lambda i: _ORDER.index(i[0]))
        )
        lines = [f"Draft from {self.label}: {counts or 'nothing new'}."]
        lines += [f"link: {link.describe()}" for link in self.links]
        lines += [f"check: {flag}" for flag in self.flags]
        lines += [f"skipped: {line}" for line in self.skipped]
        lines += [f"no speaker found (not proposed): “{text[:100]}”" for text in self.unattributed]
        if self.contacts_removed:
            lines.append(
                f"{self.contacts_removed} e-mail address(es) or telephone number(s) "
                "were removed and are not stored."
            )
        return lines


def draft_bytes(
    known: Known,
    data: bytes,
    name: str,
    content_type: str | None = None,
    url: str | None = None,
    limits: DraftLimits = DEFAULT_LIMITS,
) -> Draft:
    """A draft of a file's (or fetched page's) bytes; DocumentError when it is no article."""
    return draft_article(known, read_document(data, name, content_type, limits, url), limits)


def draft_url(
    known: Known, url: str, limits: DraftLimits = DEFAULT_LIMITS, allow_private: bool = False
) -> Draft:
    """Fetch a page (public addresses only unless `allow_private`) and draft it."""
    fetched = fetch_url(url, limits, allow_private)
    return draft_bytes(known, fetched.data, fetched.url, fetched.content_type, fetched.url, limits)


def review(moderation: Moderation, guild_id: int, draft: Draft) -> ImportPlan:
    """The dry-run preview of applying `draft`: exactly what `/kb import` would show.

    No byte cap beyond the draft's own: its size is bounded by `DraftLimits.max_entries`.
    """
    data = draft.to_yaml().encode()
    # The history names the article drafted, not a file nobody uploaded.
    label = f"the draft of {draft.label}"
    return moderation.plan_import(guild_id, "draft.yaml", data, len(data), label=label)


def draft_article(known: Known, article: Article, limits: DraftLimits = DEFAULT_LIMITS) -> Draft:
    """Read everything the drafter proposes from a clean article."""
    masthead = read_masthead(article)
    orgs = OrgBook(article.text)
    listed, list_notes = list_signatories(article, orgs)
    people = PeopleBook()
    find_people(article, orgs, people)
    speech = find_speech(article, people)
    spans_of: dict[int, list[Span]] = {}
    for span in speech.spans:
        spans_of.setdefault(span.paragraph, []).append(span)
    blanked = [masked(p.text, spans_of.get(i, [])) for i, p in enumerate(article.paragraphs)]
    signings = _merge(prose_signatories(article, orgs, quoted_spans(speech)), listed)
    lead = coordinator(article, orgs)
    facts = read_letter(blanked, people, orgs, masthead.date)
    as_of = masthead.date.iso if masthead.date else (facts.date.iso if facts.date else None)
    assembly = Assembly(known, "")
    _source(assembly, known, masthead, article, orgs)
    counts = find_counts(blanked)
    notes = list(list_notes)
    if signings and any(c.of_signers for c in counts):
        total = next(c for c in counts if c.of_signers)
        if total.count != len(signings):
            notes.append(f"The text reports {total.count} signers and names {len(signings)}.")
    if facts.date is not None and facts.date.note:
        notes.insert(0, f"Date: {facts.date.note}")
    letter_id = assembly.letter(
        facts,
        lead,
        signings,
        counts,
        demands(article.paragraphs, blanked),
        abuses(article.paragraphs, blanked),
        speech.excerpts,
        notes,
        as_of,
    )
    signers = {id(s.org) for s in signings} | ({id(lead)} if lead else set())
    for found in speech.quotes:
        about = [letter_id] if letter_id and _about_letter(found, blanked, signers) else []
        assembly.quote(found, about, as_of)
    for person in people.people:
        assembly.person_id(person, as_of)
    entries = tuple((kind, _without_contacts(raw)) for kind, raw in assembly.entries)
    if len(entries) > limits.max_entries:
        raise DocumentError(
            f"The draft would propose {len(entries)} entries; one draft takes "
            f"at most {limits.max_entries}. Split the document."
        )
    label = masthead.title or article.url or "the document"
    return Draft(
        entries,
        tuple(assembly.links),
        tuple(dict.fromkeys(assembly.flags)),
        tuple(assembly.skipped),
        tuple(speech.unattributed),
        label[:150],
        article.contacts_removed,
    )


def _merge(prose: list[Signing], listed: list[Signing]) -> list[Signing]:
    """Each organisation once; what the prose says about it comes before its list note."""
    merged: dict[int, Signing] = {}
    for signing in [*prose, *listed]:
        known = merged.get(id(signing.org))
        if known is None:
            merged[id(signing.org)] = signing
        elif signing.note not in known.note:
            merged[id(signing.org)] = Signing(
                signing.org, f"{known.note} {signing.note}", known.listed and signing.listed
            )
    return list(merged.values())


def _source(
    assembly: Assembly, known: Known, masthead: Masthead, article: Article, orgs: OrgBook
) -> None:
    """Propose the document's source (or link the existing one); set the assembly's id."""
    publisher = masthead.publisher or "Unnamed publisher"
    date = masthead.date.iso if masthead.date else None
    title = masthead.title or (
        f"{publisher} release of {human_date(date)}" if date else f"{publisher} release"
    )
    existing = link_source(known, publisher, title, date, article.url)
    if existing is not None:
        assembly.links.append(Link("source", title, existing.id, existing.title, "same document"))
        assembly.source_id = existing.id
        return
    source_id = assembly.source_id = assembly.new_id("src", f"{publisher} {date or ''}")
    raw: dict[str, Any] = {"id": source_id, "publisher": publisher, "title": title}
    if date:
        raw["date"] = date
    if masthead.author:
        raw["author"] = masthead.author
    if masthead.credited:
        credited = orgs.add(masthead.credited)
        raw["original_publisher"] = assembly.org_id(credited)
        assembly.flags.append(
            f"The dateline credits {masthead.credited}: recorded as the "
            "original publisher of a repost. Check it."
        )
    if article.url:
        raw["url"] = article.url
    notes = list(masthead.notes)
    if masthead.title is None:
        notes.append("The copy prints no headline, so the title is descriptive.")
        assembly.flags.append("No headline found: the source has a descriptive title.")
    if masthead.publisher is None:
        notes.append("The copy does not name its publisher.")
        assembly.flags.append("No publisher found: the source says “Unnamed publisher”.")
    if masthead.date is None:
        assembly.flags.append("The document prints no date of its own.")
    elif masthead.date.uncertain:
        assembly.flags.append(f"Document date: {masthead.date.note}")
    if article.contacts_removed:
        notes.append("Press contacts' e-mail addresses and telephone numbers are left out.")
    if notes:
        raw["note"] = " ".join(notes)
    assembly.add("source", raw)


def _about_letter(found: QuoteFinding, blanked: list[str], signers: set[int]) -> bool:
    """Whether a quote is about the letter: said beside it, or by someone of a signer."""
    near = blanked[max(found.paragraph - 1, 0) : found.paragraph + 2]
    if any("letter" in normalize(text).split() for text in near):
        return True
    return any(role.org is not None and id(role.org) in signers for role in found.speaker.roles)


def _without_contacts(value: Any) -> Any:
    """Every text of an entry with contacts cut (they were cut from the article already)."""
    if isinstance(value, str):
        return strip_contacts(value)[0]
    if isinstance(value, list):
        return [_without_contacts(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_contacts(v) for k, v in value.items()}
    return value
