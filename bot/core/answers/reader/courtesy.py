"""The courtesies around a question, dropped, and a claim put up to check, put plainly.

"If it's no trouble, could you tell me whether …", "Would I be right in thinking CSW signed
it?", "…, by any chance?", "In 2012, long before the Moon campaign, was PIN on it?": the
question inside, as it would be typed plainly ("CSW signed it, right?").
"""

from __future__ import annotations

import re

from bot.core.answers.reader.leading import whose_claim

#: A message that opens as a question: it asks something itself, so it is no claim ("who
#: signed it, I think HRW?") and, after "no wait", replaces the question before it.
OPENS_AS_QUESTION = re.compile(
    r"^\s*(?:who|whom|whose|what|when|where|which|why|how|did|does|do|was|were|is|are|has|"
    r"have|can|could|tell|list|show|give)\b",
    re.IGNORECASE,
)


#: "If it's no trouble, …", "I may be misremembering, but …", "According to the sources, …":
#: courtesy before the question.
_COURTESY_BEFORE = re.compile(
    r"^\s*(?:if (?:it|that)(?: is|['’]?s| s) no trouble|if you don ?['’]?t mind|"
    r"i hope you don ?['’]?t mind (?:my|me) asking|i may be (?:misremembering|wrong|mistaken)|"
    r"forgive me(?: if [^,]{0,60})?|sorry to (?:bother|trouble) you|apologies if [^,]{0,60}|"
    r"dear (?:bot|sir|madam)|i (?:would )?humbly (?:ask|request|inquire|enquire)(?: you)?|"
    r"(?:this|it) may be a (?:silly|dumb|stupid|naive) question|"
    # "could you clarify who Kanae Doi and Kiri Kankhwende were": the question it asks
    r"(?:can|could|would|will) you (?:please |kindly )?(?:clarify|explain|tell me|remind me|"
    r"let me know)(?= (?:who|whom|what|when|where|which|why|how)\b)|"
    # "According to the sources, which …": every answer is from the sources
    r"(?:according to|per|based on|going by) (?:the |your |our )?(?:sources|source material|"
    r"data|records|knowledge base|kb|database))[\s,.;:—–-]+(?:but\s+)?",
    re.IGNORECASE,
)
#: "Would I be right in thinking X?", "can it be confirmed that X?": a claim put up to be
#: checked, as "X, right?" is.
_CONFIRM_WRAPPER = re.compile(
    r"^\s*(?:(?:would|wouldn ?['’]?t) i be (?:right|correct)|am i (?:right|correct)|"
    r"do i (?:understand|remember|recall) (?:correctly|rightly|right)|"
    r"(?:can|could) (?:it|this|that) be confirmed|(?:can|could|would) you (?:please )?confirm|"
    r"(?:it is|it ?['’]?s) my understanding|my understanding is|(?:is|was) it the case|"
    # "can you tell me whether the 2012 letter asked for family reunions": whether it did
    r"(?:(?:can|could|would|will) you (?:please )?(?:tell me|let me know|check)|"
    r"do you (?:happen to )?know|i (?:d|would) (?:like|love) to know|i wonder(?:ed)?)"
    r"(?= (?:whether|if)\b))"
    r"(?: (?:in|to) (?:thinking|saying|assuming|believing|think|say|assume|believe))?"
    r"(?: (?:that|whether|if))?[\s,:]+",
    re.IGNORECASE,
)
#: "…, by any chance?", "…, if I've got that right?": courtesy after the question.
_COURTESY_AFTER = re.compile(
    r"[\s,]+(?:by any chance|perchance|if i recall|if i ?['’]?ve got (?:that|it) right|"
    r"or have i got (?:the wrong \w+|it wrong|that wrong)|or am i (?:mistaken|misremembering|"
    r"imagining (?:it|that|things)|making (?:it|that|this) up|wrong)|"
    # "…; is that correct, or is she mixing it up with a different letter?"
    r"or (?:is|am|are|was|were) (?:she|he|they|i|we|you) (?:just )?(?:mixing|confusing|"
    r"muddling|mixed|confused|getting)\b[^?]{0,80}|"
    # "… to do? Kindly explain in simple words for an old man like me."
    r"(?:please |kindly )?(?:explain|answer|tell me|put it)(?: it| this)? (?:in|with|using) "
    r"(?:simple|plain|easy|short|few) (?:words|terms|english|language)[^?]{0,40})"
    r"\s*[?.!]*\s*$",
    re.IGNORECASE,
)
#: "The 76-signer letter came out in 2018? I doubt it.": a claim the writer doubts, to check.
_DOUBT_AFTER = re.compile(
    r"(?<=[?.!,])\s*(?:but |and )?i (?:doubt|don ?['’]?t (?:believe|buy|think))\b[^?]{0,60}"
    r"[.!]*\s*$",
    re.IGNORECASE,
)
#: "…, I wonder?", "…, if you know?": filler after a question, which keeps its mark.
_FILLER_AFTER = re.compile(
    r"[\s,]+(?:i wonder|please|if you (?:can|could|know|please)|if possible)\s*([?.!]*)\s*$",
    re.IGNORECASE,
)
#: "In 2012, long before the Moon campaign, was PIN on the letter?", "With respect to the
#: 76-signer letter, is it correct that …": when or what, put before a yes-or-no question;
#: it goes after it, where the question's own opening is seen.
_FRONTED = re.compile(
    r"^\s*((?:(?:in|back in|around|during|as of|(?:long |well |shortly |years )?(?:before|after)|"
    r"prior to|at the time of|with (?:respect|regard|reference) to|regarding|concerning|"
    r"as (?:for|to|regards))\b[^,?]{1,60},\s+){1,2})"
    r"(?=(?:was|were|did|does|do|is|are|has|have|had)\b)(.*?)([?.!]*)\s*$",
    re.IGNORECASE,
)
#: "Might there have been a Belgian group among them?": whether there was.
_MIGHT_THERE = re.compile(r"\b(?:might|could|would) there have been\b", re.IGNORECASE)


#: ", which I used to send a little money to,": the writer's own aside inside the question.
_MY_ASIDE = re.compile(
    r",\s+(?:which|who|whom|whose \w+) (?:i|we|my \w+|our \w+) [^,?;]{1,80},\s*", re.IGNORECASE
)


def put_plainly(text: str) -> str:
    """A question with its courtesies dropped, and a claim put up to check as "X, right?"."""
    text = _MIGHT_THERE.sub("was there", _COURTESY_BEFORE.sub("", text, count=1))
    text = _MY_ASIDE.sub(" ", text)
    fronted = _FRONTED.match(text)
    if fronted and fronted[2].strip():
        text = f"{fronted[2].rstrip(' ,')} {fronted[1].strip(' ,')}{fronted[3] or '?'}"
    unfilled = _FILLER_AFTER.sub(r"\1", text, count=1)
    text = unfilled if unfilled.strip(" ?.!") else text  # "please?" alone stays
    claim = _DOUBT_AFTER.sub("", _COURTESY_AFTER.sub("", text, count=1), count=1).rstrip(" ?")
    if claim != text.rstrip(" ?") and claim.strip():
        text = f"{claim}?" if OPENS_AS_QUESTION.match(claim) else f"{claim}, right?"
    claim = _CONFIRM_WRAPPER.sub("", text, count=1)
    if claim == text or not claim.strip() or OPENS_AS_QUESTION.match(claim):
        return claim if claim.strip() else text  # "can you confirm who signed it?"
    if asked := whose_claim(claim):
        return asked  # "am I right that it was Adams who said …": was it Adams who said …
    return f"{claim.rstrip(' ,.;!?')}, right?"
