"""Questions outside the knowledge base: places no document names, unrelated questions.

"What's the religious freedom situation in Vietnam?", "who won the 2018 World Cup?",
"any good documentaries you'd recommend?": the honest answer is that the knowledge base
does not cover them, not a letter that happens to share a word.
"""

from __future__ import annotations

import re

from bot.core.answers.facts import uncovered
from bot.core.answers.facts.topic_match import statement_idf
from bot.core.answers.reader.context import Context, Reading
from bot.core.answers.reader.cues import cue_scores
from bot.core.answers.reader.org_descriptions import PLACE_KINDS
from bot.core.answers.reader.phrases import ASKING
from bot.core.answers.reader.question import Question
from bot.core.scope import Scope
from bot.core.search.places import places_in
from bot.core.search.resolve import resolve_country
from bot.core.search.stems import STOP_WORDS, concepts


def unknown_place(scope: Scope, question: Question, best: Reading) -> str | None:
    """A place the question is about that nothing in the knowledge base mentions.

    "What's the religious freedom situation in Vietnam?" names no entity, and no document
    holds "Vietnam": the honest answer is that the knowledge base does not cover it, not a
    letter that happens to mention freedom.
    """
    if question.mentions or question.people() or best.kind in _ANSWERED_ANYWAY:
        return None
    places = places_in(question.text)
    unknown = [p for p in places if not _mentioned(scope, p)]
    # "anyone from Brazil on the list, or was it Argentina?": a place it knows is asked of
    return unknown[0].title() if unknown and len(unknown) == len(places) else None


def _mentioned(scope: Scope, place: str) -> bool:
    """Whether a document names the place, or the country it is another name for."""
    # "anybody from Britain": the data spells it "United Kingdom"
    country = resolve_country(scope, place)
    return scope.index.mentions_any(place) or (
        country is not None and scope.index.mentions_any(country)
    )


def off_topic(scope: Scope, question: Question, best: Reading) -> bool:
    """A question that names nothing, asks in no known way, and is mostly unknown words.

    "Unrelated, but who won the 2018 World Cup?": no entity, no cue, and most of its words
    are in no document; whatever reading its one known word ("world") suggests is a guess.
    """
    # "best bibimbap place in seoul?": a city names a government, no subject of the letters
    places = [m for m in question.mentions if _is_place(scope, m.entity_id)]
    if len(places) < len(question.mentions) or question.roles or best.kind in _ANSWERED_ANYWAY:
        return False
    if question.countries or question.region:  # "european orgs, 2012 list?": a filter
        return False
    named = {w for m in places for w in m.surface.split()}
    if cue_scores(question) or _DOMAIN & set(question.norm.split()) - named:
        return False
    words = [
        w
        for w in dict.fromkeys(question.norm.split())
        if len(w) > 2 and w.isalpha() and w not in STOP_WORDS | ASKING | named
    ][:_MAX_WORDS_CHECKED]
    unknown = [w for w in words if not scope.index.mentions_any(w)]
    return len(words) >= 2 and 2 * len(unknown) > len(words)


def _is_place(scope: Scope, entity_id: str) -> bool:
    """Whether an entity is a government, named by its place ("Seoul", "Pyongyang")."""
    org = scope.kb.organizations.get(entity_id)
    return org is not None and org.kind in PLACE_KINDS


#: "Any good documentaries on the prison camps you'd recommend?": a request for reading or
#: viewing, which the knowledge base (letters, signers, quotes) does not hold.
_ASKING_FOR = r"\b(?:recommend\w*|suggest\w*|should i (?:read|watch))\b"
_READING = (
    r"\b(?:books?|films?|movies?|documentar\w+|podcasts?|videos?|websites?|novels?|memoirs?)\b"
)
RECOMMENDATION = re.compile(rf"{_ASKING_FOR}.*{_READING}|{_READING}.*{_ASKING_FOR}")
#: Words that keep a question on the knowledge base's ground however few others it knows.
_DOMAIN = frozenset(
    "letter letters human rights sign signed signer signers signatory signatories supporters "
    "supporter demand demands abuse abuses coalition ngo ngos group groups korea korean north "
    "south kim prison prisons camp camps quote quoted summit campaign campaigns un regime "
    "pyongyang seoul org orgs organisation organisations organization organizations list".split()
)
#: Words of a question looked up in the index by `_off_topic` (each is one lookup).
_MAX_WORDS_CHECKED = 12
#: Readings that stand whatever places the question names.
_ANSWERED_ANYWAY = frozenset({"who_said", "contact", "not_covered"})


def unknown_stance_readings(context: Context) -> list[Reading]:
    """ "What's HRW's take on the Rohingya?": a view on something no document mentions.

    The sources quote the organisation's or person's people on other things only; the
    answer says first that they report no view on it, then what they do quote.
    """
    scope, q = context.scope, context.question
    found = _STANCE_ON.search(q.norm)
    speakers = context.orgs or context.people
    if found is None or not speakers:
        return []
    speaker = speakers[0]
    words = [w for w in found.group(1).split() if len(w) > 3 and w not in STOP_WORDS][:4]
    said = scope.kb.derived("statement_idf", statement_idf)  # "famine" is their "hunger"
    if not words or any(scope.index.mentions_any(w) or concepts(w) & said.keys() for w in words):
        return []
    name = scope.kb.name_of(speaker)
    thing = found.group(1).strip()
    return [
        Reading(
            "not_covered",
            context.cue("quotes") + 5.0,
            f"{name} on {thing} (not in the sources)",
            lambda: uncovered.not_covered(scope, f"any view of {name} on {thing}", None),
        )
    ]


#: "take on", "stance on", "view of", "position on": what someone thinks of something.
_STANCE_ON = re.compile(
    r"\b(?:take|stance|view|views|position|opinion|opinions|thoughts|line) (?:on|of|about|"
    r"regarding|towards?) (?:the )?((?:\w+ ){0,5}\w+)"
)
