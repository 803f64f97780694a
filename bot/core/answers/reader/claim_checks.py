"""A claim quoted to be checked: '"52 groups signed the 2018 letter" — correct?'.

A fact-checker pastes a sentence of a draft in quotation marks and asks whether it holds.
The quotation marks do not mark words someone said: the sentence is a claim, read as if
typed plainly with a tag ("52 groups signed the 2018 letter, right?").
"""

from __future__ import annotations

import re

from bot.core.answers.reader.quoted import quoted_span
from bot.core.search.names import normalize

#: Words that ask whether a claim holds.
_CHECK_WORDS = frozenset(
    "correct accurate accurately true right fair supported support holds hold check verify "
    "confirm real legit wrong false ok okay actually really".split()
)
#: Words that ask something else of the quotation ("— who said it?", "Where is CSW based?").
_OTHER_ASKS = frozenset("who whom whose what which where when why how list name".split())
#: A lead-in before the quotation: "Draft:", "Sentence in draft:", "our draft says".
_LEAD_IN = re.compile(
    r"^\s*(?:[^:\"“'‘]{0,50}:|(?:our |my |the )?draft (?:says|reads|line|claims)|"
    r"(?:claim|checking|fact ?check)\b[^\"“'‘]{0,20}|"
    # "Someone said 'South Korea stopped co-sponsoring in 2019'. Is that true?": hearsay
    r"(?:someone|somebody|people|a friend|my \w+|a (?:post|tweet|article|report)) (?:said|says|"
    r"told me|claims?|claimed|wrote|posted)(?: that)?|i (?:read|heard|saw)(?: that)?)\s*$",
    re.I,
)
#: Before the quotation, a lead-in that says the words are someone's ("Quote circulating:",
#: "A draft attributes this to Rogers:").
_WORDS_OF_SOMEONE = re.compile(r"\s*(?:quote|quotation|line|words|remark)\b|.*\battribut", re.I)
#: After the quotation, words that name who said it rather than judge it.
_ATTRIBUTION = re.compile(
    r"(?:that|this|it) was (?!(?:right|true|correct|accurate|wrong|false|actually|really|in|"
    r"on)\b)|"
    r"was (?:that|it|this) (?!(?:right|true|correct|accurate|wrong|false|actually|really|in|"
    r"on)\b)|"
    r"(?:said|says|spoken|written|uttered|quoted) by |by |from |"
    # "'…' was Benedict Rogers, right?": a speaker named right after the words
    r"(?:was|is) (?!(?:right|true|correct|accurate|wrong|false|actually|really|in|on|the|a|an|part|"
    r"not|never|also|said|stated|written|mentioned|there|made|what|that|this|it|so|they|"
    r"he|she|its|their|his|her)\b)\w+ \w+|"
    # "'I don't think there is a dilemma here.' Attributed to Trump. Correct?"
    r"(?:(?:it s|it is|its|that s|this is) )?attribut\w* to "
)
#: A claim has a subject and a verb: fewer words are a phrase ("'overload the agenda'").
_FEWEST_WORDS = 4
#: More words after the quotation than a tag has.
_MOST_TAG_WORDS = 9


def checked_claim(text: str) -> str | None:
    """The claim a message quotes to have it checked, as a plain tagged claim; else None."""
    span = quoted_span(text)
    if span is None:
        return None
    start, end, claim = span
    before, after = text[:start], normalize(text[end:]).split()
    if before.strip() and not _LEAD_IN.match(before):
        return None
    if len(claim.split()) < _FEWEST_WORDS or len(after) > _MOST_TAG_WORDS:
        return None
    if not _CHECK_WORDS.intersection(after) or _OTHER_ASKS.intersection(after):
        return None
    if _ATTRIBUTION.match(" ".join(after)) or _WORDS_OF_SOMEONE.match(before):
        return None  # "'…' — that was the Florida senator, right?": who said it, checked
    # "'a population of 25.4 million living in fear', citing the 2012 letter. Check the
    # figure.": what the draft says around the quotation is part of the claim.
    around = [
        part.strip(" .!?,;:")
        for part in _SENTENCE_END.split(text[end:])
        if not _CHECK_WORDS.intersection(normalize(part).split())
    ]
    claim = _TOPIC_OPENER.sub("", claim.rstrip(" .!?,;:"))
    return ", ".join([claim, *filter(None, around)]) + ", right?"


#: "Among its demands, the letter asked …", "On detention, …": a topic the claim goes on to
#: state, which would otherwise read as asking for the whole list of demands.
_TOPIC_OPENER = re.compile(r"^(?:among|on|regarding|concerning|as for|as to) [^,]{1,40},\s*", re.I)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
