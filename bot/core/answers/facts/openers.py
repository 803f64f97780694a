"""The card answers, each opened by the direct answer to what was asked.

`kinds` builds the cards (signatories, demands, quotes, a person, an organisation, an
event); these wrappers put the one or two sentences that answer the question on top, with
their citations, and keep only the notes that bear on it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.answer import Answer, AnswerBuilder, Item, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.cards import people as people_cards
from bot.core.answers.facts.lists import signers_elsewhere
from bot.core.answers.facts.topic_match import SUBJECT
from bot.core.kb.dates import human_date
from bot.core.kb.models import Letter, Organization, Role
from bot.core.kb.sentences import first_sentences, split_sentences
from bot.core.scope import Scope
from bot.core.search.numbers import counted
from bot.core.search.resolve import country_matches
from bot.core.search.stems import concepts


def _short(text: str, limit: int = 90) -> str:
    text = text.strip().rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def answer_signatories(
    scope: Scope,
    letter: Letter,
    countries: tuple[str, ...] = (),
    full_list: bool = False,
    region: str | None = None,
    excluding: bool = False,
    whether: bool = False,
    claimed: int | None = None,
) -> Answer:
    """Who signed, led by the counts and the names (or the countries' share of them).

    With `claimed`, the question claimed how many signers are from the countries ("five
    US organisations appear on the 2012 list?"): Yes or No first.

    With `whether`, the question asked whether any signer is from the countries ("is there
    a group from Thailand on the list?"): Yes or No first.

    With `full_list`, the question asked for signers the sources do not name ("the other
    50"): the first line says the full list is not in the sources. With `excluding`, the
    countries are the ones left out ("which signatories were not from Asia").
    """
    kb = scope.kb
    card = letter_cards.signatories(
        scope, letter.id, countries[0] if countries else None, countries[1:], excluding
    )
    named = list(letter.signatories)
    if countries:
        where = region or " or ".join(countries)
        if excluding:
            where = f"outside {where}"
        # An organisation with no recorded country is neither in nor outside a region.
        chosen = [
            s
            for s in named
            if excluding
            != any(country_matches(kb.organizations[s.organization], c) for c in countries)
            and (not excluding or kb.organizations[s.organization].country)
        ]
        if chosen:
            # a region spans countries: each group's own ("People In Need (Czech Republic)")
            names = ", ".join(
                kb.name_of(s.organization)
                + (
                    f" ({country})"
                    if region and (country := kb.organizations[s.organization].country)
                    else ""
                )
                for s in chosen
            )
            if claimed is not None:
                whether = False  # the verdict is on the number, below
            direct = ("Yes. " if whether else "") + (
                f"{len(chosen)} of the {len(named)} signatories we can name for the "
                f"{letter.year} letter {'is' if len(chosen) == 1 else 'are'} "
                f"{'' if excluding else 'from '}{where}: {names}."
            )
        else:
            others = sorted({c for s in named if (c := kb.organizations[s.organization].country)})
            direct = ("No. " if whether else "") + (
                f"None of the {len(named)} signatories we can name for the {letter.year} "
                f"letter is from {where}. They come from " + ", ".join(others) + "."
            )
            total = letter.signers_reported.count if letter.signers_reported else 0
            if total > len(named):
                direct = (
                    f"The sources don't say: they name only {len(named)} of the "
                    f"{total:,} signers, none from {where}."
                )
            if region in letter.signatory_regions and not excluding:
                # "did the 2018 signers include groups from Africa?": the regions the sources
                # give for all signers say so, though none named is from there
                card, marks = cite_in(card, kb, letter.sources)
                regions = ", ".join(letter.signatory_regions)
                direct = (
                    f"Yes: the sources say the {letter.year} letter's signers come from "
                    f"{regions} {marks}, {region} among them; none of the {len(named)} they "
                    f"name is from {region}."
                    if whether
                    else f"The sources do not name any signer from {region}, but they say the "
                    f"{letter.year} letter's signers come from {regions} {marks}, {region} "
                    "among them."
                )
            elsewhere, cited = signers_elsewhere(kb, letter, countries, where)
            if elsewhere and not excluding:  # "which Japanese groups signed the 2018 letter"
                card, marks = cite_in(card, kb, cited)
                direct += f"{elsewhere} {marks}"
        if claimed is not None:
            verdict = "Yes. " if len(chosen) == claimed else f"No: {len(chosen)}, not {claimed}. "
            direct = verdict + direct.removeprefix("No. ")
        return with_direct(card, direct, None, ())
    reported = letter.signers_reported
    names = ", ".join(kb.name_of(s.organization) for s in named[:6])
    more = f" and {len(named) - 6} more" if len(named) > 6 else ""
    if full_list and letter.list_is_partial:
        card, marks = cite_in(card, kb, reported.sources if reported else letter.sources)
        counted = reported.describe() if reported else f"{letter.counted_in_all} organisations"
        direct = (
            f"The sources do not name the others: they report {counted} {marks} but name "
            f"only {len(named)}: {names}{more}."
        )
        return with_direct(card, direct, None, (), "not_covered")
    if reported is not None:
        card, marks = cite_in(card, kb, reported.sources)
        direct = (
            f"The sources report {reported.describe()} {marks}; they name "
            f"{len(named)}: {names}{more}."
        )
    else:
        direct = f"The sources name {len(named)} signatories: {names}{more}."
    return with_direct(
        card, direct, None, tuple(n for n in card.notes if "list" in n or "count" in n.casefold())
    )


def answer_demands(
    scope: Scope, letter: Letter, abuses: bool, claimed: int | None = None
) -> Answer:
    """What the letter demanded (or the abuses it cited), the list in the first lines.

    With `claimed` ("it only had 4 demands, right?"), Yes or No to that count first.
    """
    card = letter_cards.demands(scope, letter.id)
    statements = letter.abuses_cited if abuses else letter.demands
    if not statements:
        statements = letter.demands or letter.abuses_cited
        abuses = not abuses if statements else abuses
    if not statements:
        return card
    card, marks = cite_in(card, scope.kb, [s for x in statements for s in x.sources])
    count = len(statements)
    what = "cited" if abuses else f"made {counted(count, 'demand')}"
    listed = (
        _short(statements[0].text)
        if count == 1
        else "; ".join(f"({n}) {_short(s.text)}" for n, s in enumerate(statements[:6], 1))
    )
    direct = f"The {letter.year} letter {what}: {listed}. {marks}"
    if claimed is not None and not abuses:
        direct = ("Yes. " if claimed == len(statements) else "No. ") + direct
    if abuses and len(statements) > 6:
        direct = direct.replace(f". {marks}", f"; and {len(statements) - 6} more. {marks}")
    interpretation = f"{'abuses cited in' if abuses else 'demands of'} {letter.title}"
    return with_direct(card, direct, interpretation, ())


def answer_person(
    scope: Scope,
    person_id: str,
    at: str | None = None,
    years: tuple[int, ...] = (),
    same_asked: bool = False,
) -> Answer:
    """Who someone is: their role (at organisation `at`, in `years`, or their latest) first."""
    kb = scope.kb
    person = kb.people[person_id]
    card = people_cards.person(scope, person_id)
    if not person.roles:
        return card
    if years:
        held = []
        titles = []
        unknown = []
        for year in dict.fromkeys(years):
            roles = person.roles_held_on(str(year))
            if not roles:
                unknown.append(str(year))  # never the role of another year, as if it were
                continue
            titles.append(roles[0].title.casefold())
            card, marks = cite_in(card, kb, [s for r in roles for s in r.sources])
            # "what hats was he wearing in 2012?": every role of that year, not the first
            each = [_held(r, kb.name_of(r.organization) if r.organization else None) for r in roles]
            held.append(f"in {year}, " + "; ".join(each) + f" {marks}")
        if held and not unknown:
            direct = f"{person.name}: " + "; ".join(held) + "."
            if same_asked and len(titles) > 1:
                direct = ("Yes, the same. " if len(set(titles)) == 1 else "No. ") + direct
            return with_direct(card, direct, None)
        if unknown:
            known = [r for r in person.roles if r.as_of or r.start or r.end]
            card, marks = cite_in(card, kb, [s for r in person.roles for s in r.sources])
            direct = (
                f"The sources do not say what role {person.name} held in {' or '.join(unknown)}"
                + (": they give " + "; ".join(_dated(r) for r in known) if known else "")
                + (f"; in {'; '.join(held)}" if held else "")
                + f". {marks}"
            )
            return with_direct(card, direct, None, (), "not_covered")
    there = [r for r in person.roles if at and r.organization == at]
    role = there[-1] if there else person.roles[-1]
    org = kb.name_of(role.organization) if role.organization else None
    card, marks = cite_in(card, kb, role.sources)
    where = f" at {org}" if org and org.casefold() not in role.title.casefold() else ""
    direct = f"{person.name} is described as {role.title}{where}. {marks}"
    earlier = [
        r for r in person.roles if r is not role and r.title.casefold() != role.title.casefold()
    ]
    if earlier:
        # Roles the sources date as of the same time were held alongside, not before.
        alongside = bool(role.as_of) and all(r.as_of == role.as_of and not r.end for r in earlier)
        shown = "; ".join(
            # where, when it is another body, or a bare title ("President") says nothing alone
            _held(
                r, kb.name_of(r.organization) if r.organization and _says_where(r, role) else None
            )
            for r in earlier[:2]
        )
        direct += f" {'Also' if alongside else 'Earlier'}: {shown}."
    return with_direct(card, direct, None)


def _says_where(earlier: Role, current: Role) -> bool:
    """Whether an earlier role is shown with its body: another body, or a bare title."""
    return earlier.organization != current.organization or len(earlier.title.split()) < 3


def _dated(role: Role) -> str:
    """A role with the date the sources give it for ("… as of 7 June 2018")."""
    if role.as_of and not (role.start or role.end):
        return f"{role.title} as of {human_date(role.as_of)}"
    return _held(role)


def _held(role: Role, org: str | None = None) -> str:
    """A past role with the dates it was held, where the sources give them (and where)."""
    since = f" from {human_date(role.start)}" if role.start else ""
    until = f" until {human_date(role.end)}" if role.end else ""
    at = f" ({org})" if org and org.casefold() not in role.title.casefold() else ""
    return f"{role.title}{at}{since}{until}"


def answer_org(scope: Scope, org_id: str, where_asked: bool = False) -> Answer:
    """What an organisation is, and which letters it signed, in a sentence.

    With `where_asked` ("where is Amnesty based?"), a group the sources place nowhere is
    said to be so first.
    """
    kb = scope.kb
    org = kb.organizations[org_id]
    if where_asked and not (org.based_in or org.country):
        answer = answer_org(scope, org_id)
        direct = f"The sources do not say where {org.name} is based. {answer.direct}"
        return replace(answer, direct=direct, lead=(direct, *answer.lead[1:]), kind="not_covered")
    card, marks = cite_in(people_cards.org(scope, org_id), kb, org.sources)
    kind, more = what_it_is(scope, org)
    return with_direct(card, f"{org.name} is {kind} {marks}{more}", None)


def answer_orgs(scope: Scope, org_ids: list[str]) -> Answer:
    """What each of several organisations is ("amnesty vs FIDH, what are they?")."""
    kb = scope.kb
    names = [kb.name_of(o) for o in org_ids]
    builder = AnswerBuilder(kb, "org", " and ".join(names))
    items = []
    for org_id in org_ids:
        org = kb.organizations[org_id]
        kind, more = what_it_is(scope, org)
        refs = builder.cite(org.sources)
        items.append(Item(org.name, f"{kind}{more}", refs, org.guild_id is not None, org.id))
    builder.direct = " ".join(f"{i.title}: {i.text} {i.ref_marks()}" for i in items)
    builder.section("Organisations", items)
    builder.interpretation = "what " + " and ".join(names) + " are"
    return builder.build()


def what_it_is(scope: Scope, org: Organization) -> tuple[str, str]:
    """ "an NGO from …, based in …." and what follows it: what it does, the letters it signed."""
    label = people_cards.ORGANIZATION_LABELS.get(org.kind, "Organization")
    label = label if label.isupper() or label.startswith("UN") else label.lower()
    where = f" from {org.country}" if org.country else ""
    if org.based_in:
        where += f", based in {org.based_in}"
    more = f" {first_sentences(org.description)}" if org.description else ""  # curators' words
    if signed := scope.kb.letters_signed_by(org.id):
        years = [str(x.year) for x in signed]
        listed = " and ".join([", ".join(years[:-1]), years[-1]]) if len(years) > 1 else years[0]
        more += f" It signed or coordinated the {listed} letter{'s' if len(signed) > 1 else ''}."
    return f"{_article(label)} {label}{where}.", more


def answer_unrecorded(scope: Scope, entity_id: str, asked: str) -> Answer:
    """A question about something the sources do not record of an organisation or person."""
    card = (
        people_cards.org(scope, entity_id)
        if entity_id in scope.kb.organizations
        else people_cards.person(scope, entity_id)
    )
    name = scope.kb.name_of(entity_id)
    return with_direct(
        card,
        f"The sources do not report that (“{asked}”). What they record about {name} is below.",
        None,
        (),
        "not_covered",
    )


def _article(label: str) -> str:
    """ "an NGO", "an alliance", but "a UN body", "a union" (said with a "you")."""
    if label.startswith(("UN", "US", "EU", "uni", "Uni", "use", "usu")):
        return "a"
    return "an" if label[:1].lower() in "aeiou" or label.startswith("NGO") else "a"


def answer_event(scope: Scope, event_id: str, who: bool = False, asked: str = "") -> Answer:
    """An event: when, and what happened, in a sentence or two; with `who`, who took part.

    What was `asked` ("what did Kim pledge about civil society?") adds the sentence of the
    record that answers it, where the opening sentence does not.
    """
    kb = scope.kb
    event = kb.events[event_id]
    card = people_cards.event(scope, event_id)
    card, marks = cite_in(card, kb, event.sources)
    if who and event.participants:
        names = ", ".join(
            people_cards.describe_person(scope, kb.people[p]) for p in event.participants
        )
        return with_direct(
            card, f"{event.title} ({human_date(event.date)}): {names}. {marks}", None
        )
    when = human_date(event.date)
    if event.date and len(event.date) == len("2018") and event.date_note:
        # "On what date did Kim meet Lavrov?": say that no day is given, and why.
        when = f"{when}; the sources do not give an exact date. {event.date_note.rstrip('.')}"
    opening = first_sentences(event.summary)
    direct = f"{event.title}: {when}. {opening} {_sentence_asked(event.summary, asked, opening)}"
    return with_direct(card, f"{direct.rstrip()} {marks}", None)


def _sentence_asked(summary: str, asked: str, shown: str) -> str:
    """The summary's sentences (two at most), past those shown, that share most with `asked`.

    A decision asked for ("what did they commit to?") counts a sentence saying what was
    agreed, pledged or found even when it shares no word with the question.
    """
    wanted = concepts(asked) - SUBJECT
    decision = _DECISION.search(asked) is not None
    rest = [s for _, s in split_sentences(summary) if s not in shown]
    scored = [
        (len(wanted & concepts(s)) + (decision and bool(_DECISION.search(s))), s) for s in rest
    ]
    top = max((score for score, _ in scored), default=0)
    return " ".join([s for score, s in scored if score == top][:2]) if top else ""


#: Words of a decision or a finding, asked for or reported.
_DECISION = re.compile(
    r"\b(?:agree\w*|pledge\w*|commit\w*|promis\w*|decide\w*|decision|vow\w*|found|find|"
    r"finding\w*|authori[sz]\w*|adopt\w*|pass\w*|resolv\w*|establish\w*|conclu\w*)\b",
    re.IGNORECASE,
)
