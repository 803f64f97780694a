"""Turn what was read into data/ entries: ids, links to existing entries, notes and flags.

Every entry cites one source (the document). Organisations and people the knowledge base
already has are linked, not proposed again; a letter it already has gets new signatories
and demands as separate entries (the curated letter stays untouched), and quotes it already
has are skipped. Uncertainty goes both into the entry's note (so it stays with the data)
and into the draft's flags (so the review shows it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.core.drafts.counts import CountFinding
from bot.core.drafts.demands import Item
from bot.core.drafts.letter import LetterFacts
from bot.core.drafts.linking import (
    Known,
    Link,
    existing_quote,
    link_letter,
    link_named,
    same_text,
)
from bot.core.drafts.orgs import OrgFinding
from bot.core.drafts.people import PersonFinding
from bot.core.drafts.quotes import QuoteFinding
from bot.core.drafts.signatories import Signing
from bot.core.kb.dates import human_date
from bot.core.kb.models import EntityKind, Letter
from bot.core.moderation.community import guild_prefix
from bot.core.moderation.forms import slugify


@dataclass(slots=True)
class Assembly:
    """Entries being built, with their links, flags and skipped duplicates."""

    known: Known
    source_id: str
    entries: list[tuple[EntityKind, dict[str, Any]]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)
    _org_ids: dict[int, str] = field(default_factory=dict)
    _person_ids: dict[int, str] = field(default_factory=dict)

    def new_id(self, prefix: str, label: str) -> str:
        """A fresh id that clashes with nothing in the draft or the knowledge base."""
        base = f"{prefix}-{slugify(label) or prefix}"
        candidate, number = base, 1
        mine = guild_prefix(self.known.guild_id) if self.known.guild_id is not None else ""
        while (
            candidate in self._ids
            or candidate in self.known.kb.records
            or mine + candidate in self.known.kb.records
        ):
            number += 1
            candidate = f"{base}-{number}"
        self._ids.add(candidate)
        return candidate

    def add(self, kind: EntityKind, raw: dict[str, Any]) -> None:
        """Propose one entry."""
        self.entries.append((kind, raw))

    # Organisations and people ---------------------------------------------------------

    def org_id(self, org: OrgFinding) -> str:
        """The id of an organisation: an existing one when linked, else a new entry."""
        if id(org) in self._org_ids:
            return self._org_ids[id(org)]
        link, flag = link_named(self.known, "organization", org.name, org.aliases)
        if flag:
            self.flags.append(flag)
        if link is not None:
            self.links.append(link)
            if link.weak:
                self.flags.append(f"Check the link: {link.describe()}.")
            entity_id = link.entity_id
        else:
            entity_id = self.new_id("org", org.name)
            raw: dict[str, Any] = {"id": entity_id, "name": org.name, "kind": org_kind(org)}
            if org.aliases:
                raw["aliases"] = list(dict.fromkeys(org.aliases))
            for key in ("country", "country_as_printed", "based_in"):
                if getattr(org, key):
                    raw[key] = getattr(org, key)
            raw["sources"] = [self.source_id]
            self.add("organization", raw)
        self._org_ids[id(org)] = entity_id
        return entity_id

    def person_id(self, person: PersonFinding, as_of: str | None) -> str:
        """The id of a person: an existing one when linked, else a new entry with roles."""
        if id(person) in self._person_ids:
            return self._person_ids[id(person)]
        link, flag = link_named(self.known, "person", person.name, person.aliases)
        if flag:
            self.flags.append(flag)
        if link is not None:
            self.links.append(link)
            if link.weak:
                self.flags.append(f"Check the link: {link.describe()}.")
            self._person_ids[id(person)] = link.entity_id
            return link.entity_id
        entity_id = self.new_id("person", person.name)
        self._person_ids[id(person)] = entity_id
        raw: dict[str, Any] = {"id": entity_id, "name": person.name}
        if person.aliases:
            raw["aliases"] = list(person.aliases)
        roles = []
        for role in person.roles:
            entry: dict[str, Any] = {"title": role.title}
            if role.org is not None:
                entry["organization"] = self.org_id(role.org)
            if as_of:
                entry["as_of"] = as_of
            if role.note:
                entry["note"] = f"The text says “{role.note}”."
            entry["sources"] = [self.source_id]
            roles.append(entry)
        if roles:
            raw["roles"] = roles
        raw["sources"] = [self.source_id]
        self.add("person", raw)
        return entity_id

    # The letter -----------------------------------------------------------------------

    def letter(
        self,
        facts: LetterFacts,
        coordinator: OrgFinding | None,
        signings: list[Signing],
        counts: list[CountFinding],
        demands: list[Item],
        abuses: list[Item],
        excerpts: list[tuple[str, str]],
        notes: list[str],
        as_of: str | None,
    ) -> str | None:
        """Propose the letter (or additions to the one the knowledge base has); its id."""
        self.flags.extend(facts.flags)
        if facts.recipient is None or facts.date is None:
            return None
        recipient = self.person_id(facts.recipient, as_of)
        existing, flag = link_letter(self.known, recipient, facts.date.iso, facts.kind)
        if flag:
            self.flags.append(flag)
        if existing is not None:
            return self._additions(existing, signings, demands)
        letter_id = self.new_id("letter", f"{facts.recipient.name} {facts.date.iso}")
        raw: dict[str, Any] = {
            "id": letter_id,
            "title": _title(facts, coordinator),
            "date": facts.date.iso,
        }
        if facts.date.note:
            raw["date_note"] = facts.date.note
        raw["recipient"] = recipient
        if facts.recipient_role:
            raw["recipient_role"] = facts.recipient_role
        raw["kind"] = facts.kind
        if coordinator is not None:
            raw["coordinator"] = self.org_id(coordinator)
        raw["summary"] = _summary(facts, coordinator, counts, demands, signings)
        self.flags.append(
            "The letter's title and summary are generated from what was found; "
            "rewrite them in your own words."
        )
        sources = [self.source_id]
        for key, items in (("demands", demands), ("abuses_cited", abuses)):
            if items:
                raw[key] = [_statement(i.text, sources, i.note) for i in items]
        if excerpts:
            raw["excerpts"] = [_statement(t, sources, n) for t, n in excerpts]
        signed: dict[str, dict[str, Any]] = {}
        for signing in signings:
            org_id = self.org_id(signing.org)
            if org_id not in signed:
                signed[org_id] = {"organization": org_id, "sources": sources, "note": signing.note}
        if signed:
            raw["signatories"] = list(signed.values())
        if counts:
            raw["reported_counts"] = [_count(c, sources) for c in counts]
        if facts.regions:
            raw["signatory_regions"] = list(facts.regions)
        if notes:
            raw["notes"] = notes
        raw["sources"] = sources
        self.add("letter", raw)
        return letter_id

    def _additions(self, letter: Letter, signings: list[Signing], demands: list[Item]) -> str:
        self.links.append(
            Link("letter", letter.title, letter.id, letter.title, "same recipient and date")
        )
        signed = {s.organization for s in letter.signatories}
        for signing in signings:
            org_id = self.org_id(signing.org)
            if org_id in signed:
                self.skipped.append(f"{signing.org.name} already signs “{letter.title}”.")
                continue
            signed.add(org_id)
            self.add(
                "signatory",
                {
                    "id": self.new_id("sig", f"{signing.org.name}"),
                    "letter": letter.id,
                    "organization": org_id,
                    "sources": [self.source_id],
                    "note": signing.note,
                },
            )
        for demand in demands:
            if any(same_text(demand.text, d.text) for d in letter.demands):
                self.skipped.append(
                    f"“{letter.title}” already has the demand “{demand.text[:60]}”."
                )
                continue
            raw = {
                "id": self.new_id("demand", demand.text[:40]),
                "letter": letter.id,
                "text": demand.text,
                "sources": [self.source_id],
            }
            if demand.note:
                raw["note"] = demand.note
            self.add("demand", raw)
        return letter.id

    # Quotes ---------------------------------------------------------------------------

    def quote(self, found: QuoteFinding, about: list[str], date: str | None) -> None:
        """Propose a quotation or paraphrase, unless the speaker already has it."""
        speaker = self.person_id(found.speaker, date)
        existing = existing_quote(self.known, speaker, found.text)
        if existing is not None:
            self.skipped.append(
                f"{found.speaker.name} already has the quote “{found.text[:60]}” ({existing.id})."
            )
            return
        raw: dict[str, Any] = {
            "id": self.new_id("quote", f"{found.speaker.name} {' '.join(found.text.split()[:5])}"),
            "speaker": speaker,
            "text": found.text,
            "kind": found.kind,
        }
        if date:
            raw["date"] = date
        if found.occasion:
            raw["occasion"] = found.occasion
        if about:
            raw["about"] = about
        if found.via:
            raw["via"] = found.via
        notes = list(found.flags)
        if date:
            notes.append("Dated by the document, which may be later than the words.")
        if notes:
            raw["note"] = " ".join(notes)
        raw["sources"] = [self.source_id]
        self.add("quote", raw)
        for flag in found.flags:
            if not flag.startswith(("Paraphrase copied", "Dated by")):
                self.flags.append(f"Quote by {found.speaker.name} “{found.text[:50]}…”: {flag}")


def org_kind(org: OrgFinding) -> str:
    """The kind of organisation its name suggests (ngo unless a word says otherwise)."""
    name = " ".join(org.names)
    if re.search(r"\b(?:United Nations|UN|U\.N\.)\b", name):
        return "un-body"
    if re.search(r"\b(?:Senate|Parliament|Congress|Assembly|House of)\b", name):
        return "legislature"
    if re.search(r"\b(?:Government|Ministry|Department|U\.S\.|State)\b", name):
        return "government"
    if re.search(r"\b(?:Radio|News|Times|Post|Press|Television|TV|Agency|Reuters)\b", name):
        return "media"
    if re.search(r"\b(?:Coalition|Alliance|Network|Consortium)\b", name):
        return "coalition"
    return "ngo"


def _statement(text: str, sources: list[str], note: str | None) -> dict[str, Any]:
    raw: dict[str, Any] = {"text": text, "sources": sources}
    if note:
        raw["note"] = note
    return raw


def _count(count: CountFinding, sources: list[str]) -> dict[str, Any]:
    raw: dict[str, Any] = {"count": count.count, "unit": count.unit, "qualifier": count.qualifier}
    if count.of_signers:
        raw["of_signers"] = True
    printed = "; ".join(f"“{w}”" for w in count.wordings[:3])
    raw["note"] = f"As printed: {printed}" + (
        " (the signers represent these; they are not the signers)" if count.represented else ""
    )
    raw["sources"] = sources
    return raw


def _title(facts: LetterFacts, coordinator: OrgFinding | None) -> str:
    assert facts.recipient is not None and facts.date is not None  # noqa: S101
    by = f" coordinated by {coordinator.name}" if coordinator else ""
    return f"{facts.kind.capitalize()} to {facts.recipient.name}{by} ({human_date(facts.date.iso)})"


def _summary(
    facts: LetterFacts,
    coordinator: OrgFinding | None,
    counts: list[CountFinding],
    demands: list[Item],
    signings: list[Signing],
) -> str:
    assert facts.recipient is not None and facts.date is not None  # noqa: S101
    role = f", {facts.recipient_role}," if facts.recipient_role else ""
    article = "An" if facts.kind[:1] in "aeiou" else "A"
    parts = [
        f"{article} {facts.kind} to {facts.recipient.name}{role} dated {human_date(facts.date.iso)}"
    ]
    if coordinator is not None:
        parts.append(f", coordinated by {coordinator.name}")
    signers = next((c for c in counts if c.of_signers), None)
    if signers is not None:
        parts.append(f", signed by {signers.count:,} {signers.unit}")
    elif signings:
        parts.append(f", with {len(signings)} named signatories")
    text = "".join(parts) + "."
    if demands:
        first = demands[0].text.rstrip(".")
        text += (
            f" It makes {len(demands)} demand{'s' if len(demands) != 1 else ''}, the "
            f"first: {first[0].lower() + first[1:]}."
        )
    return text
