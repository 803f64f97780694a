"""Cue words: what the wording of a question says about the kind of answer it wants.

The lexicon is data (cues.yaml beside this module): for each kind of answer, regular
expressions over the normalised question, each with a weight. A kind's cue is the weight of
its strongest matching pattern. A cue never decides alone: the reader adds what the
question names (a letter, a person, an event) before choosing.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from bot.core.answers.reader.question import Question

#: Word lists several patterns share, written <SIGN>, <GROUPS>, <YES_NO> in cues.yaml.
SHARED = {
    # "tell listeners about X", "tell my class": whom the user wants told, not what was said
    "<AUDIENCE>": (
        r"(?:me|us|listeners|viewers|readers|my \w+|our \w+|the (?:class|group|audience))"
    ),
    "<SIGN>": (
        # not "go back to co-sponsoring", "came back": a return, not backing
        r"(?:sign|signs|signed|signing|co ?sign\w*|endorse\w*|"
        # nor "back in 2012", "back then": a time, not backing
        r"(?<!go )(?<!goes )(?<!went )(?<!going )(?<!come )(?<!came )(?<!get )(?<!got )"
        r"back(?! (?:in|then|when|around|during|before|after)\b)|"
        r"backed|join|joined|"
        # not "stop supporting that yearly UN vote": backing a vote is no signing
        r"support\w*(?! (?:(?:the|that|this|a|its|their) )?(?:\w+ ){0,3}"
        r"(?:vote|votes|resolution|resolutions|bill|act|motion)\b)|"
        # "put his own name to it", "had its name on", "a signature on", "on board with"
        r"(?:put|had|has|have) (?:(?:their|its|his|her|a|an) )?(?:own )?(?:names?|signatures?) "
        r"(?:on|to)|put (?:their|its|his|her) names?|on board)"
    ),
    "<GROUPS>": (
        r"(?:organi[sz]ations?|groups?|ngos?|orgs?|charities|signator\w*|signers|co ?signers|"
        r"co ?signatories|members|coalitions?|stakeholders|outfits|entities)"
    ),
    # A question opening like one, or a statement with a tag: "ICC co-signed it, right?"
    "<YES_NO>": (
        # One group, so that a pattern going on after it goes on after every alternative.
        # "Burma Partnership - is it listed under Myanmar?", "Odhikar — is that one from
        # Bangladesh?", "2012 ICNK ltr - did it ask for ICRC access?": a name, then the
        # question on it
        r"(?:^ (?:(?!(?:what|who|whom|which|when|where|why|how)\b)\w+ ){1,6}?"
        r"(?:is|was|were|are|did|does|has|had) (?:it|they|he|she|that|this)\b|"
        r"^ (?:(?:did|was|were|is|are|has|have|does|do|had|true or false|is it true|was it|"
        # "didn't Kontras sign the 2018 one?": normalised, "didn't" loses its apostrophe
        r"(?:didn|doesn|don|wasn|weren|isn|aren|hasn|haven|hadn) ?t|"
        r"fact check|confirm|can you confirm|please confirm|verify|can you verify|"
        r"please verify|check|quick check|double check|am i right|am i correct|"
        r"is it correct|is it right|is it accurate|is that accurate|correct me if|"
        # "might you confirm whether …", "I'd like to know if …", "tell me whether …"
        r"(?:might|could|can|would) you (?:please )?(?:confirm|verify|check|tell me) "
        r"(?:whether|if)|(?:tell me|do you know|let me know) (?:whether|if)|"
        r"(?:i|we) (?:want|d like|would like|need) to (?:know|check|confirm) (?:whether|if)|"
        r"(?:id|wed) like to (?:know|check|confirm) (?:whether|if)|"
        # "I don't suppose the 2018 letter mentioned aid?": hedged, still yes or no
        r"i (?:don ?t|dont|do not) (?:suppose|think|guess)|i doubt|i wonder (?:if|whether)|"
        # "Can we say Amnesty signed it?", "is it fair to say …": a claim put up for checking
        r"(?:can|could|may|might) (?:we|i|one) (?:say|claim|state|write)|"
        r"(?:is|would) it (?:be )?(?:fair|accurate|right|correct|true) to (?:say|claim|state))\b|"
        # "ICC one of the signers on the Moon letter?": a name, then where it is claimed to be
        r"(?!(?:what|who|whom|which|when|where|why|how|list|give|show|name|tell|find|"
        r"any|all|every|so|and|the|were|are|did)\b)(?=(?:\w+ ){1,4}(?:one of|among|amongst|"
        r"on the (?:list|roster)|(?:a|an) (?:co ?)?(?:signer|signatory|signee))\b)|"
        r"(?=.*\b(?:right|yeah|yes|no|correct|true|yes or no|y n|"
        r"(?:isn|wasn|didn|aren|weren|doesn) ?t (?:it|they|"
        r"he|she|that so)|just checking|innit|or not|am i right|am i wrong|confirm|ya|yea|"
        # "…, was it?" is a tag; "… - what was it?" asks what.
        r"(?<!what )(?<!who )(?<!which )(?<!where )(?<!how )(?:did|does|is|was) "
        r"(?:he|she|they|it)|(?:was|were|is) there)(?: just checking|"
        # "NK on the UNSC agenda 4 yrs running - true per sources?"
        r" (?:per|according to|by|in) (?:the )?(?:sources|srcs|data|records|kb))? $)))"
    ),
}
LEXICON = Path(__file__).with_name("cues.yaml")


@cache
def cues() -> dict[str, tuple[tuple[re.Pattern[str], float], ...]]:
    """The lexicon, compiled once: kind → ((pattern, weight), ...)."""
    raw = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))["cues"]
    compiled = {}
    for kind, rows in raw.items():
        patterns = []
        for row in rows:
            text = row["pattern"]
            text = "".join(text) if isinstance(text, list) else text
            for name, words in SHARED.items():
                text = text.replace(name, words)
            patterns.append((re.compile(text), float(row["weight"])))
        compiled[kind] = tuple(patterns)
    return compiled


def cue_scores(question: Question) -> dict[str, float]:
    """Each kind's cue weight in this question (the strongest matching pattern per kind)."""
    norm = question.main_clause
    scores: dict[str, float] = {}
    for kind, patterns in cues().items():
        best = max((weight for pattern, weight in patterns if pattern.search(norm)), default=0.0)
        if best:
            scores[kind] = best
    return scores
