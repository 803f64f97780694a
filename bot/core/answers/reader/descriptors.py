"""Names that describe a letter rather than being what a question asks about.

"The HRW letter", "the letter to Moon", "the letter coordinated by HRW", "what did the
letter tell Kim", "the letter before the Singapore summit": the organisation, person or
event named there says which letter is meant. `question` records them as descriptors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Organization
from bot.core.search.names import Mention

_WHEN_WORDS = frozenset({"before", "after", "ahead", "following", "prior", "preceding"})
_LETTER_WORDS = frozenset(
    {"letter", "letters", "one", "campaign", "appeal", "open", "joint", "petition"}
)
#: Verbs whose object is who a letter asked something of: "urged upon Kim", "tell Moon".
_ASKED_OF = frozenset(
    "tell told telling urge urged urging upon ask asked asking press pressed pressing "
    "demand demanded demanding".split()
)
#: "When Kim was (still) heir-apparent": a time the person's role dates.
_BEING_THEN = frozenset({"was", "still", "had", "became"})
_TO_LETTER = (
    # "the letter coordinated by HRW" names its sender as plainly as "the HRW letter".
    ("coordinated", "by"),
    ("organised", "by"),
    ("organized", "by"),
    ("led", "by"),
    ("spearheaded", "by"),
    ("initiated", "by"),
    ("letter", "to"),
    ("letters", "to"),
    ("sent", "to"),
    ("addressed", "to"),
    ("written", "to"),
    ("write", "to"),
    ("wrote", "to"),
    ("writing", "to"),
    ("letter", "for"),
    ("appeal", "to"),
    ("appealed", "to"),
    ("send", "to"),
    ("went", "to"),
    ("go", "to"),
    ("gone", "to"),
    ("delivered", "to"),
    ("directed", "to"),
    ("one", "to"),
    ("the", "to"),
)


def descriptors(tokens: list[str], mentions: list[Mention]) -> set[str]:
    """Entities used to describe a letter.

    Right before "letter" ("the HRW letter"), right after "letter to" ("the letter to Moon"),
    or an event the letter came before or after ("the letter before the Singapore summit").
    """
    found = set()
    for mention in mentions:
        if mention.kind == "event" and any(
            t in _WHEN_WORDS for t in tokens[max(mention.start - 3, 0) : mention.start]
        ):
            found.add(mention.entity_id)
            continue
        after = tokens[mention.end] if mention.end < len(tokens) else ""
        before = tuple(tokens[max(mention.start - 2, 0) : mention.start])
        following = tokens[mention.end + 1] if mention.end + 1 < len(tokens) else ""
        if after == "one" and following == "of":
            continue  # "is CSW one of the signatories": CSW is the subject
        if after in ("open", "joint") and following not in ("letter", "letters"):
            continue  # "Adams' 'open prison' quote" is his quote, not an open letter
        if (
            after in _LETTER_WORDS
            # "the kim jong un 2018 letter": its recipient, a year, the letter ("freedom
            # house 2012 letter?" asks whether the group signed it)
            or (
                mention.kind == "person"
                and after.isdigit()
                and len(after) == 4
                and following in _LETTER_WORDS
            )
            or (
                after == "s"
                and mention.end + 1 < len(tokens)
                and tokens[mention.end + 1] in _LETTER_WORDS
            )
            or before in _TO_LETTER
            # "the 2018 HRW-organised letter", "the ICNK-led one": who ran it says which
            or (after in _RUN_BY and following in _LETTER_WORDS)
            # "what did HRW's letter tell Kim": Kim is its recipient
            or (mention.kind == "person" and _ASKED_OF.intersection(before[-1:]))
            # "when Kim was still heir-apparent, the open letter…": it dates the letter
            or (mention.kind == "person" and before[-1:] == ("when",) and after in _BEING_THEN)
            # "what was the letter ICC co-signed about?": who did what says which letter
            or (before[-1:] in _A_LETTER_THAT and after in _DID_TO_A_LETTER)
            # "the letter where HRW was the coordinator": the one it ran
            or (
                bool(_LETTER_WORDS.intersection(tokens[max(mention.start - 3, 0) : mention.start]))
                and bool(_RAN_IT.intersection(tokens[mention.end : mention.end + 3]))
            )
        ):
            found.add(mention.entity_id)
    return found


#: After a name, words that make it the one who ran a letter: "the HRW-organised letter".
_RUN_BY = frozenset("organised organized coordinated led backed sponsored run drafted".split())
#: What a group that ran a letter is called after its name ("… HRW was the coordinator").
_RAN_IT = frozenset("coordinator organiser organizer sponsor initiator".split())
#: "the letter ICC co-signed", "the one HRW coordinated": a letter, then who did what to it.
_A_LETTER_THAT = frozenset({("letter",), ("one",), ("appeal",)})
_DID_TO_A_LETTER = frozenset(
    "signed cosigned co joined coordinated organised organized commented wrote sent released "
    "backed endorsed supported published reposted led drafted".split()
)


def claimed_recipients(tokens: list[str], mentions: list[Mention], clues: int) -> set[str]:
    """People a yes/no question claims a letter went to, when something else names it.

    In "was the Seoul one addressed to Kim Jong Un as well?" Kim is the claim to check,
    not a clue to the letter: Seoul says which letter is meant. Without another clue ("was
    the letter sent to Kim?") the person still says which letters could be meant. `clues`
    counts the years and figures that could name it ("the 76-signer letter").
    """
    # "was the Seoul one addressed to Kim?", "the December 2019 letter was sent to Kim, right?"
    tagged = _TAG_QUESTION.search(" ".join(tokens)) is not None  # "…, wasn't it?"
    if not tokens or (tokens[0] not in _CLAIM_OPENERS and tokens[-1] not in _TAGS and not tagged):
        return set()
    claimed = {
        m.entity_id
        for m in mentions
        if m.kind == "person"
        and tokens[max(m.start - 1, 0)] in ("to", "for", "at")
        and _SENT.intersection(tokens[max(m.start - 4, 0) : m.start - 1])
        and _closes_the_claim(tokens[m.end :])
    }
    others = [m for m in mentions if m.entity_id not in claimed]
    return claimed if claimed and (others or clues) else set()


def _closes_the_claim(tail: list[str]) -> bool:
    """Whether words after the person only close the claim ("as well", "as heir-apparent")."""
    tail = _TAG_QUESTION.sub("", " ".join(tail)).split()  # "addressed to Kim, wasn't it?"
    if tail[:1] == ["as"] and len(tail) <= _AS_WHAT:
        return True  # "addressed to Kim Jong-un as heir-apparent?": how he was addressed
    return set(tail) <= _CLOSING


#: At most this many words say as what the person was addressed.
_AS_WHAT = 5
_TAG_QUESTION = re.compile(
    r"(?:^| )(?:wasn ?t|isn ?t|didn ?t|doesn ?t|weren ?t|aren ?t|hasn ?t|haven ?t) "
    r"(?:it|he|she|they|that|there)$"
)
_CLAIM_OPENERS = frozenset("was were is did does has had".split())
_TAGS = frozenset("right correct true accurate".split())
_SENT = frozenset("addressed sent written directed delivered go went meant intended aimed".split())
#: Words that may close the claim: "… addressed to Kim as well?", "… sent to Moon, right?"
_CLOSING = frozenset(
    "as well too also instead then right actually or not correct true accurate yes yeah".split()
)


def claimed_sender(
    kb: KnowledgeBase, norm: str, mentions: Iterable[Mention]
) -> Organization | None:
    """The group a question says organised the letter ("was it coordinated by ICNK?")."""
    claim = _BY.search(norm)
    subject = _SUBJECT_LED.match(norm) if claim is None else None
    if subject is not None:
        # "did ICNK coordinate the 2019 letter?": the group before the verb
        after = f" {subject.group('who')}"
    elif claim is None:
        return None
    else:
        after = norm[claim.end() - 1 :]
    named = [
        m.entity_id for m in mentions if m.kind == "organization" and f" {m.surface} " in after
    ]
    return kb.organizations[named[0]] if named else None


#: "did ICNK coordinate it?", "was it HRW that organised it?": the group before the verb.
_SUBJECT_LED = re.compile(
    r"^ (?:did|does|do|has|had|was it|is it) (?P<who>(?:\w+ ){1,6}?)(?:(?:that|who) )?"
    r"(?:coordinate|organi[sz]e|lead|run|draft|initiate|spearhead|coordinated|organi[sz]ed|led|"
    r"ran|drafted|initiated|spearheaded|release|released|put out|issue|issued)\b"
)
#: "coordinated by", "organised by": the group after it is claimed to have organised it.
_BY = re.compile(
    r"\b(?:coordinated|organi[sz]ed|led|written|drafted|sent|penned|run|released|put out|"
    r"issued) by "
)
