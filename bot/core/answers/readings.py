"""Candidate readings of a question, each scored from all its evidence.

A reading is a kind of answer with its subjects filled in ("who signed" × the 2018 letter ×
from Japan). Its score adds the cue words for that kind to how well the question supplies
what the kind needs: a kind that needs a letter scores nothing without a clear one, a
"who is" reading nothing without a person or organisation. The reader answers the best.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.core.answers import comparisons, facts, kinds, lists, topics, who_said
from bot.core.answers.answer import Answer
from bot.core.answers.clues import MARGIN, LetterFit, clear_letter, rank_events, rank_letters
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
from bot.core.search.names import normalize
from bot.core.search.roles import match_roles, plural_role

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
    fits = rank_letters(scope, question)
    events = [e for e in question.ids("event") if e not in question.objects]
    if not events:
        described = rank_events(scope, question)
        if described and (len(described) == 1 or described[0][1] - described[1][1] >= 1.0):
            events = [described[0][0]]
    event_names = {normalize(kb.name_of(e)) for e in events}
    # An organisation named like an event ("UN Commission of Inquiry") stands for the event.
    orgs = [o for o in question.subjects("organization")
            if not any(normalize(n) in event_names for n in kb.organizations[o].names)]
    people = question.people()
    if not orgs and people and question.has(_THEIR_GROUP):
        person = kb.people[people[0]]
        orgs = [r.organization for r in reversed(person.roles) if r.organization][:1]
    context = _Context(
        scope, question, cue_scores(question), fits, clear_letter(fits), people,
        [o for o in orgs if kb.organizations[o].kind not in PLACE_KINDS],
        [o for o in question.ids("organization") if kb.organizations[o].kind in PLACE_KINDS],
        events,
    )
    found: list[Reading] = []
    for generate in _GENERATORS:
        found.extend(generate(context))
    found.sort(key=lambda r: -r.score)
    return found


_ARTICLE = re.compile(r"\b(?:article|story|report|piece|coverage|byline|news item)\b")
_THEIR_GROUP = re.compile(r"\b(?:group|organi[sz]ation|org|ngo|employer|outfit|charity)\b")


def _letter_fit(context: _Context) -> float:
    """How surely the question points at its letter: named or dated beats described."""
    if context.letter is None:
        return 0.0
    best = context.fits[0]
    if best.score >= NAMED_OR_DATED:
        return SUBJECT_FIT + NAMED_FIT
    if best.clues == ["its content"]:
        return SUBJECT_FIT - 1.0
    if (all(c.startswith("to ") or c == "its content" for c in best.clues)
            and " letter" not in context.question.norm):
        return SUBJECT_FIT - 1.0  # "Kim" may be the recipient, or only who is talked about
    return SUBJECT_FIT


#: A letter's clue score from which it is named or dated rather than described.
NAMED_OR_DATED = 5.0


def _letter_readings(context: _Context) -> list[Reading]:
    letter, scope, q = context.letter, context.scope, context.question
    if letter is None:
        return []
    fit = _letter_fit(context)
    title = letter.title
    countries = tuple(c for c in q.countries if _is_signer_country(scope, c))
    country = countries[0] if countries else None
    out = [
        Reading("signatories", context.cue("signatories") + fit,
                f"who signed → {title}" + (f", from {' or '.join(countries)}" if country else ""),
                lambda: answer_signatories(scope, letter, countries)),
        Reading("count", context.cue("count") + fit
                + (1.0 if q.has(_COUNTABLE) else -2.5) if context.cue("count") else 0.0,
                f"how many → {title}",
                lambda: answer_signatories(scope, letter, countries) if country else
                facts.count(scope, letter, "countries" if q.has(_COUNTRIES) else "signers")),
        Reading("demands", context.cue("demands") + fit, f"demands → {title}",
                lambda: answer_demands(scope, letter, abuses=False)),
        Reading("letter_says", context.cue("letter_says") + fit
                - (3.0 if about_phrase(q) else 0.0), f"what it says → {title}",
                lambda: answer_demands(scope, letter, abuses=False)),
        Reading("abuses", context.cue("abuses") + fit - 0.5, f"abuses cited → {title}",
                lambda: answer_demands(scope, letter, abuses=True)),
        Reading("recipient", context.cue("recipient") + fit, f"recipient → {title}",
                lambda: facts.recipient(scope, letter)),
        Reading("sender", context.cue("sender") + fit - (4.0 if q.has(_ARTICLE) else 0.0),
                f"organiser → {title}",
                lambda: facts.sender(scope, letter)),
        Reading("date", context.cue("date") + fit - (2.0 if context.events and not
                                                     q.ids("letter") else 0.0),
                f"date → {title}", lambda: facts.date(scope, letter)),
        Reading("purpose", context.cue("purpose") + fit
                - (3.0 if context.people and " letter" not in q.norm else 0.0),
                f"why → {title}",
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
    dated = [f for f in context.fits if f.score >= NAMED_OR_DATED]
    if len(dated) >= 2 and context.cue("compare"):
        # Two letters named and a comparison asked: not a question about one of them.
        out = [replace(r, score=r.score - 3.0) for r in out]
    if context.people and " letter" not in q.norm and fit <= SUBJECT_FIT:
        # "Why did Yun not want…": the person is the subject; the letter only an echo.
        out = [replace(r, score=r.score - 2.0) for r in out]
    if fit > SUBJECT_FIT:  # a letter named or dated and nothing else asked: its card
        out.append(Reading("letter", fit + 0.5, f"about → {title}",
                           lambda: kinds.letter(scope, letter.id)))
    if q.country and _is_signer_country(scope, q.country) and country:
        out.append(Reading("signatories", fit + 3.0 + context.cue("signatories") / 2,
                           f"who signed → {title}, from {' or '.join(countries)}",
                           lambda: answer_signatories(scope, letter, countries)))
    phrase = about_phrase(q)
    claim = _claim(q) if not context.orgs else None  # "Amnesty signed…" is a yes/no
    strong = fit >= SUBJECT_FIT or " letter" in q.norm
    counted = _HOW_MANY_OF.search(q.norm)
    if counted and not q.has(_COUNTABLE):
        what = counted.group(1).strip()
        out.append(Reading("topic", context.cue("count") + fit, f"how many {what} → {title}",
                           lambda: topics.topic(scope, letter, what)))
    if context.cue("other_signers") and len(letter.signatories) < max(
            (c.count for c in letter.reported_counts if c.of_signers), default=0):
        out.append(Reading("not_covered", context.cue("other_signers") + fit + 1.0,
                           f"the full list of signers of {title} (not in the sources)",
                           lambda: answer_signatories(scope, letter, (), full_list=True)))
    if claim and not phrase:
        out.append(Reading("topic", context.cue("topic") + fit,
                           f"is it true that {title} says {claim}",
                           lambda: topics.topic(scope, letter, claim)))
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
_HOW_MANY_OF = re.compile(r"\bhow many (.+?)(?: (?:per|according to|in|on|from) (?:the )?"
                          r"(?:\d{4} )?(?:\w+ )?letter\b.*)?\s*$")
_CLAIM = re.compile(r"^ (?:true or false|is it true(?: that)?|fact check)\s+(?:that\s+)?(.+)$")


def _claim(question: Question) -> str | None:
    """The claim in "true or false: the letter said …", minus the letter reference."""
    match = _CLAIM.search(question.norm.rstrip())
    if not match:
        return None
    claim = re.sub(r"^(?:the )?(?:\d{4} )?(?:\w+ ){0,2}letter (?:said|says|claimed|claims|"
                   r"stated|states|mentioned|mentions|called for|demanded|asked for) (?:that )?",
                   "", match.group(1).strip())
    return claim[:80] or None


def _is_signer_country(scope: Scope, country: str | None) -> bool:
    """Whether any signatory is from `country` (a recipient's country filters nothing)."""
    if country is None:
        return False
    kb = scope.kb
    signer_countries = kb.derived("signer_countries", lambda base: {
        base.organizations[s.organization].country
        for x in base.letters.values() for s in x.signatories})
    place_names = kb.derived("place_names", lambda base: {
        normalize(n) for o in base.organizations.values() if o.kind in PLACE_KINDS
        for n in (*o.names, o.country or "")})
    return country in signer_countries or normalize(country) not in place_names


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
        Reading("quotes", max(context.cue("quotes"), context.cue("purpose") * 0.8)
                + SUBJECT_FIT + (1.0 if subject else 0.0),
                f"quotes by {name}{described}"
                + (f" about {scope.kb.name_of(subject)}" if subject in scope.kb.records else
                   (f" mentioning “{subject}”" if subject else "")),
                lambda: answer_quotes(scope, [person_id], subject)),
        Reading("person", max(context.cue("profile"), context.cue("sender")
                              if q.has(_ARTICLE) else 0.0) + SUBJECT_FIT,
                f"who is {name}{described}", lambda: answer_person(scope, person_id)),
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
    if context.events and about_phrase(q, strict=True):
        return context.events[0]  # "about the summit agenda": about the summit
    best = context.fits[0] if context.fits else None
    if best is not None and ("named" in best.clues or str(best.letter.year) in best.clues):
        return best.letter.id
    return about_phrase(q, strict=True)


def _role_list_readings(context: _Context) -> list[Reading]:
    """"Who were the press contacts": everyone a plural role description fits."""
    q, scope = context.question, context.scope
    if len(q.roles) < 2 or not plural_role(q.text):
        return []
    # Everyone whose role has the words the best fit matched: the same kind of role.
    wanted = set(q.roles[0].matched)
    people = [m.person_id for m in match_roles(scope.kb, q.text, limit=50, weigh_unasked=False)
              if wanted <= set(m.matched)]
    letter = context.letter
    described = " ".join(q.roles[0].matched)
    return [Reading("people", 5.0 + _letter_fit(context), f"everyone who was {described}",
                    lambda: lists.people_in_role(scope, people, letter, described))]


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
    if letter is not None and q.has(_BY_CLAIM):
        out.append(Reading("sender", 7.0 + _letter_fit(context),
                           f"was {letter.title} organised by {org.name}",
                           lambda: facts.sender(scope, letter, claimed=org)))
    if letter is not None and context.cue("purpose") and q.has(_SIGN_VERB):
        out.append(Reading("signed", context.cue("purpose") + _letter_fit(context) + 2.0,
                           f"why {org.name} signed {letter.title}",
                           lambda: facts.signed(scope, org, letter, why=True)))
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


_BOTH = re.compile(r"\bboth\b|\bin common\b|\beach of\b|\bsame (?:groups|organi[sz]ations|"
                   r"signatories)\b")
_SIGN_VERB = re.compile(r"\b(?:sign|signed|co ?sign\w*|join\w*|back\w*|endorse\w*|support\w*)\b")
_BY_CLAIM = re.compile(r"\b(?:coordinated|organi[sz]ed|led|written|drafted|sent|penned|"
                       r"authored|launched|initiated) by\b")
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
    strong = [f.letter for f in context.fits if f.score >= 3 and f.clues != ["its content"]]
    weak = [f.letter for f in context.fits if f.score >= 3 and f.letter not in strong]
    things: list[Letter | Event] = [*strong[:2], *(kb.events[e] for e in context.events),
                                    *weak]
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
        both = q.has(_BOTH)
        out.append(Reading("compare", cue + (1.0 if both else 0.0),
                           f"compare {la.title} and {lb.title}",
                           lambda: comparisons.common(scope, la, lb, only_both=both)))
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
    if (context.cue("unknown_event") and (context.cue("event") or context.cue("date"))
            and not context.events):
        thing = _unknown_thing(q)
        out.append(Reading("not_covered", 6.0, f"{thing} (not in the sources)",
                           lambda: topics.not_covered(scope, f"anything about {thing}", None)))
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


_THING = re.compile(r"\b(?:the |a |an )?((?:\w+ ){0,3}(?:summit|meeting|conference|talks|"
                    r"resolution|vote|hearing|visit|election|treaty|agreement|sanctions|"
                    r"declaration)(?: in \d{4})?)\b")


def _unknown_thing(question: Question) -> str:
    """The event a question names that the knowledge base does not know ("the Hanoi summit")."""
    match = _THING.search(question.norm)
    phrase = match.group(1) if match else "it"
    phrase = re.sub(r"^(?:what happened at|at|when was|when did)\s+", "", phrase)
    return f"the {phrase}" if not phrase.startswith("the ") else phrase


_GENERATORS = (_clarify_readings, _letter_readings, _person_readings, _role_list_readings,
               _org_readings,
               _event_readings, _compare_readings, _general_readings)
