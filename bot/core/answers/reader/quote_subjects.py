"""What the quotes a question asks for should be about: a letter, an event or a phrase.

"what did the CSW guy say about the Seoul letter" asks for his words on that letter; "what
did Yun tell the Senate" for his testimony; "Rogers on Moon and peace on the peninsula" for
his words that speak of it.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.topic_match import speaks_of
from bot.core.answers.reader.context import Context
from bot.core.answers.reader.event_clues import named_after
from bot.core.answers.reader.phrases import about_phrase
from bot.core.answers.reader.question import Question
from bot.core.search.stems import stems

_ABOUT_A_LETTER = re.compile(
    r"\b(?:about|on|regarding|concerning) (?:the |that |this )?(?:\w+ ){0,3}(?:letter|one|appeal) $"
)


def subject_of_quotes(context: Context) -> str | None:
    """What quotes should be about: a letter or event named, else the words after "about"."""
    q = context.question
    kb = context.scope.kb
    took_part = [e for e in context.events if set(context.people) & set(kb.events[e].participants)]
    if took_part and not about_phrase(q, strict=True):
        return took_part[0]  # "what did Yun tell the Senate": his testimony
    if context.letter is not None and q.has(_ABOUT_A_LETTER):
        return context.letter.id  # "what did the CSW guy say about the Seoul letter"
    for org_id in (o for o in q.ids("organization") if o in q.objects):
        linked = [
            e.id
            for e in kb.events.values()
            if org_id in e.organizations
            and named_after(kb, org_id, frozenset(stems(" ".join((e.title, *e.aliases)))))
        ]
        if linked:
            return linked[0]  # "about the Commission of Inquiry": its inquiry
    if q.ids("letter") or q.ids("event"):
        return (q.ids("letter") or q.ids("event"))[0]
    phrase = about_phrase(q, strict=True)
    if context.events and phrase:
        event = kb.events[context.events[0]]
        # Described, not named, and not where they spoke (Yun's testimony is his occasion)
        described_only = event.id not in q.ids("event") and not took_part
        if described_only and any(
            speaks_of(kb, phrase, quote.text) for p in context.people for quote in kb.quotes_by(p)
        ):
            return phrase  # "Rogers on Moon and peace on the peninsula": his words on it
        return context.events[0]  # "about the summit agenda": about the summit
    best = context.fits[0] if context.fits else None
    if (
        best is not None
        and context.letter is not None
        and ("named" in best.clues or str(best.letter.year) in best.clues or q.descriptors)
    ):
        return best.letter.id
    return about_phrase(q, strict=True) or q.quoted  # "Adams' 'open prison' quote"


#: "why did Rogers say …", "why does the rapporteur think …": the person's reasons.
WHY_SAID = re.compile(
    r"^ (?:so |and |but )?why (?:did|does|do|would) (?:\w+ ){1,5}?(?:say|said|claim|argue|"
    r"write|tell|call|describe|think|believe)\b"
)
#: "quoted anywhere in the coverage of the 52-group letter": its articles, not the letter.
COVERAGE = re.compile(r"\b(?:coverage|articles?|reporting|press|stories|story)\b")
#: As strong as asking for someone's words outright.
ACCORDING_TO_CUE = 6.0


def according_to(q: Question, person_id: str) -> bool:
    """Whether the question opens "according to <the person>," (or "per <the person>,")."""
    tokens = q.norm.split()
    return any(
        m.entity_id == person_id
        and m.surface
        and (tokens[: m.start] == ["according", "to"] or tokens[: m.start] == ["per"])
        for m in q.mentions
    )
