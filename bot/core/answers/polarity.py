"""How a yes-or-no answer opens, for the way its question was put.

"True or false: …" is answered "Yes, that is true" or "No, that is false"; "any Canadian
groups on it?" opens "Yes." when some were found. A negative
statement with a tag ("the 2018 letter didn't mention the UN at all, right?") is answered
for the statement: "No, …" when the sources show the opposite, "Yes, that's right, …" when
they bear it out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.answer import Answer

#: Words that negate a sentence, in normalised text ("he had not brought up human rights").
NEGATION = re.compile(
    r"\b(?:not|never|no|nothing|neither|nor|didn ?t|don ?t|doesn ?t|won ?t|"
    r"wasn ?t|isn ?t|aren ?t|weren ?t|hasn ?t|haven ?t|hadn ?t|shouldn ?t|wouldn ?t|"
    r"couldn ?t|mustn ?t|cannot|can ?t|refused|failed|"
    # "cautioned senators against putting human rights high on the agenda": counsel not to
    r"(?:cautioned|cautioning|warned|warning|advised|advising|argued|arguing|counsell?ed)"
    r"(?: \w+){0,2} against)\b"
)


def as_asked(norm: str, answer: Answer, message: str = "") -> Answer:
    """The answer, its opening Yes or No put as the question asked for it.

    `norm` is the question answered; `message` the whole message it came in, whose
    "… True or false?" may stand apart from the claim.
    """
    if _TRUE_OR_FALSE.search(norm) or _TRUE_OR_FALSE.search(message):
        return _reopened(answer, "Yes, that is true", "No, that is false")
    if _NEGATIVE_STATEMENT.search(norm) and _TAG.search(norm):
        # the answer checked what the statement denies: its Yes disagrees with the statement
        return _reopened(answer, "No, the sources show otherwise", "Yes, that's right")
    if (
        _ASKS_IF_ANY.match(norm)
        or (_DID_ANY_LETTER.match(norm) and answer.kind in ("letters", "topic"))
        or ((_DID_ANYONE.match(norm) or PUT_AS_TOPIC.match(norm)) and answer.kind == "topic")
    ):
        return _with_yes_if_found(answer)
    return answer


def _with_yes_if_found(answer: Answer) -> Answer:
    """ "Any Canadian groups on it?": "Yes." before what was found, when something was.

    An answer that already opens with its verdict, found nothing, or says in its first
    sentence that something is missing is left as it is.
    """
    direct = answer.direct
    if not direct or not answer.found or not answer.item_count or direct.startswith(_VERDICTS):
        return answer
    # what the first sentence says before its list: a title listed may hold a "not"
    # (but "1 letter not addressed to Kim: …" found what was asked for)
    said = _NOT_TO.sub("", direct.split(". ", 1)[0].split(": ", 1)[0])
    if _SAYS_NOT.search(said):
        return answer
    new = f"Yes. {direct}"
    lead = (new, *answer.lead[1:]) if answer.lead and answer.lead[0] == direct else answer.lead
    return replace(answer, direct=new, lead=lead)


def _reopened(answer: Answer, after_yes: str, after_no: str) -> Answer:
    """The answer with its opening "Yes" or "No" replaced."""
    direct = answer.direct
    if not direct:
        return answer
    for word, verdict in (("Yes", after_yes), ("No", after_no)):
        # "No." or "No," is a verdict; "No quote says that" is not
        if direct.startswith(word) and direct[len(word) : len(word) + 1] in _AFTER_A_VERDICT:
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


#: What follows a "Yes" or "No" that is the verdict: the end, or a stop.
_AFTER_A_VERDICT = ("", ".", ",", ":", ";")
#: "True or false: …", "Claim: '…' True or false?", "… — true/false?": a verdict asked for.
_TRUE_OR_FALSE = re.compile(r"\b(?:true or false|true false|fact or fiction)\b")

#: "Any Canadian groups…?", "anything in the 2018 letter about…?", "is there any…": asked
#: whether something exists.
_ASKS_IF_ANY = re.compile(
    r"^ (?:(?:so|and|but|ok|okay|hey) )?(?:any|anything|anyone|anybody|(?:is|are|was|were) there "
    r"(?:any|anything|anyone|anybody))\b"
    # not "any idea who signed?", "anyone know when…": a question asked of the reader
    r"(?! (?:idea|ideas|clue|chance|news|info|information|word|thoughts|help|tips|"
    r"know|knows|remember|recall|have|got|can|could)\b)"
)
#: "Did any of these letters go to a South Korean leader?": the letters found say yes. Not
#: "did any group withdraw…", which a list of signers does not answer.
_DID_ANY_LETTER = re.compile(r"^ (?:did|has|have|was|were) any\b")
#: "Did anyone talk about peace?": the people found quoted on it say yes.
_DID_ANYONE = re.compile(r"^ (?:did|has|have|had|was|is) (?:anyone|anybody|someone|somebody)\b")
#: "discussed in any of the letters": a topic looked for in every letter (see PUT_AS_TOPIC
#: and `topic_readings`).
IN_ANY_OF = (
    r"(?:mention\w*|discuss\w*|rais\w*|brought up|covered|cited|spoken of|talked about) "
    # "is hunger mentioned anywhere?"
    r"(?:(?:in|by) (?:any|some|either|one)(?: of (?:the|these|those))?|anywhere)"
)
#: "Was humanitarian aid ever a topic in these letters?", "was the nuclear programme
#: discussed in any of the letters?": the topic is the subject.
PUT_AS_TOPIC = re.compile(
    r"^ (?:was|were|is|are) ((?:\w+ ){0,4}?\w+) (?:(?:ever|actually|really|even) )*(?:a |an )?"
    r"(?:(?:topic|subject|theme|issue) (?:in|of|for) (?:the|these|those|any|either|both)|"
    rf"{IN_ANY_OF})\b"
)
_VERDICTS = ("Yes", "No", "None", "Nothing", "Neither", "Both")
#: A first sentence saying something is missing: no "Yes" before it.
#: The letters found "not addressed to" someone: what was asked for, no missing thing.
_NOT_TO = re.compile(r"\bnot (?:addressed|sent|written|directed) to\b")
_SAYS_NOT = re.compile(r"\b(?:not|no|none|nothing|never|neither|nobody|0)\b", re.I)
#: Words a sentence may open with that are not names, lower-cased after "that is true:".
_PLAIN_OPENERS = frozenset("The It They He She There This That Both Neither None".split())
#: A statement that something did not happen, not a question opening with "didn't":
#: "the 2012 letter didn't talk about hunger", "CSW never signed it".
_NEGATIVE_STATEMENT = re.compile(
    r"^ (?!(?:didn t|didnt|did|does|doesn t|doesnt|do|was|wasn t|were|weren t|is|isn t|are|"
    r"aren t|has|have|what|who|which|when|where|why|how)\b)"
    # "Cardin said human rights were not worth raising": the words said deny, not the claim
    r"(?:(?!(?:said|says|say|claimed|told|stated|argued|thinks|thought)\b)\w+ ){1,8}?"
    r"(?:didn t|didnt|did not|doesn t|doesnt|does not|never|wasn t|was not|weren t|"
    r"were not|isn t|is not)\b"
    # "Rogers worked for HRW, didn't he?": a tag asking, not a statement denying
    r"(?! (?:he|she|they|it|we|you|there|i) (?:right )?$)|"
    # "no European groups are on the 2012 list, right?", "none of the signers were Japanese"
    r"^ (?:claim )?(?:there (?:were|was|are|is) )?(?:no|none of)\b(?! (?:one|idea|clue)\b)"
)
#: A tag asking to be told the statement is right: "…, right?", "…, correct?".
_TAG = re.compile(
    r"\b(?:right|correct|true|yeah|yes|innit|am i right|am i wrong|is that so|accurate)\b"
)
