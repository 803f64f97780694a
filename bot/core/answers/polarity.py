"""How a yes-or-no answer opens, for the way its question was put.

"True or false: …" is answered "Yes, that is true" or "No, that is false". A negative
statement with a tag ("the 2018 letter didn't mention the UN at all, right?") is answered
for the statement: "No, …" when the sources show the opposite, "Yes, that's right, …" when
they bear it out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.answer import Answer


def as_asked(norm: str, answer: Answer) -> Answer:
    """The answer, its opening Yes or No put as the question asked for it."""
    if norm.startswith((" true or false", " true false")):
        return _reopened(answer, "Yes, that is true", "No, that is false")
    if _NEGATIVE_STATEMENT.search(norm) and _TAG.search(norm):
        # the answer checked what the statement denies: its Yes disagrees with the statement
        return _reopened(answer, "No, the sources show otherwise", "Yes, that's right")
    return answer


def _reopened(answer: Answer, after_yes: str, after_no: str) -> Answer:
    """The answer with its opening "Yes" or "No" replaced."""
    direct = answer.direct
    if not direct:
        return answer
    for word, verdict in (("Yes", after_yes), ("No", after_no)):
        if direct.startswith(word) and not direct[len(word) : len(word) + 1].isalpha():
            rest = direct[len(word) :].lstrip(".,:; ")
            if rest.split(" ", 1)[0] in _PLAIN_OPENERS:  # not a name: "Amnesty …" stays
                rest = rest[:1].lower() + rest[1:]
            new = f"{verdict}: {rest}" if rest else f"{verdict}."
            lead = (
                (new, *answer.lead[1:])
                if answer.lead and answer.lead[0] == direct
                else (answer.lead)
            )
            return replace(answer, direct=new, lead=lead)
    return answer


#: Words a sentence may open with that are not names, lower-cased after "that is true:".
_PLAIN_OPENERS = frozenset("The It They He She There This That Both Neither".split())
#: A statement that something did not happen, not a question opening with "didn't":
#: "the 2012 letter didn't talk about hunger", "CSW never signed it".
_NEGATIVE_STATEMENT = re.compile(
    r"^ (?!(?:didn t|didnt|did|does|doesn t|doesnt|do|was|wasn t|were|weren t|is|isn t|are|"
    r"aren t|has|have|what|who|which|when|where|why|how)\b)(?:\w+ ){1,8}?"
    r"(?:didn t|didnt|did not|doesn t|doesnt|does not|never|wasn t|was not|weren t|"
    r"were not|isn t|is not)\b"
)
#: A tag asking to be told the statement is right: "…, right?", "…, correct?".
_TAG = re.compile(r"\b(?:right|correct|true|yeah|yes|innit|am i right|am i wrong)\b")
