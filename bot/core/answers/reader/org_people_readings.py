"""Readings of questions that list an organisation's people.

"All the CSW people named?", "which staff members of ICC are mentioned?", "who from HRW
appears in the sources?": everyone the sources name in a role there.
"""

from __future__ import annotations

import re

from bot.core.answers.facts import people_lists
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading
from bot.core.answers.reader.question import Question

#: Words for the people of an organisation.
_PEOPLE = r"(?:people|persons|staff|staffers|staff members|employees|officials|spokespeople|reps)"
#: Asked for as a list: "who are ICC, the Christian Concern people?" asks what ICC is.
_AS_A_LIST = re.compile(
    r"\b(?:all|every|list|which|name|named|mentioned|appear\w*)\b|\bwho (?:from|at)\b"
)


def org_people_readings(context: Context) -> list[Reading]:
    """ "All the CSW people named?": the organisation's people the sources name."""
    q, scope = context.question, context.scope
    # A person named is asked about; one a role seems to fit ("staff members of …") is not.
    if not context.orgs or q.subjects("person") or not q.has(_AS_A_LIST):
        return []
    if context.cue("quoted_about") or context.cue("quotes") >= 5:
        return []  # "which HRW people were quoted about it": the quoted, read elsewhere
    org_id = next((o for o in context.orgs if _people_of(q, o)), None)
    if org_id is None or not scope.kb.people_of(org_id):
        return []
    return [
        Reading(
            "people",
            7.5 + SUBJECT_FIT,  # above "did CSW sign", which "the CSW people named" echoes
            f"people of {scope.kb.name_of(org_id)}",
            lambda: people_lists.people_of_org(scope, org_id),
            subject=org_id,
        )
    ]


def _people_of(question: Question, org_id: str) -> bool:
    """Whether the question speaks of the organisation's people.

    "CSW people", "staff of ICC", "who from HRW"; not "missing Japanese people" beside "the
    coalition list".
    """
    for mention in question.mentions:
        if mention.entity_id != org_id or not mention.surface:
            continue
        name = re.escape(mention.surface)
        if re.search(
            rf" {name} (?:s )?{_PEOPLE}\b|\b{_PEOPLE} (?:of|from|at|with) (?:the )?{name} |"
            rf"\bwho (?:from|at) (?:the )?{name} ",
            question.norm,
        ):
            return True
    return False


#: Someone of an organisation, right after its name: "the Amnesty spokesperson".
_SOMEONE_OF = frozenset(
    "spokesperson spokesman spokeswoman spokespeople rep representative people person guy "
    "staff staffer official director head contact".split()
)
_SAID = re.compile(r"\b(?:say|said|says|quoted|quote|comment\w*|react\w*|respond\w*)\b")


def unquoted_org_readings(context: Context) -> list[Reading]:
    """ "What did the Amnesty spokesperson say?": nobody of Amnesty is quoted; say so."""
    q, scope = context.question, context.scope
    if not context.orgs or q.subjects("person") or not q.has(_SAID):
        return []
    kb, tokens = scope.kb, q.norm.split()
    unquoted = next(
        (
            m.entity_id
            for m in q.mentions
            if m.entity_id in context.orgs
            and _word_after(tokens, m.end) in _SOMEONE_OF
            and not any(kb.quotes_by(p.id) for p in kb.people_of(m.entity_id))
        ),
        None,
    )
    if unquoted is None:
        return []
    return [
        Reading(
            "not_covered",
            9.0 + SUBJECT_FIT,
            f"words of someone at {kb.name_of(unquoted)} (no one of it is quoted)",
            lambda: people_lists.no_one_quoted(scope, unquoted),
            subject=unquoted,
        )
    ]


def _word_after(tokens: list[str], end: int) -> str:
    """The word after a name, past a possessive ("Amnesty's spokesperson")."""
    at = end + (1 if tokens[end : end + 1] == ["s"] else 0)
    return tokens[at] if at < len(tokens) else ""
