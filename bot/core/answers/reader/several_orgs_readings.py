"""What each of several organisations named together is, or how many letters each signed.

"amnesty vs FIDH, what are they per the data?", "what are ICC and CSW?": each one's kind,
country and work, not the first one's profile alone. "did HRW sign more of the letters than
CSW?": each one's letters, counted.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.openers import answer_orgs
from bot.core.answers.facts.org_letters import more_letters
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading
from bot.core.answers.reader.role_readings import MAX_PEOPLE, named_together

#: "what are they", "who were they", "what do they do" ("X vs Y" alone may ask anything).
_WHAT_ARE_THEY = re.compile(
    r"^ (?:what|who) (?:are|were|r)\b|\b(?:what|who) (?:are|were|r) (?:they|both|the two)\b|"
    r"\bwhat do (?:they|both|the two|each) do\b"
)


def several_orgs_readings(context: Context) -> list[Reading]:
    """Several organisations named side by side and asked what they are."""
    q = context.question
    orgs = context.orgs[:MAX_PEOPLE]
    if len(orgs) < 2 or context.people or context.cue("yes_no") or not q.has(_WHAT_ARE_THEY):
        return []
    if q.ids("letter") or not named_together(q, orgs):
        return []  # "what did Amnesty and HRW ask for in the 2012 letter?"
    names = " and ".join(context.scope.kb.name_of(o) for o in orgs)
    return [
        Reading(
            "org",
            max(context.cue("profile"), 4.0) + SUBJECT_FIT + 2.0,
            f"what {names} are",
            lambda: answer_orgs(context.scope, orgs),
        )
    ]


#: "did HRW sign more of the letters than CSW did", "which signed more letters, X or Y".
_MORE_LETTERS = re.compile(
    r"\b(?:more|fewer) (?:of (?:the|these|those) )?(?:letters|ones)\b|"
    r"\b(?:more|fewer) (?:letters|ones)? ?than\b.*\bletters\b"
)


#: "which signed more letters, HRW or Amnesty?": the one that did.
_WHICH = re.compile(r"^ (?:which|who)\b")


def more_letters_readings(context: Context) -> list[Reading]:
    """Two organisations, and which signed more of the letters."""
    orgs = context.orgs[:2]
    if len(orgs) < 2 or context.people or not context.question.has(_MORE_LETTERS):
        return []
    first, second = orgs
    kb = context.scope.kb
    return [
        Reading(
            "letters",
            max(context.cue("signed"), context.cue("compare"), 4.0) + SUBJECT_FIT + 3.0,
            f"did {kb.name_of(first)} sign more letters than {kb.name_of(second)}",
            lambda: more_letters(context.scope, first, second, which=context.question.has(_WHICH)),
        )
    ]
