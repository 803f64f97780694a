"""A leading question, read as the claim it puts to be checked.

A lawyer's habit ("Isn't it the case that the 2012 letter demanded …?", "You would agree
the letter signed by 52 organisations was directed at the North Korean leader?", "Let the
record show Conectas is the sole Brazilian organisation. That is correct, isn't it?") puts
a claim and asks for agreement: it is read as "is it true that …?".
"""

from __future__ import annotations

import re

#: The lead-ins that put a claim: what follows them is the claim.
_LEAD_IN = re.compile(
    r"^\s*(?:(?:is it not|isn'?t it|wasn'?t it) (?:true|the case|correct|so|right|a fact)"
    r"|(?:you(?:'d| would| will|'ll)?|would(?:n'?t)? you(?: not)?|do(?:n'?t)? you(?: not)?)"
    r" (?:agree|accept|concede|admit)(?: with me)?"
    r"|let the record (?:show|reflect)|for the record|i put it to you|i suggest to you"
    r"|it is (?:common ground|not disputed|undisputed))"
    r"(?: that)?[\s,:]+",
    re.IGNORECASE,
)
#: A tag asking for agreement after the claim: "That is correct, isn't it?", "correct?".
_TAG = re.compile(
    r"(?:(?<=[.!?])|,)\s*(?:(?:that|this) is|that'?s|is (?:that|this))?\s*"
    r"(?:correct|right|true|so|accurate)\s*(?:,\s*(?:is it not|isn'?t it|yes|no))?\s*\?\s*$",
    re.IGNORECASE,
)


def as_a_claim(text: str) -> str:
    """ "Is it not true that X?" and its kin as "is it true that X?"; anything else as it is."""
    named = _NAMED_AFTER.match(text)
    if named and _SOMEONE.match(named["first"]):
        # "Somebody argued that X. You'd agree that was Rogers?": was it Rogers who argued X
        did = _SOMEONE.sub("", named["first"], count=1).strip(" .?!")
        return f"was it {named['who']} who {did}?"
    text = _FOR_THE_RECORD.sub("", text)  # "Let the record list every country …": list them
    lead_in = _LEAD_IN.match(text)
    if lead_in is None:
        return text
    claim = _TAG.sub("", text[lead_in.end() :]).strip()
    if not claim:
        return text
    if asked := whose_claim(claim):
        return asked
    body, rest = _first_sentence(claim)
    return f"is it true that {body}?" + (f" {rest}" if rest else "")


def whose_claim(claim: str) -> str | None:
    """ "it was Rubio who urged the House …" as "was it Rubio who urged …?", else None."""
    it_was = _IT_WAS.match(claim)
    if it_was is None:
        return None
    return f"was it {it_was['who']} who {it_was['did'].rstrip(' ?.!')}?"


#: A question or claim about someone unnamed, then the name put: "Who appears in both?
#: I put it to you that it's Benedict Rogers.", "Somebody argued X. You'd agree that was Y?"
_NAMED_AFTER = re.compile(
    r"^(?P<first>.+?[.?!])\s+(?:(?:you(?:'d| would)?|would you|do you) (?:agree|accept)"
    r"|i put it to you|i suggest to you|let the record show)(?: that)?,?\s+"
    r"(?:it(?:'s| is| was)|that(?:'s| is| was))\s+(?P<who>[^.?!,]{2,60}?)\s*[.?!]*\s*$",
    re.IGNORECASE,
)
#: "Let the record list …", "for the court, name …": a request, not a claim.
_FOR_THE_RECORD = re.compile(
    r"^\s*(?:let the record|for the (?:record|court),?)\s+(?=(?:list|name|state|give|show me)\b)",
    re.IGNORECASE,
)
#: The unnamed one the first sentence is about.
_SOMEONE = re.compile(r"^\s*(?:who|somebody|someone|a person)\b", re.IGNORECASE)
#: "it was Rubio who urged …": a speaker or doer claimed.
_IT_WAS = re.compile(r"^it (?:was|is) (?P<who>[^,?]{2,60}?) (?:who|that) (?P<did>.+)$", re.I)
#: A sentence's end: not the dot of an initial ("U.S.").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.?!](?:\s+|$)")


def _first_sentence(claim: str) -> tuple[str, str]:
    """The claim's first sentence without its end mark, and the rest of the message."""
    match = _SENTENCE_END.search(claim)
    if match is None:
        return claim, ""
    return claim[: match.start()], claim[match.end() :].strip()
