"""A multiple-choice question, read as the question its stem asks.

Quiz hosts paste items with their options: "Who got the ICNK's 2012 open letter? A) Moon
Jae-in B) Kim Jong-un C) Xi Jinping", "the 52-organisation letter was addressed to... A)
Donald Trump B) …", "the 2018 letter went to Trump. A) correct B) wrong". The options name
people and letters the question is not about, so they are taken off: what the stem asks is
answered, and the right option is in that answer. Options that only say yes or no, or
true or false, make the stem a claim to check.
"""

from __future__ import annotations

import re

#: An option's label: "A)", "(b)", "C." after a space, in the order A, B, C, ….
_LABEL = re.compile(r"(?:^|(?<=\s))\(?([A-Ea-e])[).:](?=\s)")
#: Words that only pick an option: "pick one -", "pick one for the answer sheet".
_PICK = re.compile(
    r"\b(?:pick|choose|select|circle) (?:one|the (?:right|correct) (?:one|answer))\b"
    r"(?: for [\w ]{0,30}?(?=[.,:;!?-]|$))?\s*[:,.-]?\s*",
    re.IGNORECASE,
)
#: "quiz q:", "Round 5:", "bonus q, 2 pts:", "for the trivia sheet:" before the stem.
_QUIZ_PREAMBLE = re.compile(
    r"^\s*[^:?]{0,40}\b(?:quiz|trivia|round\s*\d+|bonus|trick q)\b[^:?]{0,30}:\s*(?=\S)",
    re.IGNORECASE,
)
#: "which of these orgs", "which one of the following": the options are the candidates.
_WHICH_OF_THESE = re.compile(
    r"\bwhich(?: one)? of (?:these|the following|the options|them)\b", re.IGNORECASE
)
#: A stem that asks which of the options: "which of these groups", "which came first".
_WHICH = re.compile(
    r"\bwhich(?: one)? of (?:these|the following|the options|them)\b|"
    r"\bwhich (?:came|was|happened) (?:first|earlier|earliest|last|later)\b",
    re.IGNORECASE,
)
#: "which of these did NOT sign", "which one wasn't": the options not fitting are asked.
_NEGATED = re.compile(r"\b(?:not|never|n't)\b|n't\b", re.IGNORECASE)
#: Options that are numbers or years ("A) 2000 B) 2004"): the stem asks for one itself.
_NUMBER = re.compile(r"^\W*\d")
#: Options that name nothing to choose from.
_NO_OPTION = re.compile(r"^(?:none|all|both|neither|they were|all three|all of)\b", re.IGNORECASE)
#: Options that only say whether the stem is so.
_VERDICTS = re.compile(
    r"^(?:yes|no|true|false|correct|wrong|right|incorrect|can'?t (?:tell|say)|not sure|"
    r"(?:the )?sources? (?:don'?t|do not) say|unknown)\b",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"^(?:did|does|do|is|was|are|were|has|have|had|can|could|will|would|should|who|what|"
    r"when|where|which|why|how)\b",
    re.IGNORECASE,
)
#: "was addressed to..." before the options: the stem ends in a blank.
_TRAILING_DOTS = re.compile(r"\s*(?:\.{2,}|…)\s*$")
#: A blank after these words is a person or body ("addressed to ...").
_WHOM_BEFORE = re.compile(r"\b(?:to|by|from|with|for)$", re.IGNORECASE)


def without_choices(text: str) -> str:
    """`text` without its lettered options; a claim to check if they only say yes or no."""
    options = _options(text)
    if options is None:
        return text
    start, labels = options
    stem = _PICK.sub("", _QUIZ_PREAMBLE.sub("", text[:start])).strip(" -:,")
    chosen = [
        text[a.end() : b.start() if b else len(text)].strip(" .,;")
        for a, b in zip(labels, [*labels[1:], None], strict=True)
    ]
    if not stem or any(_ASKS.match(option) or option.endswith("?") for option in chosen):
        return text  # "a) who signed it b) when was it sent?": sub-questions, not options
    if all(_VERDICTS.match(option) for option in chosen) and not (
        _ASKS.match(stem) or stem.endswith("?")
    ):
        # "the 2018 letter was addressed to Trump. A) correct B) wrong, it went to Kim"
        return f"True or false: {stem.rstrip(' .?')}"
    if _WHICH.search(stem) and not any(_NUMBER.match(o) for o in chosen):
        # "Which came first? A) the ICNK open letter B) the HRW 52-org letter": the
        # options are what is compared or chosen from, so they stay, as words
        named = [o for o in chosen if not _NO_OPTION.match(o)]
        if not _NEGATED.search(stem):
            # "which of these signed": "which signed: A or B"; a "not" keeps "of these",
            # so that the one left out of the options is what is named
            stem = _WHICH_OF_THESE.sub("which", stem)
        stem = stem.rstrip(" ?.:")
        listed = ", ".join(named[:-1]) + f" or {named[-1]}" if len(named) > 1 else "".join(named)
        return f"{stem}: {listed}?" if listed else f"{stem}?"
    if _TRAILING_DOTS.search(stem):
        stem = _TRAILING_DOTS.sub("", stem)
        stem += " whom?" if _WHOM_BEFORE.search(stem) else " what?"
    return stem


#: Labels looked at after an "A)": a quiz has a few options, a long message many brackets.
_MOST_OPTIONS = 8


def _options(text: str) -> tuple[int, list[re.Match[str]]] | None:
    """Where the options start and their labels: "A)" then "B)" and on, in order."""
    labels = list(_LABEL.finditer(text))
    for i, label in enumerate(labels):
        if label.group(1).lower() != "a":
            continue
        run = [label]
        for later in labels[i + 1 : i + 1 + _MOST_OPTIONS]:
            if ord(later.group(1).lower()) == ord(run[-1].group(1).lower()) + 1:
                run.append(later)
        if len(run) >= 2:
            return label.start(), run
    return None
