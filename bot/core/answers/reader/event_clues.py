"""Events a question describes without naming them, and events named only to date it."""

from __future__ import annotations

import math
import re

from bot.core.answers.reader.letter_words import QUESTION_WORDS
from bot.core.answers.reader.question import Question
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import event_date_in, month_and_day
from bot.core.scope import Scope
from bot.core.search.stems import stems

#: An event described (not named) must reach this score to be taken as meant.
EVENT_CUTOFF = 3.0
#: Points for a rare word of the event's title or aliases; of its summary, a fraction.
TITLE_WORD, SUMMARY_WORD, EVENT_ORG, EVENT_PERSON = 1.0, 0.25, 2.0, 1.5


#: "A brief profile", "briefly": how long an answer should be, not the briefing it stems like.
_SAYS_HOW_LONG = frozenset({"brief", "briefly"})


#: "How much time passed between…": time going by, not the Senate passing an act.
TIME_PASSED = re.compile(
    r"\b(?:time|years?|months?|weeks?|days?|long) (?:had |has )?pass(?:ed|es)?\b|\bpassed between\b"
)

_AS_OF = re.compile(r"\b(?:as of|as at|by|until|till|up to)\s+(?:\w+\s+){0,2}(?:19|20)\d\d\b", re.I)
#: Words that close a tag question.
_TAGS = frozenset("right correct true yes yeah no innit".split())


def rank_events(scope: Scope, question: Question) -> list[tuple[str, float]]:
    """Events the question describes rather than names, best first, above the cutoff.

    "When South Korea stopped co-sponsoring the UN resolution": by the rare words it shares
    with their titles and summaries, the organisations and people it names that took part,
    and a date written out.
    """
    kb = scope.kb
    titles, summaries, idf = kb.derived("event_word_bags", event_bags)
    places = kb.derived("event_place_words", event_place_words)
    tokens = question.norm.split()
    while tokens and tokens[-1] in _TAGS:
        tokens.pop()  # "…, right?": a tag, not the "rights" of a resolution's title
    named = {i for m in question.mentions for i in range(m.start, m.end)}
    # Words that name someone ("Joseph Yun") are counted once, as a participant, below.
    unnamed = " ".join(
        t for i, t in enumerate(tokens) if i not in named and t not in _SAYS_HOW_LONG
    )
    unnamed = _AS_OF.sub(" ", TIME_PASSED.sub(" ", unnamed))
    words = (event_words(unnamed) & event_words(question.main_clause)) - QUESTION_WORDS
    mentioned = {m.entity_id for m in question.mentions}
    # "before Singapore", "the pre-Singapore letter": a place that dates, not names, the event
    placed = words - event_words(" ".join(_dating_words(tokens)))
    scored = []
    # "as of June 2018": a point the question looks back from, not when an event was
    asked_date = event_date_in(_AS_OF.sub(" ", question.text))
    day = None if asked_date else month_and_day(question.norm)  # "on March 23", no year
    title_words = {w for w in words if not w.isdigit()}
    for event in kb.events.values():
        on_date = bool(
            event.date
            and (
                (asked_date and event.date.startswith(asked_date))
                or (day and event.date[5:10] == day)
            )
        )
        by_org = bool(mentioned & set(event.organizations))
        by_people = len(mentioned & set(event.participants)) >= 2
        if not title_words & titles[event.id] and not (on_date or by_org or by_people):
            continue  # a year or a participant alone describes no event
        score = math.fsum(idf.get(w, 0.0) * TITLE_WORD for w in words & titles[event.id])
        score += math.fsum(idf.get(w, 0.0) * SUMMARY_WORD for w in words & summaries[event.id])
        score += math.fsum(
            EVENT_ORG / 2 if kb.organizations[o].kind == "government" else EVENT_ORG
            for o in mentioned & set(event.organizations)
        )  # "North Korea" names the country far more often than its government acting
        # "What did the COI find?": the body named is the one the event is named after.
        if any(
            named_after(kb, org_id, titles[event.id])
            for org_id in mentioned & set(event.organizations)
        ):
            score += EVENT_CUTOFF
        score += EVENT_PERSON * len(mentioned & set(event.participants))
        if placed & places.get(event.id, frozenset()):
            score += EVENT_CUTOFF  # "the Panmunjom meeting": where it happened names it
        if event.date and event.date[:4] in {str(y) for y in question.years}:
            score += 1.0
        if on_date:
            score += EVENT_CUTOFF + 1.0
        if score >= EVENT_CUTOFF:
            scored.append((event.id, score))
    scored.sort(key=lambda pair: -pair[1])
    return scored


def _dating_words(tokens: list[str]) -> list[str]:
    """The words right after a time word ("before the Singapore meeting"): a point in time."""
    return [
        t
        for i, t in enumerate(tokens)
        if any(w in TIME_WORDS or w == "pre" for w in tokens[max(i - 3, 0) : i])
    ]


def named_after(kb: KnowledgeBase, org_id: str, title: frozenset[str]) -> bool:
    """Whether an event's title is the organisation's name ("2014 UN Commission of Inquiry")."""
    org = kb.organizations.get(org_id)
    if org is None or not title:
        return False
    return len(set(stems(org.name)) & title) / len(title) >= _NAMED_AFTER_SHARE


#: The share of an event title's stems an organisation's name must hold for the event to be
#: named after it (not "UN Human Rights Council resolution on accountability experts").
_NAMED_AFTER_SHARE = 0.75


def event_bags(
    kb: KnowledgeBase,
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, float]]:
    """Each event's title words and summary words (`event_words`), and how rare each is."""
    titles, summaries = {}, {}
    for event in kb.events.values():
        titles[event.id] = frozenset(event_words(" ".join((event.title, *event.aliases))))
        summaries[event.id] = frozenset(event_words(event.summary))
    frequency: dict[str, int] = {}
    for bag in (*titles.values(), *summaries.values()):
        for word in bag:
            frequency[word] = frequency.get(word, 0) + 1
    total = max(len(titles), 1) * 2
    return titles, summaries, {w: math.log(1 + total / n) for w, n in frequency.items()}


def event_place_words(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each event's proper nouns that no other event's title has and that name no one.

    "Panmunjom", "Singapore", "Geneva": where an event happened, in its title. A proper
    noun is a word the sources never write in lower case ("Declaration" is a declaration
    elsewhere); a name of a person or an organisation ("Kim", "Washington" of the Post)
    is no place of one event.
    """
    texts = [e.summary for e in kb.events.values()]
    texts += [t for x in kb.letters.values() for t in (x.summary, x.background or "")]
    common = {w for text in texts for w in _TITLE_WORD.findall(text) if w[0].islower()}
    names = [n for p in kb.people.values() for n in p.names]
    names += [n for o in kb.organizations.values() for n in o.names]
    named = {w for name in names for w in event_words(name)}
    proper: dict[str, set[str]] = {}
    for event in kb.events.values():
        for text in (event.title, *event.aliases):
            nouns = [w for w in _TITLE_WORD.findall(text) if w[0].isupper()]
            rare = " ".join(w for w in nouns if w.lower() not in common)
            proper.setdefault(event.id, set()).update(event_words(rare) - named)
    counts: dict[str, int] = {}
    for words in proper.values():
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    return {e: frozenset(w for w in words if counts[w] == 1) for e, words in proper.items()}


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’]*")


def event_words(text: str) -> set[str]:
    """A text's stems, with the nouns and verbs of one event made one.

    "Yun's testimony" is the event where "Joseph Yun testifies"; the wider synonyms of
    `concepts` ("contact" for dialogue) would make a press contact a press briefing.
    """
    return {_SAME_EVENT.get(s, s) for s in stems(text)}


_SAME_EVENT = {
    "testimoni": "testifi",
    "testifi": "testifi",
    # "the florida senator's bill": the act the Senate passed
    "bill": "act",
    "legisl": "act",
    "statut": "act",
}


#: Words that make the event after them a point in time ("met in 2018 before the summit").
TIME_WORDS = frozenset(
    {
        "before",
        "after",
        "since",
        "following",
        "until",
        "prior",
        "ahead",
        "leading",
        "run",
        "advance",
        "preceding",
        "eve",
    }
)


def time_anchors(question: Question) -> set[str]:
    """Events named only as a point in time, when another event is what is asked about.

    In "which leaders had Kim met before the Trump summit", the summit dates the meetings;
    with no other event in sight, the one named is the subject after all.
    """
    tokens = question.norm.split()
    anchors = {
        m.entity_id
        for m in question.mentions
        if m.kind == "event" and TIME_WORDS & set(tokens[max(m.start - 4, 0) : m.start])
    }
    # "the letter before the Trump summit": the letter is asked about, the summit dates it
    other = _other_event(question) or question.asks_of_a_letter()
    return anchors if anchors != set(question.ids("event")) or other else set()


def _other_event(question: Question) -> bool:
    """Whether the words outside the named events describe some event ("meetings")."""
    named = {i for m in question.mentions if m.kind == "event" for i in range(m.start, m.end)}
    words = {t for i, t in enumerate(question.norm.split()) if i not in named}
    return bool(_EVENT_WORDS & words)


_EVENT_WORDS = frozenset(
    "met meet meeting meetings summit summits talks visit visited resolution vote voted "
    "testified testimony hearing declaration".split()
)


def meeting_of(scope: Scope, person_id: str, question: Question) -> str | None:
    """The event with `person_id` among its participants that the question's words fit best."""
    # "Met in 2018 before the Trump summit": the words after "before" date the meeting.
    tokens = question.norm.split()
    cut = next((i for i, t in enumerate(tokens) if i > 2 and t in TIME_WORDS), len(tokens))
    words = set(stems(" ".join(tokens[:cut])))
    anchors = time_anchors(question)
    candidates = [
        e
        for e in scope.kb.events.values()
        if person_id in e.participants and e.id not in question.descriptors and e.id not in anchors
    ]
    scored = [
        (len(words & set(stems(f"{e.title} {' '.join(e.aliases)}"))), e.id) for e in candidates
    ]
    return max(scored)[1] if scored else None


def anchoring_event(scope: Scope, question: Question) -> str | None:
    """The event a letter is dated by in words ("the letter before Singapore"), if clear.

    The words after "before", "ahead of", "after"… are matched with events' titles and
    aliases by their rare words: "Singapore" and "the Trump summit" are the summit.
    """
    titles, _, idf = scope.kb.derived("event_word_bags", event_bags)
    for match in _ANCHOR.finditer(question.norm):
        described = match.group(1) or match.group(2)
        if _A_LETTER.search(described):
            continue  # "after the pre-summit letter": dated by a letter, not an event
        words = set(stems(described)) - QUESTION_WORDS
        scored = sorted(
            (
                (math.fsum(idf.get(w, 0.0) for w in words & title), event_id)
                for event_id, title in titles.items()
                if words & title
            ),
            reverse=True,
        )[:2]
        if (
            scored
            and scored[0][0] >= _ANCHOR_CUTOFF
            and (len(scored) == 1 or scored[0][0] - scored[1][0] >= _ANCHOR_MARGIN)
        ):
            return scored[0][1]
    return None


#: "before Singapore", "in the run-up to the Trump summit": a time word and the event's words.
_ANCHOR = re.compile(
    r"\b(?:before|after|ahead of|prior to|following|preceding|leading up to|run up to|"
    r"in advance of|on the eve of|"
    r"(?:days|weeks?|months?) (?:before|after)) (?:the )?((?:[a-z]+ ){0,3}[a-z]+)|"
    # "the pre-summit letter", "the pre-Singapore one"
    r"\bpre ([a-z]+)\b"
)
_A_LETTER = re.compile(r"\b(?:letters?|one|appeal)\b")
#: A described anchor must score this much, and this far ahead of the next event.
_ANCHOR_CUTOFF = 1.5
_ANCHOR_MARGIN = 0.5


def anchor_people(question: Question) -> set[str]:
    """People named only to date something: "the letter before the Trump summit"."""
    tokens = question.norm.split()
    return {
        m.entity_id
        for m in question.mentions
        if m.kind == "person"
        and TIME_WORDS & set(tokens[max(m.start - 3, 0) : m.start])
        and _EVENT_WORDS & set(tokens[m.end : m.end + 2])
    }
