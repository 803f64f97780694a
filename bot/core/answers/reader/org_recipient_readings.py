"""The reading of "did ICNK write to both Kim and Moon?": an organisation's letters' recipients.

The organisation is the one writing and the people after "to" are whom it is said to have
written to. A letter named by its year ("did HRW write the 2018 letter to Kim?") asks who
organised that letter instead, and is left to the letter's own readings.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.recipients import wrote_to
from bot.core.answers.reader.context import Context, Reading
from bot.core.answers.reader.org_descriptions import PLACE_KINDS
from bot.core.kb.sentences import and_list

#: Writing to someone: "wrote to", "sent a letter to", "ever written an open letter to".
_WROTE_TO = re.compile(
    r"\b(?:write|writes|wrote|written|writing|send|sends|sent|sending|address|addressed|"
    r"pen|penned|petition|petitioned|appeal|appealed)(?: (?!to\b)\w+){0,3}? to\b"
)
#: The leaders every letter went to, named as a group: "both Koreas' leaders".
_BOTH_LEADERS = re.compile(
    r"\bboth (?:koreas? |korean |)leaders\b|\bleaders of both (?:koreas|sides)\b|"
    r"\bboth (?:korean |)heads of state\b"
)
#: Words that may come before the group that writes: "did", "has the", "so did".
_BEFORE_THE_WRITER = frozenset("did does do has have had was is so and but the".split())
_LETTER_WORDS = frozenset({"letter", "letters", "one"})
#: Above the readings of a letter's recipient and of the letters compared.
_FIT = 13.0


def org_recipient_readings(context: Context) -> list[Reading]:
    """Whether the one organisation named before "wrote to" wrote to the people named after."""
    scope, q = context.scope, context.question
    kb = scope.kb
    if q.years or q.ids("letter") or not context.cue("yes_no"):
        return []
    writing = _WROTE_TO.search(q.norm)
    if writing is None:
        return []
    verb_at = len(q.norm[: writing.start()].split())
    # The group before the verb writes ("did HRW write to Moon"), even where it would describe
    # a letter ("the HRW letter"); "did anyone write to Moon for HRW" is no group writing.
    tokens = q.norm.split()
    writers = {
        m.entity_id
        for m in q.mentions
        if m.kind == "organization"
        and kb.organizations[m.entity_id].kind not in PLACE_KINDS
        # the group is the verb's subject: "did HRW ever write to", not "did Amnesty sign
        # the letter sent to Kim" or "was the letter on the UN vote addressed to Kim"
        and set(tokens[: m.start]) <= _BEFORE_THE_WRITER
        and 0 <= verb_at - m.end <= 2
        and not _LETTER_WORDS.intersection(tokens[m.end : verb_at])
    }
    if len(writers) != 1:
        return []
    (org_id,) = writers
    if q.has(_BOTH_LEADERS):
        people = list(dict.fromkeys(x.recipient for x in kb.letters.values() if x.recipient))
    else:
        people = list(
            dict.fromkeys(
                m.entity_id for m in q.mentions if m.kind == "person" and m.start >= verb_at
            )
        )
    if not people:
        return []
    org = kb.organizations[org_id]
    persons = [kb.people[p] for p in people]
    names = and_list([p.name for p in persons])
    return [
        Reading(
            "yes_no",
            _FIT,
            f"did {org.name} write to {names}",
            lambda: wrote_to(scope, org, persons),
            subject=org.id,
        )
    ]
