"""One-fact questions about a letter: to whom, when, by whom, why, how many, yes or no.

Each opens with the direct answer in a sentence or two, with its citations, and keeps the
letter's card below it for detail. Notes are kept only when they bear on the fact asked.
"""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.cards import people as people_cards
from bot.core.answers.facts.claims import where_based
from bot.core.answers.facts.publishers import published_by
from bot.core.answers.facts.topic_match import closest_statements
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import human_date
from bot.core.kb.models import Letter, Organization, Person
from bot.core.kb.sentences import and_list, first_sentences
from bot.core.scope import Scope
from bot.core.search.places import country_of_place
from bot.core.search.resolve import country_matches, resolve_country


def _notes_about(letter: Letter, *words: str) -> tuple[str, ...]:
    """The letter's notes that mention any of `words` (case-insensitive)."""
    return tuple(n for n in letter.notes if any(w in n.casefold() for w in words))


def recipient(scope: Scope, letter: Letter, claimed: Person | None = None) -> Answer:
    """Who the letter was addressed to; with `claimed`, whether it was that person."""
    kb = scope.kb
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, kb, letter.sources)
    role = f", {letter.recipient_role}" if letter.recipient_role else ""
    direct = (
        f"The {letter.kind} of {human_date(letter.date)} was addressed to "
        f"{kb.name_of(letter.recipient)}{role}. {marks}"
    )
    if claimed is not None:
        verdict = "Yes." if claimed.id == letter.recipient else f"No, not to {claimed.name}."
        direct = f"{verdict} {direct}"
    return with_direct(
        card,
        direct,
        f"who received {letter.title}",
        _notes_about(letter, "recipient", "addressed"),
        "recipient",
    )


def date(scope: Scope, letter: Letter, day_asked: bool = False) -> Answer:
    """When the letter was sent, with how the sources print the date when that is unclear.

    With `day_asked` ("what exact day?") and no day in the data, the first line says the
    sources do not give it, and why.
    """
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, scope.kb, letter.sources)
    direct = f"The {letter.title} is dated {human_date(letter.date)}. {marks}"
    if len(letter.date) < 10 and day_asked:
        direct = (
            f"The sources do not give the exact day of the {letter.year} letter: "
            f"{letter.date_note or 'only ' + human_date(letter.date) + ' is known.'} "
            f"{marks}"
        )
    elif len(letter.date) < 10:
        direct += " The sources do not give an exact day."
    return with_direct(
        card,
        direct,
        f"when {letter.title} was sent",
        _notes_about(letter, "date", "dated", "printed"),
        "date",
    )


def sender(scope: Scope, letter: Letter, claimed: Organization | None = None) -> Answer:
    """Who organised or coordinated the letter; with `claimed`, whether that one did."""
    kb = scope.kb
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, kb, letter.sources)
    if letter.coordinator:
        organiser = people_cards.name_with_abbreviation(scope, letter.coordinator)
        released = _released_by(scope, letter)
        others = set(released_by(kb, letter)[0]) - {letter.coordinator}
        if claimed and claimed.id in others:
            # "was the 2012 letter put out by Amnesty?": it was, with others, for ICNK
            direct = f"Yes. The {letter.year} {letter.kind} was released by {released}"
            direct += f" and organised by {organiser}. {marks}"
            return with_direct(card, direct, f"who released {letter.title}", (), "sender")
        verdict = "" if claimed is None else "Yes. " if claimed.id == letter.coordinator else "No. "
        # "which organisation both organised and signed it?"
        signed = ", itself a named signatory," if letter.signatory(letter.coordinator) else ""
        shown = released and (claimed is None or claimed.id != letter.coordinator)
        released_too = f" and released by {released}" if shown else ""
        direct = (
            f"{verdict}The {letter.year} {letter.kind} was organised by {organiser}"
            f"{signed if released_too else signed.rstrip(',')}{released_too}. {marks}"
        )
    else:
        signers = ", ".join(kb.name_of(s.organization) for s in letter.signatories[:3])
        direct = (
            f"The sources name no single organiser of the {letter.year} {letter.kind}; "
            f"its named signatories include {signers}. {marks}"
        )
    return with_direct(
        card,
        direct,
        f"who organised {letter.title}",
        _notes_about(letter, "coordinat", "organis", "repost"),
        "sender",
    )


def released_by(kb: KnowledgeBase, letter: Letter) -> tuple[list[str], str | None]:
    """The organisations a reported count names as behind the letter ("(Amnesty, … FIDH)").

    Their ids in the order the count names them, and the count's own words for them.
    """
    for count in letter.reported_counts:
        if "(" in count.unit and ")" in count.unit:
            named = count.unit[count.unit.index("(") + 1 : count.unit.rindex(")")]
            found = sorted(
                (named.find(name), org.id)
                for org in kb.organizations.values()
                for name in org.names
                if re.search(rf"\b{re.escape(name)}\b", named)
            )
            return list(dict.fromkeys(org_id for _, org_id in found)), named
    return [], None


def _released_by(scope: Scope, letter: Letter) -> str | None:
    """Those behind the letter, each by full name and short form ("… Rights (FIDH)")."""
    ids, named = released_by(scope.kb, letter)
    if len(ids) < 2:
        return named
    return and_list([people_cards.name_with_abbreviation(scope, i) for i in ids])


def purpose(scope: Scope, letter: Letter) -> Answer:
    """Why the letter was written: its summary's opening and its background."""
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, scope.kb, letter.sources)
    direct = f"{first_sentences(letter.summary, 2)} {marks}"
    return with_direct(card, direct, f"why {letter.title} was written", (), "purpose")


def count(scope: Scope, letter: Letter, what: str = "signers") -> Answer:
    """How many signed (or how many countries), as reported, apart from how many we name."""
    kb = scope.kb
    card = letter_cards.signatories(scope, letter.id)
    reported = letter.reported_counts
    if what == "countries":
        reported = tuple(c for c in reported if "countr" in c.unit)
    parts = []
    for reported_count in reported:
        card, marks = cite_in(card, kb, reported_count.sources)
        parts.append(f"{reported_count.describe()} {marks}")
    named = len(letter.signatories)
    if parts:
        direct = f"The sources report {'; '.join(parts)}."
        if what != "countries" and (summed := letter.summed_count):
            direct += f" Together that is {summed} organisations."
    elif what == "countries":
        countries = {kb.organizations[s.organization].country for s in letter.signatories}
        countries.discard(None)
        direct = (
            f"The sources report no count of countries for the {letter.year} letter; "
            f"its {named} named signatories come from {len(countries)} countries."
        )
    else:
        direct = f"The sources report no total for the {letter.year} letter."
    if what != "countries":
        names = ", ".join(kb.name_of(s.organization) for s in letter.signatories[:6])
        more = f" and {named - 6} more" if named > 6 else ""
        direct += f" They name {named}: {names}{more}." if named else " They name none."
    return with_direct(
        card,
        direct,
        f"how many {what}: {letter.title}",
        _notes_about(letter, "count", "list", "printed", "member", "signator"),
        "count",
    )


def identify(scope: Scope, letter: Letter, asked: str = "") -> Answer:
    """Name the letter a description fits ("which letter asked for X?").

    With `asked`, the question: the letter's own statement that fits its words follows, as
    the evidence ("70 yrs of abuses which letter" → the sentence that says so).
    """
    kb = scope.kb
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, kb, letter.sources)
    direct = (
        f"That is the {letter.title}, sent to {kb.name_of(letter.recipient)} "
        f"({human_date(letter.date)}). {marks}"
    )
    said = [s for of, s in closest_statements(kb, asked, limit=5) if of.id == letter.id]
    if said:
        card, evidence = cite_in(card, kb, said[0].sources)
        direct += f" It says: “{said[0].text}” {evidence}"
    return with_direct(card, direct, f"which letter: {letter.title}", (), "letter")


def source_dates(scope: Scope, letter: Letter, publisher: str | None) -> Answer:
    """When the sources on a letter were published (one publisher's, if named)."""
    kb = scope.kb
    card = letter_cards.letter(scope, letter.id)
    sources = [kb.sources[s] for s in letter.sources if s in kb.sources]
    if publisher:
        names = {n.casefold() for n in kb.organizations[publisher].names}
        chosen = [
            s
            for s in sources
            if s.publisher.casefold() in names or any(n in s.publisher.casefold() for n in names)
        ] or sources
    else:
        chosen = sources
    parts = []
    for source in chosen:
        card, marks = cite_in(card, kb, [source.id])
        parts.append(
            f"{source.publisher}'s “{source.title}” is dated {human_date(source.date)} {marks}"
        )
    direct = "; ".join(parts) + "." if parts else "The sources give no publication date."
    return with_direct(
        card, direct, f"when the sources on {letter.title} were published", (), "date"
    )


# Yes or no ---------------------------------------------------------------------------------


def signed(
    scope: Scope,
    org: Organization,
    letter: Letter,
    why: bool = False,
    which: bool = False,
    alone: bool = False,
) -> Answer:
    """Did an organisation sign a letter: yes, no, or the sources don't say.

    With `why`, the reason the sources give for signing follows the yes. With `which`
    ("which survivors' group signed?") a signatory is named without the "Yes". With `alone`
    ("only HRW signed it, right?"), a signatory among others is answered No.
    """
    kb = scope.kb
    name = people_cards.name_with_abbreviation(scope, org.id)  # "… (FIDH)", as users write it
    card = letter_cards.signatories(scope, letter.id)
    entry = letter.signatory(org.id)
    reported = letter.counted_in_all
    named = len(letter.signatories)
    if entry is not None:
        card, marks = cite_in(card, kb, entry.sources)
        role = " and coordinated it" if letter.coordinator == org.id else ""
        direct = f"Yes. {name} is a named signatory of the {letter.year} letter{role}. {marks}"
        direct = direct.removeprefix("Yes. ") if which else direct
        if alone and max(reported or 0, named) > 1:
            besides = [kb.name_of(s.organization) for s in letter.signatories if s != entry]
            direct = (
                f"No. {name} is one of {max(reported or 0, named):,} signatories of the "
                f"{letter.year} letter"
                + (f"; the sources also name {and_list(besides[:5])}" if besides else "")
                + f". {marks}"
            )
        if why:
            reasons = [
                n
                for n in (entry.note, *letter.notes)
                if n
                and any(w in n.casefold() for w in ("reason", "solidarity", "because", "to show"))
            ]
            spoken = [
                q for p in kb.people_of(org.id) for q in kb.quotes_by(p.id) if letter.id in q.about
            ][:2]
            if reasons:
                direct += f" Why, as the sources give it: {reasons[0]}"
            elif spoken:
                card, quote_marks = cite_in(card, kb, [s for q in spoken for s in q.sources])
                words = " … ".join(f"“{q.text}”" for q in spoken)
                direct += (
                    f" Why, in the words of {kb.name_of(spoken[0].speaker)}: {words} {quote_marks}"
                )
            else:
                direct += " The sources give no reason of its own."
    elif letter.coordinator == org.id:
        card, marks = cite_in(card, kb, letter.sources)
        direct = f"Yes. {name} coordinated the {letter.year} letter. {marks}"
    elif reported is not None and reported > named:
        card, marks = cite_in(card, kb, letter.sources)
        direct = (
            f"The sources don't say. {name} is not among the signatories they "
            f"name ({named} of {reported:,}), and they do not print the full list. "
            f"{marks}"
        )
    else:
        card, marks = cite_in(card, kb, letter.sources)
        direct = (
            f"No. {name} is not among the {named} signatories the sources list "
            f"for the {letter.year} letter. {marks}"
        )
    theirs = set(published_by(kb, org.id))
    published = [s for s in letter.sources if s in theirs]
    if published and entry is None:
        # "ICC a signer or just a repost?": a publisher of the letter's news is no signer
        card, source_marks = cite_in(card, kb, published[:1])
        title = kb.sources[published[0]].title
        direct += f" It published one of the sources on it: “{title}”. {source_marks}"
    others = [x for x in kb.letters_signed_by(org.id) if x.id != letter.id]
    if others and entry is None:
        direct += (
            " It is named as a signatory of the "
            + " and ".join(str(x.year) for x in others)
            + f" letter{'s' if len(others) > 1 else ''}."
        )
    return with_direct(
        card,
        direct,
        f"did {org.name} sign {letter.title}",
        _notes_about(letter, "list", "signator", org.name.casefold()),
        "signed",
    )


def from_country(scope: Scope, org: Organization, country: str) -> Answer:
    """Is an organisation from a country: from its recorded country."""
    card = people_cards.org(scope, org.id)
    card, marks = cite_in(card, scope.kb, org.sources)
    based = where_based(org)
    # "HRW is from Seoul?": no country recorded, but New York is no city of South Korea
    based_country = (resolve_country(scope, based) or country_of_place(based)) if based else None
    if org.country is None and based_country is not None and based_country != country:
        direct = f"No. The sources place {org.name} in {based}, not {country}. {marks}"
    elif org.country is None and based_country is not None:
        direct = (
            f"The sources give no country for {org.name}, but place it in {based}, which is "
            f"in {based_country}. {marks}"
        )
    elif org.country is None:
        direct = f"The sources don't say which country {org.name} is from" + (
            f"; they describe it as based in {based}. {marks}" if based else f". {marks}"
        )
    elif country_matches(org, country):
        direct = f"Yes. {org.name} is from {org.country}. {marks}"
    else:
        direct = f"No. {org.name} is from {org.country}, not {country}. {marks}"
    return with_direct(card, direct, f"is {org.name} from {country}", (), "yes_no")


def involved(scope: Scope, org: Organization, letter: Letter) -> Answer:
    """Was an organisation involved in a letter: signed, coordinated, or its people spoke."""
    entry = letter.signatory(org.id)
    if entry is not None or letter.coordinator == org.id:
        return signed(scope, org, letter)
    kb = scope.kb
    speakers = [q for p in kb.people_of(org.id) for q in kb.quotes_by(p.id) if letter.id in q.about]
    if not speakers:
        return signed(scope, org, letter)
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, kb, [s for q in speakers for s in q.sources])
    names = ", ".join(dict.fromkeys(kb.name_of(q.speaker) for q in speakers))
    direct = (
        f"Its people spoke about it: {names} of {org.name} commented on the "
        f"{letter.year} letter, but the sources do not list {org.name} as a signatory. "
        f"{marks}"
    )
    return with_direct(card, direct, f"was {org.name} involved in {letter.title}", (), "yes_no")
