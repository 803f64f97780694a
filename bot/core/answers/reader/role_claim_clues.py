"""Whether a yes-or-no question claims who someone is: a party, title or employer.

"Was Robertson HRW's Asia director?", "Rogers works for CSW, right?", "ha tae keung - on
icnk coordinating committee?" claim a role; "did Rogers recall the Commission of Inquiry"
claims something he did, which other readings check.
"""

from __future__ import annotations

import re

from bot.core.answers.reader.opinion_readings import OPINION
from bot.core.answers.reader.phrases import SENT_TO
from bot.core.answers.reader.question import Question

#: Words that claim something of a person: a party, a state, a title, an employer.
_TITLES = (
    r"republican|democrat\w*|senator|rapporteur|director|deputy|representative|rep|special|"
    r"spokes\w*|coordinator|manager|minister|chair\w*|head|contact|member|president|leader|"
    r"envoy|reporter|lawmaker|legislator|official"
)
#: "Rubio, from Florida?", "is Robertson with HRW": these claim something only right
#: after the name ("removed from his job", "raised it with Kim" claim no attribute).
_NEAR_ATTRIBUTE = re.compile(r"\b(?:from|with|works? (?:for|at)|based|located|stationed)\b")
#: A title in the plural claims one too: "among the press contacts", "one of the senators".
_FAR_ATTRIBUTE = re.compile(rf"\b(?:{_TITLES})s?\b")
_ATTRIBUTE = re.compile(
    rf"\b(?:(?:{_TITLES})s?|from|works? (?:for|at)|with|based|located|stationed)\b"
)
#: What someone said or did ("did the Florida senator call it …"): not who they are.
_SAID_OR_DID = re.compile(
    r"\b(?:said|says|told|tells|recalled|recalls|claimed|argued|warned|called|described|"
    r"stated|urged|raised|testified|cautioned|insisted|stressed|spoke|wrote|"
    r"urge|warn|caution|insist|stress|critici[sz]e|accuse|call|say|tell|describe|argue)\b"
)
#: Words after the name that say where in the question the claim lies.
_AFTER_NAME = 8
_CLAUSE_BREAK = frozenset("and but when while because or so then".split())
#: "Is Robertson with HRW", "did Ha sit on the committee", "served as its president", "ha
#: tae keung - on icnk coordinating committee?": a claim about who someone is, not
#: something they did ("did Moon reverse course on it").
_BEING = re.compile(
    r"^ (?:is|was|are|were|isn ?t|wasn ?t)\b|\b(?:works?|worked|working|employed|member|staff\w*|"
    r"employee|down as|affiliated|represent\w*|speaks? for|spokes\w*|part of|belong\w*|"
    r"s[ai]ts? on|serv\w* (?:on|as|with|at))\b|\bright $|\bon (?:the |its )?(?:\w+ ){0,3}"
    r"(?:committee|board|council|secretariat)\b"
)


def claims_attribute(q: Question, person_id: str) -> bool:
    """Whether the question claims a party, title or employer of the person it names.

    The claim follows the name ("was Robertson HRW's Asia director?", "Rubio is a
    Democrat"); a title before it ("President Moon issued…") is part of how they are named.
    """
    if not q.has(_ATTRIBUTE):
        return False
    tokens = q.norm.split()
    named = [m for m in q.mentions if m.entity_id == person_id and m.surface]
    if not named:
        # found by a role ("is the Florida senator a Democrat?"); but "did any letter go
        # to a South Korean president?" describes whom a letter went to, and "the former
        # envoy told senators …, accurate?" claims what was said, and "did the UN rapporteur
        # regard dialogue as an obstacle?" a view: none of them claims a role
        return not q.has(SENT_TO) and not q.has(_SAID_OR_DID) and not q.has(OPINION)
    for mention in named:
        window = tokens[mention.end : mention.end + _AFTER_NAME]
        if window[:1] and _SAID_OR_DID.match(window[0]):
            continue  # "that Rogers recalled the Commission of Inquiry …": what he said
        # "Rubio was pushing, and when did the president sign it": a new clause, a new claim
        window = window[: next((i for i, t in enumerate(window) if t in _CLAUSE_BREAK), None)]
        near = " ".join(window[:2])
        after = " ".join(window)
        if _NEAR_ATTRIBUTE.search(near) or _FAR_ATTRIBUTE.search(after):
            return True
    return False


def claims_employer(q: Question, person_id: str, orgs: list[str]) -> bool:
    """Whether the question claims the person is with an organisation it names after them.

    "Is Robertson with HRW?", "Rogers works for CSW, right?"; not "the letter HRW
    coordinated was sent to Trump or to Kim?".
    """
    if not orgs or not q.has(_BEING):
        return False
    named = [m for m in q.mentions if m.entity_id == person_id and m.surface]
    if not named:
        # found by a role ("is the HRW deputy director with CSW?"), unless what it said
        return not q.has(_SAID_OR_DID)
    tokens = q.norm.split()
    # "that Rogers recalled the Commission of Inquiry …": what he said, not where he works
    people_at = [
        m.end for m in named if not _SAID_OR_DID.match(" ".join(tokens[m.end : m.end + 1]))
    ]
    orgs_at = [m.start for m in q.mentions if m.entity_id in orgs]
    return any(0 <= o - p <= _AFTER_NAME for p in people_at for o in orgs_at)
