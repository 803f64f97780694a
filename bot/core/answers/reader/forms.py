"""A question written as a form, read as one sentence.

Analysts and support-desk habits give questions fields: "Context: Phil Robertson, December
2019. Question: what did he urge Moon to do? one line", "Issue: … Expected: short summary",
"- Org: ICC", "- Letter: 2012 open letter", "- Q: was it a signatory?" on lines of their own,
"1) … 2) …". The field names and the wished-for format ask nothing; the context fields say
what "he" or "it" is.
"""

from __future__ import annotations

import re

#: Field names that hold the question itself.
_ASKING = r"(?:q|question|ask|request|issue|query|task)"
#: Field names that say what the question is about.
_CONTEXT = (
    r"(?:context|ref|re|topic|scope|org|organi[sz]ation|letter|person|country|subject|event|"
    r"speaker|source|body|group|item|record)"
)
#: "Key: value" fields, on lines of their own ("- Org: ICC") or run together in one.
_FIELD = re.compile(
    rf"(?:^|(?<=[.?!\n])\s*|\s*\n\s*)(?:[-*•]\s*)?\b({_ASKING}|{_CONTEXT}|expected|format)\s*:\s*",
    re.IGNORECASE,
)
#: How the answer should look, which asks nothing: "one line", "bullets ok", "yes/no + names".
_LOOKS = (
    r"(?:(?:in |as )?(?:one line|a bullet list|bullets?|bullet points|a list|a short summary|"
    r"short summary|yes/no(?: \+ [\w ]+| for each| plus [\w ]+)?)"
    r"(?: (?:each|total|pls|please|ok|fine|for each))*[,;]?\s*)+"
)
_FORMAT = re.compile(rf"[\s,.;]+{_LOOKS}[\s.]*$", re.IGNORECASE)
#: The same after a question mark in any message: "… to do? one line", "…? bullets".
_FORMAT_AFTER_QUESTION = re.compile(rf"\?[\s,.;]*{_LOOKS}[\s.]*$", re.IGNORECASE)
#: Words in the question that stand for the topic field: "where does the phrase come up".
_THE_TOPIC = re.compile(r"\b(?:the|this|that) (?:phrase|term|topic|subject|issue|words?)\b")
#: A capitalised word after the question's first: a name the question has of its own.
_A_NAME = re.compile(r"(?<=\S )[A-Z]")
#: "1) … 2) …": numbers before questions inside a message.
_NUMBERED = re.compile(r"(?:^|(?<=\s))\d\)\s+")


#: "Food and hunger: what do the letters and quotes say?", "Separated families - is there
#: anything in there …?": a topic fronted, then a question about what the sources say.
_FRONTED_TOPIC = re.compile(
    r"^\s*(?:topic\s*[:=]\s*)?(?P<topic>[^:?!.;—–-]{3,60}?)\s*(?:[:—–]|\s-+\s|\.\s)\s*"
    r"(?P<asked>(?:what (?:(?:do|does|did) )?(?:the |these |those |your )?"
    r"(?:letters?|sources?|data|quotes|documents|records|materials|files)"
    r"(?: and (?:the )?(?:letters?|sources?|quotes))?"
    r" say|is there anything(?: at all)?(?: in (?:there|here|the \w+))?)\b)"
    r"(?P<rest>(?: about (?:it|this|that|them))?[^?]*)\?",
    re.IGNORECASE,
)
#: "Christians in North Korea - does anything mention them?", "prison camps: any mention?".
_FRONTED_MENTION = re.compile(
    r"^\s*(?P<topic>[^:?!.;—–-]{3,60}?)\s*(?:[:—–]|\s-+\s|\.\s)\s*"
    r"(?:(?:does|do|did|is|are) (?:anything|anyone|any of (?:them|the letters|the sources)|the "
    r"(?:letters|sources|documents)) (?:mention|cover|talk about|discuss|bring up|touch on) "
    r"(?:it|them|this|that)|any(?:thing)? (?:on|about) (?:it|them|that|this)|any mentions?)"
    r"(?: at all)?\s*\?*\s*$",
    re.IGNORECASE,
)


#: "Open North Korea - Ha Tae-keung's group - were they signers on the 2012 letter?", "CSW,
#: did they sign?": the subject fronted, then a question about "they" or "it".
_FRONTED_SUBJECT = re.compile(
    r"^\s*(?P<subject>(?:(?!\s-+\s)[^:?!.;,—–]){3,60}?)\s*(?:[:—–,]|\s-+\s)\s*"
    r"(?:(?:(?!\s-+\s)[^:?!.;,—–]){3,60}?\s*(?:[—–,]|\s-+\s)\s*)?"
    r"(?P<aux>were|was|did|do|does|is|are|has|have|had)\s+(?:they|it|he|she)\b(?P<rest>[^?]*)\?*\s*$",
    re.IGNORECASE,
)

#: A question, a clause or two things, not one subject: "when Yun warned senators, was he
#: …", "2018 letter vs 2019 letter, did they …".
_NOT_A_SUBJECT = re.compile(
    r"^\s*(?:who|whom|what|which|when|where|why|how|while|if|after|before|since|as|because|"
    r"although|though|once|so|and|but|did|does|do|is|are|was|were|has|have|had|can|could|"
    r"would|should|will)\b|\b(?:and|or|vs|versus|both|say|says|said)\b",
    re.IGNORECASE,
)


def from_a_form(text: str) -> str:
    """The question a form-like message asks, with its context fields after it."""
    text = _FORMAT_AFTER_QUESTION.sub("?", _NUMBERED.sub("", text))
    subject = _FRONTED_SUBJECT.match(text)
    # not "…, that's not the one with 52 signers, is it?": a tag, asking nothing of its own
    if subject and subject["rest"].strip() and not _NOT_A_SUBJECT.search(subject["subject"]):
        fronted = subject["subject"].strip()
        fronted = f"the {fronted}" if fronted[0].isdigit() else fronted  # "2018 joint letter"
        return f"{subject['aux']} {fronted}{subject['rest']}?"
    mentioned = _FRONTED_MENTION.match(text)
    if mentioned:
        # "christians in north korea - does anything mention them?": what the sources say
        return f"what do the sources say about {mentioned['topic'].strip()}?"
    fronted = _FRONTED_TOPIC.match(text)
    if fronted and not re.match(r"\s*about\b(?! (?:it|this|that|them)\b)", fronted["rest"]):
        # "Food and hunger: what do the letters say?" asks what they say about it
        return f"{fronted['asked']} about {fronted['topic'].strip()}?"
    fields = list(_FIELD.finditer(text))
    if not fields:
        return text
    # what comes before the first field ("Hi team, I need help with the following.") asks
    # nothing
    asked: list[str] = []
    context: list[str] = []
    topic = ""
    for field, after in zip(fields, [*fields[1:], None], strict=True):
        value = text[field.end() : after.start() if after else len(text)].strip(" \n.;")
        name = field.group(1).lower()
        if name in ("expected", "format") or not value:
            continue
        (asked if re.fullmatch(_ASKING, name) else context).append(_FORMAT.sub("", value))
        if name == "topic":
            topic = _FORMAT.sub("", value).strip()
    if not asked:
        return text
    question = " ".join(a.strip() for a in asked)
    if topic and _THE_TOPIC.search(question):
        # "Topic: crimes against humanity. Question: where does the phrase come up?"
        question = _THE_TOPIC.sub(f"'{topic}'", question, count=1)
        context.remove(topic)
    about = ", ".join(c.strip() for c in context if c.strip())
    if about and (about.lower().startswith("the ") or not _A_NAME.search(question)):
        # "Open North Korea - what is it, where is it based?", "the UN special rapporteur -
        # what he said at his Geneva briefing": the context is the subject, and leads
        question = f"{about} - {question}"
    elif about:
        # "what did he urge Moon to do (Phil Robertson, December 2019)?": beside the names
        # the question has of its own, the context goes in brackets, where "he" reaches it
        body, mark = (question[:-1], "?") if question.endswith("?") else (question, "")
        question = f"{body} ({about}){mark}"
    return question if question.strip() else text
