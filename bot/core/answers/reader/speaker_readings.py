"""Readings of what a quoted person listed or demanded.

"Which abuses did the Florida senator list?", "what demands did Benedict Rogers make?".
Demands and abuses are a letter's, but a person who signs no letter lists them only in
what the sources quote of them: their quotes answer. A letter's recipient is asked of
("what demands did Moon get") and a named letter is the letter's own.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.quote_answers import answer_quotes
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading

#: Someone listing or demanding: "did the senator list", "what did Rogers demand".
_DID_LIST = re.compile(
    r"\b(?:did|does|do|has|have|had) (?:\S+ ){1,5}?(?:list|cite|name|make|mention|raise|want|"
    r"demand|call for|ask for|push for|press for|bring up|enumerate|catalog|catalogue|"
    # "what wrongdoing did the lawmaker from Florida accuse the Kim government of?"
    r"outline|detail|accuse|charge|blame)\b|"
    # "The Republican senator from Florida listed North Korea's abuses. What were they?"
    r"\b(?:listed|cited|enumerated|demanded|called for|pushed for|pressed for|brought up)\b|"
    # "phil robertson what he demand from president moon?": a learner's grammar
    r"\b(?:he|she) (?:demand|want|ask|call for|urge|push for|press for)(?:s|ed)?\b|"
    # "Rubio rattled off a whole list of stuff the Kim regime does"
    r"\b(?:rattl|reel)\w* off\b|\bread (?:out|off)\b"
)
#: "what did he want Moon to do": the person asked of, whatever letter they spoke on.
_HE_WANTED = re.compile(
    r"\bwhat (?:did|does) (?:he|she) (?:want|ask|urge|demand|call for|push for|press for)\b"
)
#: Over the letter's own list and the person's card: the person did the listing.
_OVER_THE_LETTER = 1.5


def speaker_content_readings(context: Context) -> list[Reading]:
    """A quoted person asked what they demanded or listed: their quotes."""
    scope, q = context.scope, context.question
    asked = max(context.cue("demands"), context.cue("abuses"))
    # a year only dates the person ("HRW's Asia deputy director in 2019 - what did he want
    # Moon to do?"); a letter named is the letter's own list
    speaker = _speaker(context)
    if not asked or speaker is None or (" letter" in q.norm and not q.has(_HE_WANTED)):
        return []  # "… on the Moon letter - what did he want Moon to do?": his words
    if not q.has(_DID_LIST):
        return []  # "the Seoul one where HRW's deputy got quoted — the main gripe?": a letter
    person_id = speaker
    if scope.kb.letters_to(person_id) or not scope.kb.quotes_by(person_id):
        return []
    name = scope.kb.name_of(person_id)
    return [
        Reading(
            "quotes",
            asked + SUBJECT_FIT + _OVER_THE_LETTER,
            f"quotes by {name}: what they demanded or listed",
            lambda: answer_quotes(scope, [person_id], None),
        )
    ]


def _speaker(context: Context) -> str | None:
    """The one person who speaks: the only one named, or the first of several.

    The first speaks when the others are whom the words are for ("what did Robertson
    demand from President Moon?").
    """
    if len(context.people) == 1:
        return context.people[0]
    q = context.question
    tokens = q.norm.split()
    named = sorted((m for m in q.mentions if m.kind == "person"), key=lambda m: m.start)
    if len(named) < 2 or {m.entity_id for m in named} != set(context.people):
        return None
    addressed = all(m.start > 0 and tokens[m.start - 1] in _TO_WHOM for m in named[1:])
    return named[0].entity_id if addressed else None


#: Words before a person the words are addressed to or about, not a speaker.
_TO_WHOM = frozenset({"from", "to", "of", "on", "about", "at", "with", "toward", "towards"})
