"""Candidate readings of a question, each scored from all its evidence.

A reading is a kind of answer with its subjects filled in ("who signed" × the 2018 letter ×
from Japan). Its score adds the cue words for that kind to how well the question supplies
what the kind needs: a kind that needs a letter scores nothing without a clear one, a
"who is" reading nothing without a person or organisation. The reader answers the best.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.answers import comparisons, facts, kinds, lists, topics, who_said
from bot.core.answers.answer import Answer
from bot.core.answers.clues import MARGIN, LetterFit, clear_letter, rank_letters
from bot.core.answers.cues import cue_scores
from bot.core.answers.direct import (
    about_phrase,
    answer_demands,
    answer_event,
    answer_letters,
    answer_org,
    answer_person,
    answer_quotes,
    answer_signatories,
    answer_signed_any,
)
from bot.core.answers.question import PLACE_KINDS, Question
from bot.core.kb.models import Event, Letter
from bot.core.scope import Scope

#: Added when the question supplies exactly what a kind needs.
SUBJECT_FIT = 2.0
#: A letter or event named by the question counts for more than one inferred.
NAMED_FIT = 1.0


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a question: what to answer, how well it fits, how to answer it."""

    kind: str
    score: float
    label: str
    run: Callable[[], Answer]


@dataclass(slots=True)
class _Context:
    scope: Scope
    question: Question
    cues: dict[str, float]
    fits: list[LetterFit]
    letter: Letter | None
    people: list[str]
    orgs: list[str]
    places: list[str]
    events: list[str]

    def cue(self, kind: str) -> float:
        return self.cues.get(kind, 0.0)


def readings(scope: Scope, question: Question) -> list[Reading]:
    """Every plausible reading of the question, best first."""
    kb = scope.kb
    orgs = question.ids("organization")
    fits = rank_letters(scope, question)
    context = _Context(
        scope, question, cue_scores(question), fits, clear_letter(fits),
        question.people(),
        [o for o in orgs if kb.organizations[o].kind not in PLACE_KINDS],
        [o for o in orgs if kb.organizations[o].kind in PLACE_KINDS],
        question.ids("event"),
    )
    found: list[Reading] = []
    for generate in _GENERATORS:
        found.extend(generate(context))
    found.sort(key=lambda r: -r.score)
    return found


def _letter_fit(context: _Context) -> float:
    """How surely the question points at its letter: named or dated beats described."""
    if context.letter is None:
        return 0.0
    best = context.fits[0]
    if best.score >= NAMED_OR_DATED:
        return SUBJECT_FIT + NAMED_FIT
    if best.clues == ["its content"]:
        return SUBJECT_FIT - 1.0
    return SUBJECT_FIT


#: A letter's clue score from which it is named or dated rather than described.
NAMED_OR_DATED = 5.0


def _letter_readings(context: _Context) -> list[Reading]:
    letter, scope, q = context.letter, context.scope, context.question
    if letter is None:
        return []
    fit = _letter_fit(context)
    title = letter.title
    country = q.country if _is_signer_country(scope, q.country) else None
    out = [
        Reading("signatories", context.cue("signatories") + fit,
                f"who signed → {title}" + (f", from {country}" if country else ""),
                lambda: answer_signatories(scope, letter, country)),
        Reading("count", context.cue("count") + fit
                + (1.0 if q.has(_COUNTABLE) else -2.0), f"how many → {title}",
                lambda: facts.count(scope, letter, "countries" if q.has(_COUNTRIES) else
                                    "signers")),
        Reading("demands", context.cue("demands") + fit, f"demands → {title}",
                lambda: answer_demands(scope, letter, abuses=False)),
        Reading("letter_says", context.cue("letter_says") + fit
                - (3.0 if about_phrase(q) else 0.0), f"what it says → {title}",
                lambda: answer_demands(scope, letter, abuses=False)),
        Reading("abuses", context.cue("abuses") + fit - 0.5, f"abuses cited → {title}",
                lambda: answer_demands(scope, letter, abuses=True)),
        Reading("recipient", context.cue("recipient") + fit, f"recipient → {title}",
                lambda: facts.recipient(scope, letter)),
        Reading("sender", context.cue("sender") + fit, f"organiser → {title}",
                lambda: facts.sender(scope, letter)),
        Reading("date", context.cue("date") + fit - (2.0 if context.events and not
                                                     q.ids("letter") else 0.0),
                f"date → {title}", lambda: facts.date(scope, letter)),
        Reading("purpose", context.cue("purpose") + fit, f"why → {title}",
                lambda: facts.purpose(scope, letter)),
        Reading("letter", context.cue("profile") + fit - 1.0, f"about → {title}",
                lambda: kinds.letter(scope, letter.id)),
        Reading("countries", context.cue("countries") + fit
                - (3.0 if q.has(_HOW_MANY) and letter.reported_counts else 0.0),
                f"countries → {title}", lambda: lists.countries(scope, letter)),
        Reading("no_country", context.cue("no_country") + fit, f"no country → {title}",
                lambda: lists.without_country(scope, letter)),
        Reading("quoted_about", context.cue("quoted_about") + fit,
                f"who was quoted → {title}", lambda: lists.quoted_about(scope, letter.id)),
    ]
    out = [r for r in out if r.score > fit + _NO_CUE]
    if fit > SUBJECT_FIT:  # a letter named or dated and nothing else asked: its card
        out.append(Reading("letter", fit + 0.5, f"about → {title}",
                           lambda: kinds.letter(scope, letter.id)))
    if q.country and _is_signer_country(scope, q.country) and country:
        out.append(Reading("signatories", fit + 3.0 + context.cue("signatories") / 2,
                           f"who signed → {title}, from {country}",
                           lambda: answer_signatories(scope, letter, country)))
    phrase = about_phrase(q)
    strong = fit >= SUBJECT_FIT or " letter" in q.norm
    if phrase and context.cue("topic") and strong and not context.people:
        out.append(Reading("topic", context.cue("topic") + fit + 2.5,
                           f"what {title} says about {phrase}",
                           lambda: topics.topic(scope, letter, phrase)))
    if context.cue("quotes") and not context.people and not context.orgs:
        out.append(Reading("quotes", context.cue("quotes") + fit - 0.5,
                           f"quotes about → {title}",
                           lambda: kinds.quotes(scope, about=letter.id)))
    return out


#: A reading whose cue adds less than this over its subject's fit was not asked for.
_NO_CUE = 0.6

_COUNTABLE = re.compile(
    r"\b(?:sign\w*|groups?|organi[sz]ations?|ngos?|co ?signers?|signatories|signers|members|"
    r"countries|supporters|represented|coalitions?|charities|orgs?)\b")
_COUNTRIES = re.compile(r"\bcountries\b|\bnations\b")
_HOW_MANY = re.compile(r"\bhow many\b")


def _is_signer_country(scope: Scope, country: str | None) -> bool:
    """Whether any signatory is from `country` (a recipient's country filters nothing)."""
    if country is None:
        return False
    kb = scope.kb
    signer_countries = kb.derived("signer_countries", lambda base: {
        base.organizations[s.organization].country
        for x in base.letters.values() for s in x.signatories})
    recipient_countries = kb.derived("recipient_countries", lambda base: {
        o.country for o in base.organizations.values() if o.kind in PLACE_KINDS})
    return country in signer_countries or country not in recipient_countries


def _person_readings(context: _Context) -> list[Reading]:
    scope, q = context.scope, context.question
    if not context.people:
        return []
    person_id = context.people[0]
    name = scope.kb.name_of(person_id)
    by_role = not q.ids("person") or any(m.kind == "person" and not m.surface
                                          for m in q.mentions)
    described = " (by role)" if by_role else ""
    subject = _subject_of_quotes(context)
    return [
        Reading("quotes", context.cue("quotes") + SUBJECT_FIT + (1.0 if subject else 0.0),
                f"quotes by {name}{described}"
                + (f" about {scope.kb.name_of(subject)}" if subject in scope.kb.records else
                   (f" mentioning “{subject}”" if subject else "")),
                lambda: answer_quotes(scope, [person_id], subject)),
        Reading("person", context.cue("profile") + SUBJECT_FIT, f"who is {name}{described}",
                lambda: answer_person(scope, person_id)),
        Reading("person", SUBJECT_FIT + 0.5, f"about {name}{described}",
                lambda: answer_person(scope, person_id)),
        Reading("letters", context.cue("letters") + SUBJECT_FIT, f"letters to {name}",
                lambda: kinds.letters(scope, recipient=person_id)),
    ]


def _subject_of_quotes(context: _Context) -> str | None:
    """What quotes should be about: a letter or event named, else the words after "about"."""
    q = context.question
    if q.ids("letter") or q.ids("event"):
        return (q.ids("letter") or q.ids("event"))[0]
    if context.letter is not None and context.fits[0].score >= 5:
        return context.letter.id
    phrase = about_phrase(q)
    return phrase


def _org_readings(context: _Context) -> list[Reading]:
    scope, q = context.scope, context.question
    kb = scope.kb
    if not context.orgs:
        return []
    org = kb.organizations[context.orgs[0]]
    out = [
        Reading("org", context.cue("profile") + SUBJECT_FIT, f"about {org.name}",
                lambda: answer_org(scope, org.id)),
        Reading("org", SUBJECT_FIT + 0.5, f"about {org.name}", lambda: answer_org(scope, org.id)),
        Reading("letters", context.cue("letters_by") + SUBJECT_FIT,
                f"letters signed by {org.name}", lambda: answer_letters(scope, org)),
    ]
    speakers = [p.id for p in kb.people_of(org.id) if kb.quotes_by(p.id)]
    if speakers and not context.people:
        subject = _subject_of_quotes(context)
        out.append(Reading("quotes", context.cue("quotes") + SUBJECT_FIT - 0.5,
                           f"quotes by people of {org.name}",
                           lambda: answer_quotes(scope, speakers, subject, org.name)))
    letter = context.letter
    if q.country and context.cue("profile") == 0 and not context.cue("signed"):
        country = q.country
        out.append(Reading("from_country", 3.0 + (3.0 if q.has(_YES_NO_START) else 0.0),
                           f"is {org.name} from {country}",
                           lambda: facts.from_country(scope, org, country)))
    if context.cue("signed"):
        if letter is not None:
            out.append(Reading("signed", context.cue("signed") + _letter_fit(context),
                               f"did {org.name} sign {letter.title}",
                               lambda: facts.signed(scope, org, letter)))
            if q.has(_INVOLVED):
                out.append(Reading("involved", context.cue("signed") + _letter_fit(context) + 1,
                                   f"was {org.name} involved in {letter.title}",
                                   lambda: facts.involved(scope, org, letter)))
        else:
            out.append(Reading("signed", context.cue("signed") + 1.0,
                               f"did {org.name} sign any letter",
                               lambda: answer_signed_any(scope, org)))
    return out


_YES_NO_START = re.compile(r"^ (?:is|was|are|were|does|did|true or false)\b")
_INVOLVED = re.compile(r"\binvolv\w+|\btake part\b|\btook part\b|\bparticipat\w+")


def _event_readings(context: _Context) -> list[Reading]:
    scope, q = context.scope, context.question
    if not context.events:
        return []
    event_id = context.events[0]
    title = scope.kb.name_of(event_id)
    named_letter = bool(q.ids("letter")) or any(f.score >= 5 for f in context.fits)
    base = SUBJECT_FIT - (1.0 if named_letter else 0.0)
    return [
        Reading("event", context.cue("event") + base + 0.5, f"what happened: {title}",
                lambda: answer_event(scope, event_id)),
        Reading("event", context.cue("date") + base, f"when: {title}",
                lambda: answer_event(scope, event_id)),
        Reading("event", context.cue("profile") + base, f"about {title}",
                lambda: answer_event(scope, event_id)),
        Reading("event", base + 0.5, f"about {title}", lambda: answer_event(scope, event_id)),
    ]


def _compare_readings(context: _Context) -> list[Reading]:
    scope, q = context.scope, context.question
    kb = scope.kb
    letters = [f.letter for f in context.fits if f.score >= 4][:2]
    things: list[Letter | Event] = list(letters)
    things += [kb.events[e] for e in context.events]
    if len(things) < 2 or not context.cue("compare"):
        return []
    a, b = things[0], things[1]
    cue = context.cue("compare") + SUBJECT_FIT + 1.0
    out = [Reading("compare", cue - 0.5, f"which came first: {a.title} or {b.title}",
                   lambda: comparisons.order(scope, a, b))]
    if q.has(_GAP):
        out.append(Reading("compare", cue + 1, f"time between {a.title} and {b.title}",
                           lambda: comparisons.gap(scope, a, b)))
    if q.has(_FIRST):
        out.append(Reading("compare", cue + 1, f"which came first: {a.title} or {b.title}",
                           lambda: comparisons.order(scope, a, b)))
    if isinstance(a, Letter) and isinstance(b, Letter):
        la, lb = a, b
        out.append(Reading("compare", cue, f"compare {la.title} and {lb.title}",
                           lambda: comparisons.common(scope, la, lb)))
        if q.has(_MORE):
            out.append(Reading("compare", cue + 1, f"how many more signed: {la.year} vs "
                               f"{lb.year}", lambda: comparisons.more_signers(scope, la, lb)))
        if context.cue("demands"):
            out.append(Reading("compare", cue + 1, f"demands: {la.year} vs {lb.year}",
                               lambda: comparisons.demand_difference(scope, la, lb)))
    return out


_GAP = re.compile(r"\bhow (?:long|many (?:years|months|days))\b|\btime between\b|\bapart\b|"
                   r"\bgap\b|\belapsed\b|\bpassed\b")
_FIRST = re.compile(r"\bfirst\b|\bearlier\b|\blater\b|\bbefore\b|\bafter\b|\bolder\b|"
                     r"\bnewer\b|\bprecede\w*|\bfollow\w*")
_MORE = re.compile(r"\bmore\b|\bfewer\b|\bbigger\b|\blarger\b|\bsmaller\b|\bdifference in\b")


def _general_readings(context: _Context) -> list[Reading]:
    scope, q = context.scope, context.question
    kb = scope.kb
    out = [
        Reading("letters", context.cue("letters")
                - (2.0 if context.orgs and context.cue("letters_by") else 0.0),
                "all letters", lambda: kinds.letters(scope)),
        Reading("search", 0.5, f"search for {q.text[:60]}", lambda: kinds.search(scope, q.text)),
    ]
    if context.cue("who_said"):
        out.append(Reading("who_said", context.cue("who_said") + 2.0 + (2.0 if q.quoted else 0.0),
                           "who said these words",
                           lambda: who_said.who_said(scope, q.text, q.quoted)))
    elif q.quoted and q.norm.startswith(" who "):
        out.append(Reading("who_said", 7.0, "who said these words",
                           lambda: who_said.who_said(scope, q.text, q.quoted)))
    if context.cue("contact"):
        out.append(Reading("contact", context.cue("contact") + 2, "contact details",
                           lambda: topics.contact_refused(scope)))
    recipients = {x.recipient for x in kb.letters.values()}
    subject_is_recipient = (any(p in recipients for p in context.people)
                            or bool(context.places))
    if context.cue("reply") and (subject_is_recipient or context.letter is not None):
        letter = context.letter
        who = (kb.name_of(letter.recipient) if letter is not None
               else kb.name_of(context.people[0]) if context.people else "the recipient")
        out.append(Reading("not_covered", context.cue("reply") + 3.0
                           + (1.0 if subject_is_recipient else 0.0),
                           f"a reply from {who} (not in the sources)",
                           lambda: topics.not_covered(
                               scope, f"any reply or response from {who} to the letter",
                               letter)))
    if context.cue("individual") and (context.cue("signatories") or context.cue("signed")
                                      or "sign" in q.norm):
        letter = context.letter
        out.append(Reading("not_covered", context.cue("individual") + 4.0,
                           "individual signers (not in the sources)",
                           lambda: topics.not_covered(
                               scope, "individuals signing in their own name; the named "
                               "signatories are organisations", letter)))
    unknown_years = [y for y in q.years if not any(x.year == y for x in kb.letters.values())
                     and not any((e.date or "")[:4] == str(y) for e in kb.events.values())]
    if unknown_years and not context.letter and not context.events:
        year = unknown_years[0]
        out.append(Reading("not_covered", 5.0, f"{year} (not in the sources)",
                           lambda: topics.not_covered(
                               scope, f"any letter or event in {year}", None)))
    return out


#: Kinds that answer about one letter, and the question to suggest for each letter.
_NEEDS_LETTER = {
    "signatories": "Who signed the {year} letter?",
    "count": "How many signed the {year} letter?",
    "demands": "What did the {year} letter demand?",
    "letter_says": "What did the {year} letter demand?",
    "abuses": "What abuses did the {year} letter cite?",
    "recipient": "Who was the {year} letter addressed to?",
    "sender": "Who organised the {year} letter?",
    "date": "When was the {year} letter sent?",
    "purpose": "Why was the {year} letter written?",
    "countries": "Which countries are the {year} letter's signatories from?",
    "no_country": "Which signatories of the {year} letter have no country?",
}


def _clarify_readings(context: _Context) -> list[Reading]:
    """A letter question with no clear letter: ask which one rather than guess."""
    if context.letter is not None:
        return []
    wanted = [(context.cue(k), k) for k in _NEEDS_LETTER if context.cue(k)]
    if not wanted:
        return []
    cue, kind = max(wanted)
    top = context.fits[0].score if context.fits else 0.0
    candidates = [f.letter for f in context.fits if top - f.score < MARGIN] if top else []
    scope, template = context.scope, _NEEDS_LETTER[kind]
    return [Reading("clarify", cue + 1.0, "needs a letter",
                    lambda: kinds.clarify_letter(scope, candidates, template))]


_GENERATORS = (_clarify_readings, _letter_readings, _person_readings, _org_readings,
               _event_readings, _compare_readings, _general_readings)
