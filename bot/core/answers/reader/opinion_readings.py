"""Readings of someone's view: "did Yun want human rights high on the agenda?", "why did…"."""

from __future__ import annotations

import re
from functools import partial

from bot.core.answers.facts.stance import closest_quote, in_their_words, stance
from bot.core.answers.reader.context import Context, Reading
from bot.core.answers.reader.phrases import leftover_topic

#: Verbs that ask what someone wanted or thought, not what they did.
OPINION = re.compile(
    r"\b(?:want|wanted|wants|think|thought|thinks|believe|believed|feel|felt|support|"
    r"supported|favou?r\w*|agree\w*|consider\w*|view\w*|see|saw|regard\w*)\b"
)
#: "Why did X think …": the reasons in the person's own words.
_WHY = re.compile(r"^ (?:so |and |but )?why\b")
#: Above the readings a yes/no about the person would otherwise get (a role claim, profile).
_OVER_CLAIMS = 5.0


def opinion_readings(context: Context) -> list[Reading]:
    """Yes or no from the one person's quote that says most of what the question asks."""
    q, scope = context.question, context.scope
    speakers = [p for p in context.people if p not in q.spoken_of()]
    why = q.has(_WHY) and not context.cue("yes_no")
    if not (context.cue("yes_no") or why) or len(speakers) != 1 or not q.has(OPINION):
        return []
    person_id = speakers[0]
    asked = leftover_topic(q)
    found = closest_quote(scope.kb, person_id, asked) if asked else None
    if found is None:
        return []
    if why:
        # "why did the UN guy think raising rights wouldn't hurt the talks": his reasons
        return [
            Reading(
                "quotes",
                context.cue("purpose") + _OVER_CLAIMS,
                f"why {scope.kb.name_of(person_id)} thought so, in their words",
                partial(in_their_words, scope, person_id, found),
            )
        ]
    return [
        Reading(
            "quotes",
            context.cue("yes_no") + _OVER_CLAIMS,
            f"did {scope.kb.name_of(person_id)} want or think so, by their words",
            partial(stance, scope, person_id, found, q.text),
        )
    ]
