"""List questions answered from the data itself: countries, gaps, everyone quoted.

"Which countries are the signatories from", "which signatories have no country", "who was
quoted about the letter": computed over the entities, never read from a note that counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.core.answers.answer import Answer, AnswerBuilder, Item, yes_or_no
from bot.core.answers.cards.people import name_with_abbreviation
from bot.core.answers.cards.quotes import quote_item
from bot.core.answers.facts.publishers import published_by
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter, Quote, Signatory
from bot.core.kb.sentences import and_list
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.resolve import DEMONYMS


def countries(scope: Scope, letter: Letter, regions_first: bool = False) -> Answer:
    """The countries of a letter's named signatories, with how many from each.

    With `regions_first`, the regions the sources give lead ("which regions?").
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "countries", f"Countries of the signatories: {letter.title}")
    tally: Counter[str] = Counter()
    sources: dict[str, list[str]] = {}
    unknown = 0
    for signatory in letter.signatories:
        country = kb.organizations[signatory.organization].country
        if country is None:
            unknown += 1
            continue
        tally[country] += 1
        sources.setdefault(country, []).extend(signatory.sources)
    items = [
        Item(
            country, f"{n} named signator{'y' if n == 1 else 'ies'}", builder.cite(sources[country])
        )
        for country, n in tally.most_common()
    ]
    reported = [c for c in letter.reported_counts if "countr" in c.unit]
    named = len(letter.signatories)
    signatories = f"{named} signator{'y' if named == 1 else 'ies'}"
    if tally:
        direct = (
            f"The {signatories} we can name for the {letter.year} letter come from "
            f"{len(tally)} countr{'y' if len(tally) == 1 else 'ies'}: "
            + ", ".join(f"{c} ({n})" for c, n in tally.most_common())
            + "."
        )
        if unknown:
            direct += f" {unknown} {'has' if unknown == 1 else 'have'} no country recorded."
    else:
        direct = (
            f"The {signatories} we can name for the {letter.year} letter "
            f"{'has' if named == 1 else 'have'} no country recorded."
        )
    if letter.signatory_regions:
        regions = (
            "The sources say the signers come from "
            + ", ".join(letter.signatory_regions)
            + f". {builder.marks(letter.sources)}"
        )
        # "signer regions": the regions first, then the countries we can name
        direct = f"{regions} {direct}" if regions_first else f"{direct} {regions}"
    named_countries = len(tally)
    for count in reported:
        if count.count > named_countries:
            # "Which 22 countries?": the sources report how many, and name none of them.
            direct = (
                f"The sources do not name the {count.describe()}; " + direct[0].lower() + direct[1:]
            )
        direct += (
            f" The sources report signers from {count.describe()} {builder.marks(count.sources)}."
        )
    builder.direct = direct
    builder.section("Countries", items)
    builder.suggestions.append(f"Which signatories of the {letter.year} letter have no country?")
    builder.interpretation = f"countries of the signatories of {letter.title}"
    return builder.build(found=bool(items) or bool(reported))


def without_country(scope: Scope, letter: Letter) -> Answer:
    """A letter's named signatories whose country the sources do not give."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "signatories", f"Signatories with no country: {letter.title}")
    missing = [s for s in letter.signatories if kb.organizations[s.organization].country is None]
    items = [
        Item(
            name_with_abbreviation(scope, s.organization),
            s.note or "",
            builder.cite(s.sources),
            entity_id=s.organization,
        )
        for s in missing
    ]
    if missing:
        builder.direct = (
            f"{len(missing)} of the {len(letter.signatories)} signatories we can "
            f"name for the {letter.year} letter have no country in the sources: "
            + ", ".join(kb.name_of(s.organization) for s in missing[:8])
            + ("…" if len(missing) > 8 else "")
            + "."
        )
    else:
        builder.direct = (
            f"Every one of the {len(letter.signatories)} signatories we can name "
            f"for the {letter.year} letter has a country."
        )
    printed = next(
        (n for n in letter.notes if "countr" in n.casefold() and any(ch.isdigit() for ch in n)),
        None,
    )
    if printed:
        builder.direct += f" On the list as printed: {printed}"
    builder.section("No country recorded", items)
    builder.interpretation = f"signatories of {letter.title} with no country"
    return builder.build()


def quoted_about(
    scope: Scope, subject_id: str, org_id: str | None = None, asked: str | None = None
) -> Answer:
    """Everyone quoted about a letter or event, then who else its sources quote.

    "Everyone quoted in the coverage of the 2018 letter" includes those the same articles
    quote on something else, in a section of their own.
    With `org_id`, only the people of that organisation ("who from HRW was quoted").
    With `asked`, the answer opens with whether that person is one of them ("was Adams
    one of the people quoted about the 2019 letter?").
    """
    kb = scope.kb
    title = kb.name_of(subject_id)
    builder = AnswerBuilder(kb, "quotes", f"Who was quoted about: {title}")
    quotes = kb.quotes_about(subject_id)
    nearby = _quoted_in_same_coverage(kb, subject_id, quotes)
    if org_id is not None:
        staff = {p.id for p in kb.people_of(org_id)}
        quotes = [q for q in quotes if q.speaker in staff]
        nearby = [q for q in nearby if q.speaker in staff]
    speakers = list(dict.fromkeys(q.speaker for q in quotes))
    others = [s for s in dict.fromkeys(q.speaker for q in nearby) if s not in speakers]
    if speakers:
        builder.direct = (
            f"{len(speakers)} "
            f"{'person was' if len(speakers) == 1 else 'people were'} quoted "
            f"about it: " + ", ".join(kb.name_of(s) for s in speakers) + "."
        )
    else:
        whom = f" from {kb.name_of(org_id)}" if org_id else ""
        builder.direct = f"The sources quote nobody{whom} about it."
    if others:
        builder.direct += (
            " The same articles also quote " + and_list(list(map(kb.name_of, others))) + "."
        )
    if asked is not None:
        name = kb.name_of(asked)
        builder.direct = yes_or_no(
            asked in speakers,
            f"{name} is quoted about it.",
            f"the sources do not quote {name} about it.",
            builder.direct,
        )
    builder.section("Quotes", [quote_item(scope, builder, q) for q in quotes])
    builder.section(
        "Also quoted in the same coverage", [quote_item(scope, builder, q) for q in nearby]
    )
    builder.interpretation = f"everyone quoted about {title}"
    return builder.build(found=bool(quotes or nearby))


def quoted_in_sources_of(scope: Scope, org_id: str) -> Answer:
    """Everyone quoted in what one organisation published ("who was quoted in the RFA article")."""
    kb = scope.kb
    org = kb.organizations[org_id]
    published = published_by(kb, org_id)
    by_source = kb.derived("quotes_by_source", quotes_by_source)
    ids = dict.fromkeys(q for s in published for q in by_source.get(s, ()) if q in kb.quotes)
    quotes = [kb.quotes[q] for q in ids]
    builder = AnswerBuilder(kb, "quotes", f"Who is quoted in {org.name}'s coverage")
    speakers = [kb.name_of(p) for p in dict.fromkeys(q.speaker for q in quotes)]
    if speakers:
        builder.direct = (
            f"{org.name}'s coverage quotes {len(speakers)} "
            f"{'person' if len(speakers) == 1 else 'people'}: {and_list(speakers)}. "
            f"{builder.marks(published)}"
        )
    elif published:
        builder.direct = f"{org.name}'s coverage quotes nobody. {builder.marks(published)}"
    else:
        builder.direct = f"The knowledge base holds nothing {org.name} published."
    builder.section("Quotes", [quote_item(scope, builder, q) for q in quotes])
    builder.interpretation = f"everyone quoted in {org.name}'s coverage"
    return builder.build(found=bool(quotes))


def _quoted_in_same_coverage(kb: KnowledgeBase, subject_id: str, about: list[Quote]) -> list[Quote]:
    """Quotes in the subject's own sources that are not about it."""
    subject = kb.get(subject_id)
    by_source = kb.derived("quotes_by_source", quotes_by_source)
    seen = {q.id for q in about}
    found = []
    for source_id in getattr(subject, "sources", ()):
        for quote_id in by_source.get(source_id, ()):
            if quote_id not in seen and quote_id in kb.quotes:
                seen.add(quote_id)
                found.append(kb.quotes[quote_id])
    return found


def quotes_by_source(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each source → the quotes it carries."""
    found: dict[str, list[str]] = {}
    for quote in kb.quotes.values():
        for source_id in quote.sources:
            found.setdefault(source_id, []).append(quote.id)
    return {s: tuple(ids) for s, ids in found.items()}


def sources(scope: Scope) -> Answer:
    """Every source the knowledge base cites: publisher, title, date."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "sources", "The sources")
    ordered = sorted(kb.sources.values(), key=lambda x: (x.date or "", x.id))
    publishers = list(dict.fromkeys(s.publisher for s in ordered))
    media = [o for o in kb.organizations.values() if o.kind == "media"]
    builder.direct = (
        f"The knowledge base cites {len(ordered)} sources, from " + ", ".join(publishers) + "."
    )
    if media:
        # "Which outlets are mentioned?" asks for these as much as for the publishers.
        builder.direct += (
            " The news outlets named in them are "
            + ", ".join(o.name for o in media)
            + f". {builder.marks(s for o in media for s in o.sources)}"
        )
    builder.section("Sources", [Item(s.publisher, s.title, builder.cite([s.id])) for s in ordered])
    builder.section(
        "News outlets named in them",
        [Item(o.name, o.country or "", builder.cite(o.sources), entity_id=o.id) for o in media],
    )
    builder.interpretation = "the sources"
    return builder.build()


def reported_by(scope: Scope, person_id: str, subject: str | None) -> Answer:
    """Who reported someone's words: the outlet a source relayed them from, and the source."""
    kb = scope.kb
    quotes = [
        q
        for q in kb.quotes_by(person_id)
        if subject is None or subject not in kb.records or subject in q.about
    ]
    builder = AnswerBuilder(kb, "quotes", f"Who reported {kb.name_of(person_id)}'s words")
    outlets = []
    for quote in quotes:
        publishers = [kb.sources[s].publisher for s in quote.sources if s in kb.sources]
        if quote.via:
            outlets.append(f"{quote.via} (as relayed by {', '.join(dict.fromkeys(publishers))})")
        else:
            outlets.extend(publishers)
    if outlets:
        shown = "; ".join(dict.fromkeys(outlets))
        builder.direct = (
            f"{kb.name_of(person_id)}'s words were reported by {shown}. "
            f"{builder.marks(s for q in quotes for s in q.sources)}"
        )
    else:
        builder.direct = f"The sources quote no words of {kb.name_of(person_id)}."
    builder.section("Quotes", [quote_item(scope, builder, q) for q in quotes])
    builder.interpretation = f"who reported {kb.name_of(person_id)}'s words"
    return builder.build(found=bool(quotes))


def signatories_described(
    scope: Scope, letter: Letter, described: str, org_ids: list[str], yes_no: bool = False
) -> Answer:
    """The named signatories of a letter that fit a description ("the Christian groups").

    With `yes_no` ("did any student groups sign?") the answer opens with Yes or No.
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "signatories", f"Signatories of {letter.title}: {described}")
    chosen = [s for s in letter.signatories if s.organization in set(org_ids)]
    items = [
        Item(
            name_with_abbreviation(scope, s.organization),
            kb.organizations[s.organization].description or s.note or "",
            builder.cite(s.sources),
            entity_id=s.organization,
        )
        for s in chosen
    ]
    names = ", ".join(i.title for i in items)
    plural = "s" if len(items) != 1 else ""
    builder.direct = (
        f"{len(items)} of the {len(letter.signatories)} signatories the sources name for the "
        f"{letter.year} letter {'fit' if len(items) != 1 else 'fits'} “{described}”: {names}. "
        f"{builder.marks(letter.sources)}"
        if items
        else f"None of the signatories the sources name for the {letter.year} letter fits "
        f"“{described}”."
    )
    if yes_no and (items or not letter.list_is_partial):
        builder.direct = ("Yes: " if items else "No: ") + builder.direct
    elif yes_no:
        builder.direct = (
            "The sources don't say: none of the signatories they name fits "
            f"“{described}”, and they do not print the full list."
        )
    builder.section(f"Signatory{plural} fitting “{described}”", items)
    builder.interpretation = f"signatories of {letter.title} that are {described}"
    return builder.build(found=bool(items))


def signatories_described_anywhere(scope: Scope, described: str, org_ids: list[str]) -> Answer:
    """The organisations on any letter that fit a description, each with the letters it is on.

    All are counted; the first `_LISTED` are listed (thousands may fit at scale).
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "signatories", f"Signatories of any letter: {described}")
    items = []
    for org_id in org_ids[:_LISTED]:
        on = [
            (letter, s)
            for letter in kb.letters_signed_by(org_id)
            for s in letter.signatories
            if s.organization == org_id
        ]
        if on:
            years = and_list([f"{letter.year}" for letter, _ in on])
            refs = builder.cite(tuple(src for _, s in on for src in s.sources))
            text = f"on the {years} letter{'s' * (len(on) > 1)}"
            title = name_with_abbreviation(scope, org_id)
            items.append(Item(title, text, refs, entity_id=org_id))
    names = "; ".join(f"{i.title} ({i.text}) {i.ref_marks()}" for i in items[:_NAMED_IN_FULL])
    count = len(org_ids)
    more = f"; and {count - _NAMED_IN_FULL:,} more" if count > _NAMED_IN_FULL else ""
    builder.direct = (
        f"{count:,} organisation{'s' * (count != 1)} the letters name "
        f"{'fit' if count != 1 else 'fits'} “{described}”: {names}{more}."
        if items
        else f"None of the organisations the letters name fits “{described}”."
    )
    builder.section(f"Signatories fitting “{described}”", items)
    builder.interpretation = f"signatories of any letter that are {described}"
    return builder.build(found=bool(items))


#: Organisations named in a direct answer before "and N more", and listed below it.
_NAMED_IN_FULL, _LISTED = 12, 50


def signers_elsewhere(
    kb: KnowledgeBase, letter: Letter, countries: Sequence[str], where: str
) -> tuple[str, list[str]]:
    """ "The 2012 letter names 4 from Japan: …": other letters' signers from the countries.

    With the sources that name them, for a question that found none in `letter`. Looked up
    in an index by country: a scan of every letter's signatories is too slow at scale.
    """
    by_country = kb.derived("signatories_by_country", _signatories_by_country)
    wanted = {normalize(DEMONYMS.get(normalize(c), c)) for c in countries} | {
        normalize(c) for c in countries
    }
    per_letter: dict[str, list[Signatory]] = {}
    for key in sorted(wanted):  # in one order in every process, as the answer must be
        for letter_id, signatories in by_country.get(key, {}).items():
            if letter_id != letter.id:
                per_letter.setdefault(letter_id, []).extend(signatories)
    found, sources = [], []
    for letter_id, from_there in sorted(per_letter.items(), key=lambda x: kb.letters[x[0]].date):
        from_there = sorted(
            {s.organization: s for s in from_there}.values(),
            key=lambda s: kb.name_of(s.organization),
        )
        names = ", ".join(kb.name_of(s.organization) for s in from_there[:6])
        more = " and more" if len(from_there) > 6 else ""
        year = kb.letters[letter_id].year
        found.append(f"The {year} letter names {len(from_there)} from {where}: {names}{more}.")
        sources += [src for s in from_there for src in s.sources]
    return " " + " ".join(found[:2]) if found else "", sources


def _signatories_by_country(kb: KnowledgeBase) -> dict[str, dict[str, list[Signatory]]]:
    """Every letter's signatories by their country, as named and as printed (normalised)."""
    index: dict[str, dict[str, list[Signatory]]] = {}
    for letter in kb.letters.values():
        for signatory in letter.signatories:
            org = kb.organizations[signatory.organization]
            for country in {normalize(c) for c in (org.country, org.country_as_printed) if c}:
                index.setdefault(country, {}).setdefault(letter.id, []).append(signatory)
    return index
