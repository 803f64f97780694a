"""What a part of a message keeps from the rest ("Is it listed as being from Myanmar?").

A sentence that says "it", "they" or "that letter", or the second of two questions, is read
with what the rest of the message named: its years, the one group or person it names, and
words it quotes, put in brackets where "it" cannot reach them.
"""

from __future__ import annotations

import re


def with_context_of(
    text: str, part: str, follow_on: bool = False, mentioned: tuple[str, ...] = ()
) -> str:
    """A part that says "that letter" or "it" keeps what the rest of the message named.

    "Burma Partnership is on the 2012 list. Is it listed as being from Myanmar?" is read
    as "Is it listed as being from Myanmar (Burma Partnership, 2012)?": the years and the
    one group or person the rest names, put where "it" cannot reach them. A `follow_on`
    part (the second of two questions) keeps them unless it names a year of its own.
    `mentioned`: the names the rest holds as the alias table found them, for a message
    typed in lower case ("… the panmunjom declaration … what's the day it was signed?").
    """
    if not (REFERS_BACK.search(part) or (follow_on and not YEAR.search(part))):
        return part
    rest = text[: len(text) - len(part)] if text.endswith(part) else text
    if _THAT_EVENT.search(part):
        # "… the meeting between Trump and Kim in Singapore. On what date was that summit?":
        # the event is known by the names around it
        words = [w for w in _SINGLE_NAME.findall(rest) if w not in part]
        if words:
            body, mark = (part[:-1], "?") if part.endswith("?") else (part, "")
            return f"{body} ({', '.join(dict.fromkeys(words))}){mark}"
    # "… on the 2012 list? And which letter did they co-sign?" asks past that year.
    years = [] if _WHICH_LETTER.search(part) else YEAR.findall(rest)
    if _THAT_ONE.search(part):
        # "… the 2019 letter … the earlier 2012 open letter. Was he involved in that one?":
        # one letter pointed back at, the one named last
        years = years[-1:]
    missing = [y for y in dict.fromkeys(years) if y not in part]
    named = dict.fromkeys(
        _ASKS_BACK.sub("", m.group(0), count=1).strip()  # "Was International …" opens a question
        for m in _CAPITALISED_NAME.finditer(rest)
    )
    named = {n: None for n in named if " " in n or n.isupper()}
    if text == text.lower():  # no capitals to go by: the names the alias table found
        named = dict.fromkeys(mentioned)
    # "Were they one of the groups on the 2012 letter to Kim?": a recipient names no subject
    own_names = [
        m for m in _CAPITALISED_NAME.finditer(part) if not part[: m.start()].endswith(" to ")
    ]
    if len(named) == 1 and not own_names and _ASKS_BACK.match(part):
        missing = [*named, *missing]
    # "One letter ends by urging 'horrific suffering'… Who was that letter addressed to?"
    quoted = [a or b for a, b in _QUOTED_WORDS.findall(rest)]
    missing += [f"“{q}”" for q in quoted if q not in part][:1]
    # "the Maryland Democrat - what did he say …, and who did he introduce the bill with?":
    # the words before the dash say whom "he" means.
    lead_in = LEAD_IN.match(text)
    if (
        lead_in
        and _A_PERSON_BACK.search(part)
        and not _ASKS_BACK.match(lead_in.group(1))
        and lead_in.group(1) not in part
    ):
        missing.append(lead_in.group(1))
    if not missing:
        return part
    body, mark = (part[:-1], "?") if part.endswith("?") else (part, "")
    return f"{body} ({', '.join(missing)}){mark}"


#: A short phrase naming the subject, then a dash or colon, before the questions.
LEAD_IN = re.compile(r"^\s*([^?:\-–—]{3,80}?)\s+[-:–—]\s+(?=\w)")
_A_PERSON_BACK = re.compile(r"\b(?:he|she|him|his|her)\b", re.I)
#: Words the message quotes ('horrific suffering'), which may say which letter is meant.
_QUOTED_WORDS = re.compile(r"[\"“]([^\"“”]{6,80})[\"”]|(?<!\w)['‘]([^'‘’]{6,80})['’](?!\w)")
#: A sentence that opens as a question ("Is it listed…", "And which letter did they…").
_ASKS_BACK = re.compile(
    r"(?:and |but |so )?(?:if not, )?(?:is|was|were|are|did|does|do|has|have|had|what|who|"
    r"which|when|where|how|why|can|could)\b",
    re.I,
)
#: A name as written in a sentence: two or more capitalised words ("Burma Partnership"), or
#: an acronym ("FIDH").
_CAPITALISED_NAME = re.compile(
    r"\b[A-Z][\w'’-]+(?: (?:of |for |in |the |and )?[A-Z][\w'’-]+)+|\b[A-Z]{3,8}\b(?!['’-])"
)


_WHICH_LETTER = re.compile(r"\b(?:which|what|what other) (?:letters?|ones?)\b", re.I)
#: An event pointed back at: "that summit", "this declaration".
_THAT_EVENT_WORDS = (
    r"\b(?:that|this|the same) (?:summit|meeting|declaration|resolution|act|bill|law|inquiry|"
    r"commission|testimony|hearing|briefing|vote|session|talks|event)\b"
)
_THAT_EVENT = re.compile(_THAT_EVENT_WORDS, re.I)
REFERS_BACK = re.compile(
    _THAT_EVENT_WORDS + r"|"
    r"\b(?:that|this|the|same) (?:letter|one|appeal|thing)\b|"
    r"\b(?:it|they|its|their|them|he|she|his|her|him)\b",
    re.I,
)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A tag closing a normalised question that says how to answer it, not what it asks:
#: "conectas brazilian? yes or no", "… about them, right?".
CLOSING_TAG = re.compile(
    r"(?:\s+(?:right|correct|true|yes or no|y n|yes no|or not|true or false|isn t it|"
    r"didn t it))+\s*$"
)
#: A capitalised word inside a sentence ("… between Trump and Kim in Singapore").
_SINGLE_NAME = re.compile(r"(?<=[\w,] )[A-Z][a-z]{2,}\b")
#: One letter pointed back at: "that one", "this letter".
_THAT_ONE = re.compile(r"\b(?:that|this) (?:letter|one|appeal)\b", re.I)


#: What `with_context_of` adds to a part: " (Burma Partnership, 2012)" before its "?".
ADDED_CONTEXT = re.compile(r" \([^()]*\)(?=\??$)")
