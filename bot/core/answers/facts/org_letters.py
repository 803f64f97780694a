"""Which letters an organisation signed or coordinated, and whether it signed them all.

"Which letters did CSW sign?", "did ICC sign both the 2018 and 2019 letters?". The sources
mention some organisations beside letters they did not sign; those mentions are kept apart
from signing.
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from bot.core.answers.answer import Answer, AnswerBuilder, Item, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import human_date
from bot.core.kb.models import Letter, Organization
from bot.core.kb.sentences import and_list, split_sentences
from bot.core.scope import Scope
from bot.core.search.names import normalize


def letters_of_years(kb: KnowledgeBase, years: tuple[int, ...]) -> tuple[Letter, ...]:
    """The letters the years name, one for each year; none if a year names two or none."""
    found = [[x for x in kb.letters.values() if x.year == year] for year in dict.fromkeys(years)]
    return tuple(x[0] for x in found) if all(len(x) == 1 for x in found) else ()


def answer_letters(scope: Scope, org: Organization) -> Answer:
    """The letters an organisation signed or coordinated, named in the first line."""
    card = letter_cards.letters(scope, signed_by=org.id)
    signed = scope.kb.letters_signed_by(org.id)
    if not signed:
        return with_direct(
            card,
            f"{org.name} is not named as a signatory of any letter in the sources."
            + _quoted_staff(scope.kb, org, signed),
            None,
        )
    listed = "; ".join(f"{x.title} ({human_date(x.date)})" for x in signed)
    card = _with_mentions_in_notes(scope, card, org, signed)
    card = _in_what_capacity(scope, card, org, signed)
    return with_direct(
        card,
        f"{org.name} signed or coordinated {len(signed)} "
        f"letter{'s' if len(signed) > 1 else ''}: {listed}." + _quoted_staff(scope.kb, org, signed),
        None,
    )


def _quoted_staff(kb: KnowledgeBase, org: Organization, signed: list[Letter]) -> str:
    """ "Benedict Rogers of CSW is quoted about the 2019 letter": a part beyond signing.

    "Which letters was CSW involved in?" is answered by what it signed and by the letters
    its people spoke about, kept apart: being quoted is not signing.
    """
    # from the organisation's people and their quotes, not every letter's: at scale an
    # organisation has a few people, the knowledge base thousands of letters
    signed_ids = {x.id for x in signed}
    speakers_of: dict[str, set[str]] = {}
    for person in kb.people_of(org.id):
        for quote in kb.quotes_by(person.id):
            for letter_id in quote.about:
                if letter_id in kb.letters and letter_id not in signed_ids:
                    speakers_of.setdefault(letter_id, set()).add(person.id)
    quoted = {
        f"the {letter.year} letter": sorted(kb.name_of(p) for p in speakers_of[letter.id])
        for letter in sorted((kb.letters[i] for i in speakers_of), key=_DATE)
    }
    return "".join(
        f" {and_list(names)} of {org.name} {'is' if len(names) == 1 else 'are'} quoted about "
        f"{which}, which the sources do not name it as signing."
        for which, names in quoted.items()
    )


def _in_what_capacity(
    scope: Scope, card: Answer, org: Organization, signed: list[Letter]
) -> Answer:
    """Add, for each letter, the part the sources give the organisation in it."""
    parts = []
    for letter in signed:
        entry = letter.signatory(org.id)
        role = "coordinated it" if letter.coordinator == org.id else ""
        note = entry.note if entry is not None and entry.note else ""
        if not (role or note):
            continue
        card, marks = cite_in(card, scope.kb, entry.sources if entry else letter.sources)
        said = "; ".join(x for x in (role, note.rstrip(".")) if x)
        parts.append(f"In the {letter.year} letter: {said}. {marks}")
    return replace(card, lead=(*parts, *card.lead))


def answer_coordinated(scope: Scope, org: Organization) -> Answer:
    """The letters an organisation coordinated, named first; those it only signed after."""
    card = letter_cards.letters(scope, signed_by=org.id)
    led = sorted((x for x in scope.kb.letters.values() if x.coordinator == org.id), key=_DATE)
    signed = [x for x in scope.kb.letters_signed_by(org.id) if x not in led]
    listed = "; ".join(f"{x.title} ({human_date(x.date)})" for x in led)
    plural = "s" if len(led) != 1 else ""
    direct = (
        f"{org.name} coordinated {len(led)} letter{plural}: {listed}."
        if led
        else f"The sources name {org.name} as the coordinator of no letter."
    )
    if signed:
        direct += " It also signed: " + "; ".join(
            f"{x.title} ({human_date(x.date)})" for x in signed
        )
        direct += "."
    return with_direct(card, direct, f"letters coordinated by {org.name}")


def _with_mentions_in_notes(
    scope: Scope, card: Answer, org: Organization, signed: list[Letter]
) -> Answer:
    """Add what other letters' notes say of the organisation ("ICC's copy is a repost…").

    The sources mention some organisations beside letters they did not sign; saying so keeps
    "not named as a signatory" apart from "had nothing to do with it".
    """
    forms = [n.casefold() for n in org.names if len(n) > 2]
    signed_ids = {x.id for x in signed}
    by_word = scope.kb.derived("letter_notes_by_word", notes_by_word)
    candidates = {
        key for f in forms if f.split() for key in by_word.get(normalize(f).split()[0], ())
    }
    notes = [
        f"{scope.kb.letters[letter_id].title}: {note}"
        for letter_id, note in sorted(candidates)
        if letter_id not in signed_ids and any(f in note.casefold() for f in forms)
    ]
    return replace(card, notes=(*card.notes, *notes)) if notes else card


def notes_by_word(kb: KnowledgeBase) -> dict[str, set[tuple[str, str]]]:
    """Each normalised word of the letters' notes → the (letter id, note) pairs using it."""
    index: dict[str, set[tuple[str, str]]] = {}
    for letter in kb.letters.values():
        for note in letter.notes:
            for word in set(normalize(note).split()):
                index.setdefault(word, set()).add((letter.id, note))
    return index


def answer_signed_any(
    scope: Scope,
    org: Organization,
    both: bool = False,
    named: tuple[Letter, ...] = (),
    besides: Letter | None = None,
    only: Letter | None = None,
) -> Answer:
    """Did an organisation sign (no letter named): yes with which, or not named anywhere.

    With `both` ("did ICC sign both the 2018 and 2019 letters?"), yes only if it signed
    each of the `named` letters, or at least two when none are named. With `besides` ("did
    it sign anything besides the 2012 letter?"), whether it signed any other. With `only`
    ("CSW signed just the 2018 letter, right?"), whether that is the one letter it is on.
    """
    signed = scope.kb.letters_signed_by(org.id)
    if only is not None:
        return _only_letter(scope, org, signed, only)
    if besides is not None:
        others = [x for x in signed if x.id != besides.id]
        card = letter_cards.letters(scope, signed_by=org.id)
        years = and_list([str(x.year) for x in others]) if others else ""
        direct = (
            f"Yes. Besides the {besides.year} letter, {org.name} signed or coordinated the "
            f"{years} letter{'s' if len(others) > 1 else ''}."
            if others
            else f"No. The sources name {org.name} on no letter besides the {besides.year} one."
        )
        return with_direct(card, direct, None)
    card = _with_mentions_in_notes(
        scope, letter_cards.letters(scope, signed_by=org.id), org, signed
    )
    asked = named if len(named) >= 2 else ()
    held = [x for x in asked if x in signed] if asked else signed
    if both and signed and len(held) < max(len(asked), 2):
        years = and_list([str(x.year) for x in signed])
        missing = [str(x.year) for x in asked if x not in signed]
        not_on = and_list(missing) if missing else ""
        direct = f"No. {org.name} signed or coordinated only the {years} letter" + (
            "s" if len(signed) > 1 else ""
        )
        if held and asked:
            # "did CSW sign the 2018 letter and the 2019 one?": yes to one, no to the other
            on = and_list([str(x.year) for x in held])
            direct = (
                f"No, only the {on} one{'s' if len(held) > 1 else ''}: {org.name} signed the {on}"
            )
            direct += " letter" + ("s" if len(held) > 1 else "")
        plural = "s" if len(missing) > 1 else ""
        direct += f"; the sources do not name it on the {not_on} letter{plural}" if not_on else ""
        # "not named" is no "did not sign" where the sources name only some of the signers
        partial = [x for x in asked if x not in signed and x.list_is_partial]
        if len(missing) == 1 and partial:
            x = partial[0]
            direct += f" (they name {len(x.signatories)} of its {x.counted_in_all:,} signers)"
        elif partial:
            parts = [
                f"{len(x.signatories)} of the {x.year} letter's {x.counted_in_all:,}"
                for x in partial
            ]
            direct += f" (they name {and_list(parts)} signers)"
        direct += "."
        # what the curators say it did instead ("it reposted HRW's release on the 2018 letter")
        told = [
            t for _, t in split_sentences(org.description or "") if any(y in t for y in missing)
        ]
        if told:
            card, marks = cite_in(card, scope.kb, org.sources)
            direct += f" {told[0]} {marks}"
        return with_direct(card, direct, None)
    if signed:
        years = and_list([str(x.year) for x in signed])
        return with_direct(
            card,
            f"Yes. {org.name} signed or coordinated the {years} "
            f"letter{'s' if len(signed) > 1 else ''}.",
            None,
        )
    return with_direct(
        card,
        f"The sources do not name {org.name} as a signatory of any "
        "letter; some letters' full lists are not printed.",
        None,
    )


def _only_letter(scope: Scope, org: Organization, signed: list[Letter], only: Letter) -> Answer:
    """ "CSW only ever did the one letter, right? the 2018 one": No, with the others it is on."""
    sources = [
        src
        for x in signed
        for src in next((e.sources for e in x.signatories if e.organization == org.id), x.sources)
    ]
    card, marks = cite_in(letter_cards.letters(scope, signed_by=org.id), scope.kb, sources)
    others = [x for x in signed if x.id != only.id]
    years = and_list([str(x.year) for x in others])
    plural = "s" if len(others) > 1 else ""
    if only not in signed:
        direct = f"No. The sources do not name {org.name} on the {only.year} letter" + (
            f"; it signed or coordinated the {years} letter{plural}. {marks}" if others else "."
        )
    elif others:
        direct = (
            f"No. Besides the {only.year} letter, {org.name} signed or coordinated the {years} "
            f"letter{plural}. {marks}"
        )
    else:
        direct = (
            f"Yes. The {only.year} letter is the only one the sources name {org.name} on. {marks}"
        )
    return with_direct(card, direct, None)


def repeat_signers(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each organisation named on more than one letter → those letters' ids, oldest first."""
    found: dict[str, list[str]] = {}
    for letter in kb.letters.values():
        # sorted: a set's order changes from process to process, and answers list these
        for org_id in sorted(
            {s.organization or "" for s in letter.signatories} | {letter.coordinator or ""}
        ):
            if org_id:
                found.setdefault(org_id, []).append(letter.id)
    return {
        o: tuple(sorted(ids, key=lambda i: kb.letters[i].date))
        for o, ids in found.items()
        if len(ids) > 1
    }


def answer_repeat_signers(scope: Scope, every: bool) -> Answer:
    """Organisations named on more than one letter, or (`every`) on all of them.

    "Which groups signed more than one letter?", "did any group sign all three?". Where the
    sources print only part of a letter's list, the answer says others may have signed too.
    """
    kb = scope.kb
    several = kb.derived("repeat_signers", repeat_signers)
    letters = sorted(kb.letters.values(), key=lambda x: x.date)
    card = letter_cards.letters(scope)
    card, marks = cite_in(card, kb, [s for x in letters for s in x.sources])

    def named_on(org_id: str) -> str:
        years = and_list([str(kb.letters[i].year) for i in several[org_id]])
        return f"{kb.name_of(org_id)} ({years})"

    partial = [
        str(x.year)
        for x in letters
        if x.signers_reported and x.signers_reported.count > len(x.signatories)
    ]
    caveat = (
        f" The sources print only part of the lists of the {and_list(partial)} "
        f"letter{'s' if len(partial) > 1 else ''}, so this may be incomplete. {marks}"
        if partial
        else f" {marks}"
    )
    on_all = [o for o, ids in several.items() if len(ids) == len(letters)]
    if every and on_all:
        direct = f"Yes: {and_list([kb.name_of(o) for o in on_all])}, named on all {len(letters)}."
    elif every:
        direct = (
            f"No organisation is named on all {len(letters)} letters. On two: "
            + "; ".join(named_on(o) for o in several)
            + "."
        )
    elif several:
        direct = (
            f"{len(several)} organisation{'s are' if len(several) > 1 else ' is'} named on "
            "more than one letter: " + "; ".join(named_on(o) for o in several) + "."
        )
    else:
        direct = "No organisation is named on more than one letter."
    return with_direct(card, direct + caveat, None)


_DATE = attrgetter("date")


def more_letters(scope: Scope, first: str, second: str, which: bool = False) -> Answer:
    """Whether `first` signed or coordinated more of the letters than `second`, counted.

    `which` ("which signed more letters, HRW or Amnesty?"): the one that did, not Yes or No.
    """
    kb = scope.kb
    names = [kb.name_of(first), kb.name_of(second)]
    builder = AnswerBuilder(kb, "letters", f"Letters signed: {names[0]} and {names[1]}")
    counts = []
    for org_id, name in zip((first, second), names, strict=True):
        signed = kb.letters_signed_by(org_id)
        counts.append(len(signed))
        years = and_list([str(x.year) for x in signed]) or "none"
        builder.lead.append(f"{name} signed or coordinated {len(signed)} ({years}).")
        builder.section(
            f"{name}: {len(signed)}",
            [Item(x.title, str(x.year), builder.cite(x.sources)) for x in signed],
        )
    if which and counts[0] != counts[1]:
        more, fewer = names if counts[0] > counts[1] else names[::-1]
        opening = f"{more} signed or coordinated more of the letters than {fewer}"
    else:
        how = "more" if counts[0] > counts[1] else "fewer" if counts[0] < counts[1] else ""
        verdict = "" if which else ("Yes: " if counts[0] > counts[1] else "No: ")
        compared = f"{how} than" if how else "as many as"
        opening = f"{verdict}{names[0]} signed or coordinated {compared} {names[1]}"
    partial = any(x.list_is_partial for x in kb.letters.values())
    builder.direct = (
        f"{opening}, {counts[0]} against {counts[1]} of the letters the sources name them on"
        + ("; some letters' signers are listed only in part. " if partial else ". ")
        + builder.marks(
            [s for o in (first, second) for x in kb.letters_signed_by(o) for s in x.sources]
        )
    )
    builder.interpretation = f"did {names[0]} sign more letters than {names[1]}"
    return builder.build(found=True)
