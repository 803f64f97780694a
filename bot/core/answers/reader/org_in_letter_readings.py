"""What a named letter says about an organisation named after "about".

"What does the 2012 release say about Free NK Gulag?": the group's part in that letter and
what it is, rather than a search of the letter's text for the group's name.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.org_in_letter import org_in_letter
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading

#: "say about", "mention about", "note about", "write about", "what role did … play".
_SAYS_ABOUT = re.compile(
    r"\b(?:say|says|said|note|notes|noted|write|writes|wrote|record|records|tell us)"
    r"(?: \w+)? about\b|\bwhat role did\b|\bwhat part did\b"
)


#: What may follow the group: nothing, or the verb of "what role did it play".
_ENDS = frozenset({"play", "played", "have", "had"})
#: Groups a letter gives a part to (a government or an outlet is a topic or a source).
_CAMPAIGNERS = frozenset({"ngo", "coalition"})


def org_in_letter_readings(context: Context) -> list[Reading]:
    """One organisation asked about in one named letter's record."""
    q = context.question
    letter = context.letter
    says = _SAYS_ABOUT.search(q.norm)
    if letter is None or says is None or context.people or context.cue("yes_no"):
        return []
    # the group right after "about" or "did": not one that wrote about it, nor the source
    words = q.norm.split()
    after = len(q.norm[: says.end()].split())
    asked = [
        m.entity_id
        for m in q.mentions
        if m.kind == "organization" and m.start == after and set(words[m.end : m.end + 1]) <= _ENDS
    ]
    if len(asked) != 1:
        return []
    org = context.scope.kb.organizations[asked[0]]
    if org.kind not in _CAMPAIGNERS:
        return []  # "what did the letter say about North Korea's prison camps": a topic
    if org.id in context.question.source_orgs:
        return []  # "what does the CSW release say about …": CSW is the source, not the topic
    return [
        Reading(
            "org",
            max(context.cue("topic"), 4.0) + SUBJECT_FIT + 3.5,
            f"what {letter.title} says about {org.name}",
            lambda: org_in_letter(context.scope, org, letter),
        )
    ]
