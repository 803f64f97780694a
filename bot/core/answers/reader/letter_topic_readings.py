"""Readings of what one letter says: on a topic, in the passages quoted, or in full.

"Did the 2018 letter say anything about aid?", "what did it say about prisons", "the
letter's exact words": each reads the letter's own statements, scored by how much of the
topic they cover (a topic the letter covers only in part is often chat around another
question).
"""

from __future__ import annotations

import re

from bot.core.answers.facts import topic_match, topics
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading, only_guessed
from bot.core.answers.reader.countries import is_signer_country
from bot.core.answers.reader.phrases import (
    about_phrase,
    asked_for,
    leftover_topic,
    people_only_in_topic,
)
from bot.core.kb.models import Letter


def said_readings(context: Context, letter: Letter, fit: float) -> list[Reading]:
    """What the letter says on the question's topic, quotes of it, or its full text."""
    scope, q = context.scope, context.question
    title = letter.title
    yes_no = bool(context.cue("yes_no"))
    out: list[Reading] = []
    if (
        context.cue("yes_no")
        and (context.cue("demands") or context.cue("topic") or context.cue("abuses"))
        and (not context.people or people_only_in_topic(q, asked_for(q, with_whom=True)))
    ):
        asked = asked_for(q)
        if asked and re.match(r"(?:any|some)thing\b.* about ", asked):
            # "say anything positive at all about X's dialogue": X's dialogue is the topic
            asked = about_phrase(q) or asked
        if asked:
            out.append(
                Reading(
                    "topic",
                    context.cue("yes_no") + fit + 3.0,
                    f"does {title} speak of {asked}",
                    lambda: topics.topic(scope, letter, asked, yes_no=yes_no, claimed=q.numbers),
                )
            )
    # "Ha Tae Keung's full quote from the 2012 release" asks for his words, not the letter's.
    if context.cue("excerpts") and not context.cue("full_text") and not context.people:
        out.append(
            Reading(
                "identify",
                context.cue("excerpts") + fit,
                f"what the sources quote of {title}",
                lambda: topics.full_text(scope, letter, passages=True),
            )
        )
    if context.cue("full_text") and not context.people:  # "Cardin, word for word": his quotes
        out.append(
            Reading(
                "not_covered",
                context.cue("full_text") + fit,
                f"the full text of {title} (not in the sources)",
                lambda: topics.full_text(scope, letter),
            )
        )
    leftover = leftover_topic(q) if not about_phrase(q) and not context.people else None
    if leftover and any(is_signer_country(scope, c) for c in q.countries):
        leftover = None  # "any signer from Latin America": a filter of the signatories
    noted = topics.in_the_notes(scope, letter, leftover) if leftover else None
    if noted is not None:
        # Below any reading a cue asked for: the notes answer what nothing else does.
        out.append(
            Reading("letter", 3.5 + fit, f"what the sources note about {title}", lambda: noted)
        )
    said = max(context.cue("letter_says"), context.cue("quotes"), context.cue("topic"))
    if (
        leftover
        and not said
        and fit > SUBJECT_FIT
        and topic_match.statement_speaks_of(scope, letter, leftover)
    ):
        # "What condition did the 2018 letter attach to aid?": no "say", but its words.
        out.append(
            Reading(
                "topic",
                fit + 3.0,
                f"what {title} says about {leftover}",
                lambda: topics.topic(scope, letter, leftover, yes_no=yes_no, claimed=q.numbers),
            )
        )
    # A letter guessed from the words alone, in a question that names no letter, is no
    # subject to quote passages of ("the Human Rights Council did something on March 23").
    if (
        leftover
        and said
        and not only_guessed(context)
        and not context.cue("sources")  # "which outlets are mentioned in …": the sources
        and not context.cue("quoted_about")  # "which NGO people were quoted about it"
        and (covered := topic_match.letter_fit(scope, letter, leftover)) >= topic_match.TOPIC_FIT
    ):
        # "2018 letter to Kim + prisons, what did it say?": what is left is the topic. The
        # less of it the letter covers, the more of it is chat around another question.
        out.append(
            Reading(
                "topic",
                said + fit + 2.0 * covered,
                f"what {title} says about {leftover}",
                lambda: topics.topic(scope, letter, leftover, yes_no=yes_no, claimed=q.numbers),
            )
        )
    return out
