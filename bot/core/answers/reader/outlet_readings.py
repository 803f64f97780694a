"""Readings of what an outlet's coverage quotes: "who was quoted in the RFA article?".

An organisation that published sources (a news outlet, a group's own release) is asked
whom its coverage quotes, or whether it quoted someone ("did RFA quote Adams?").
"""

from __future__ import annotations

import re

from bot.core.answers.facts import lists
from bot.core.answers.facts.outlet_quotes import outlet_quotes
from bot.core.answers.facts.publishers import published_by
from bot.core.answers.reader.context import Context, Reading, letter_fit
from bot.core.answers.reader.question import Question
from bot.core.kb.corpus import KnowledgeBase


def outlet_readings(context: Context) -> list[Reading]:
    """Everyone an outlet's coverage quotes, or whether it quoted the person named."""
    scope, q = context.scope, context.question
    kb = scope.kb
    out = []
    outlet = _asked_of_outlet(context)
    if outlet is not None:
        out.append(
            Reading(
                "quoted_about",
                # above the letter the outlet's coverage (and the people quoted) point to
                context.cue("quoted_about")
                + max(2.5, letter_fit(context) + 0.5 if context.letter else 0.0),
                f"everyone quoted in {kb.name_of(outlet)}'s coverage",
                lambda: lists.quoted_in_sources_of(scope, outlet),
            )
        )
    quoting = _outlet_quoting(q, kb) if context.cue("yes_no") else None
    if quoting is not None:
        # "Radio Free Asia, it quoted also Brad Adams, yes?": whether that outlet quotes them
        org_id, person_id = quoting
        out.append(
            Reading(
                "yes_no",
                context.cue("yes_no") + 5.0,
                f"did {kb.name_of(org_id)} quote {kb.name_of(person_id)}",
                lambda: outlet_quotes(scope, org_id, person_id),
            )
        )
    return out


def _asked_of_outlet(context: Context) -> str | None:
    """The outlet whose coverage's quotes are asked for, if the question asks for them."""
    q, kb = context.question, context.scope.kb
    if not context.cue("quoted_about") or context.events:
        return None
    sources_only = [o for o in q.source_orgs if o in kb.organizations]
    # a letter found only from the outlet that covered it is no subject of its own
    if sources_only and (context.letter is None or not (q.years or " letter" in q.norm)):
        return sources_only[0]  # "Who was quoted in the RFA article?"
    # "who did RFA quote in its 2018 story?", "the people the radio station quoted": the
    # outlet quotes, and its coverage is of one letter anyway
    outlets = [o for o in context.orgs if kb.organizations[o].kind == "media"]
    return outlets[0] if outlets and q.has(_THE_OUTLET_QUOTED) else None


#: "RFA quoted", "the radio station quoted or paraphrased", "quoted by RFA".
_THE_OUTLET_QUOTED = re.compile(
    r"\b(?:quot\w*|paraphras\w*|cit(?:e|es|ed|ing)|interview\w*)\b(?: (?:or|and) \w+)? "
    r"(?:in (?:its|their|the)|by)\b|\b(?:did|does|do) (?:\w+ ){1,4}?(?:quote|cite|interview)\b|"
    r"\b(?:people|persons|everyone|anyone|who) (?:\w+ ){1,5}?(?:quoted|paraphrased|cited)\b"
)


def _outlet_quoting(q: Question, kb: KnowledgeBase) -> tuple[str, str] | None:
    """The outlet and the person in "did RFA quote Adams?" or "was Adams quoted by ICC?"."""
    for outlet in (m for m in q.mentions if m.kind == "organization" and m.surface):
        if not published_by(kb, outlet.entity_id):
            continue
        for person in (m for m in q.mentions if m.kind == "person" and m.surface):
            between = " ".join(q.norm.split()[outlet.end : person.start])
            after = " ".join(q.norm.split()[person.end : outlet.start])
            if _QUOTES_THEM.fullmatch(between) or _QUOTED_BY.fullmatch(after):
                return outlet.entity_id, person.entity_id
    return None


#: What stands between an outlet and the person it quotes: "quoted also", "ever cite".
_QUOTES_THEM = re.compile(r"(?:\w+ ){0,3}?(?:quot\w*|cite\w*|cited|citing)(?: \w+){0,2}")
#: Between a person and the outlet quoting them: "quoted by", "cited in the coverage of".
_QUOTED_BY = re.compile(r"(?:\w+ ){0,2}?(?:quoted|cited) (?:by|in)(?: \w+){0,3}")
