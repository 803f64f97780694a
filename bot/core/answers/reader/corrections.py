"""A message that corrects itself: "who signed the 2019 one — no wait, the 2018 one".

People type as they think and fix a detail mid-message. The correction replaces the
detail it corrects: a year the last year before it, a name the last name of the same kind
("when did Amnesty — no, HRW — sign"), a number the last number, "to Kim" the last "to …".
A whole new question after the marker replaces the question before it. What is read
afterwards is the message as the user meant it; the reading shown says what was understood.
"""

from __future__ import annotations

import re
from itertools import islice

from bot.core.answers.reader.carried_context import YEAR, with_context_of
from bot.core.answers.reader.courtesy import OPENS_AS_QUESTION
from bot.core.scope import Scope
from bot.core.search.names import Mention

#: Where a message corrects itself. Only after some words: "I mean, who signed?" opens a
#: question, it corrects nothing.
_MARKER = re.compile(
    r"(?:[\s,;.!?(]|\s[—–-])+(?:"
    r"no,? wait|wait,? no|no no|oops|whoops|sorry,? (?:no|i mean|i meant)|no,? sorry|"
    # "which american groups — sorry, canadian ones": after a dash or comma
    r"(?<=[—–-] )sorry,|"
    # "based in london? no, new york": "no," answering the message's own question
    # (not "…? no way, he's a 2019 guy")
    r"(?<=\? )no(?:,|(?= (?:i think|i mean|it was|it s|the|wait|maybe|perhaps|probably|"
    r"actually)\b))|"
    r"i mean|i meant|or rather|scratch that|scrap that|forget that|correction|my bad|make that|"
    # "the 2012 letter — no, the 2018 one": "no," alone after a dash or comma, before a
    # year or a name (not "— No Fence from Japan", not "no Latin American groups")
    r"(?<=[,—–-] )(?:no|actually),(?= (?:the |to |in |from |it was )?(?:\d{4}\b|(?-i:[A-Z])))"
    r")(?!\w)[\s,:;.!\-—–]*",
    re.IGNORECASE,
)
#: Where a corrected detail ends: a clause or sentence break.
_DETAIL_END = re.compile(r"\s*(?:[,;:?!)]|\.(?:\s|$)|\s[—–-]\s|—|–)\s*")
#: Fillers before the corrected detail ("I meant it was the 2018 one").
_LEAD_IN = re.compile(
    r"^(?:i meant |i mean |i think |i guess |it was |it s |it.s |make that |the one |maybe |"
    r"perhaps |probably |actually )+",
    re.I,
)
#: Hedges after the corrected detail ("new york i think").
_TRAILING_HEDGE = re.compile(
    r"(?:\s+(?:i mean|i meant|i think|i guess|i believe|maybe|right|correct|yes|yeah|"
    r"isn.?t it|no))+\s*$",
    re.I,
)
#: Markers that say the words before were wrong, not only glossed ("from the South, I mean,
#: our side") or reworded ("called it — or rather quoted the phrase").
_SAYS_WRONG = re.compile(r"\b(?:no|wait|sorry|oops|whoops)\b", re.I)
#: A correction that only withdraws a guess: "no, I think it was earlier".
_ONLY_NEGATES = re.compile(
    r"^(?:i think |i guess |maybe |actually )?(?:it was |it s |it.s )?(?:earlier|later|"
    r"before (?:that|then)|after (?:that|then)|another one|the other one|a different one|"
    r"not that one|an? (?:earlier|later|older|newer) one)$",
    re.I,
)
#: A letter guessed at the end of a question: "…, the 2018 one", "— was it 2019".
_TRAILING_GUESS = re.compile(
    r"\s*[,—–-]\s*(?:or |maybe |was it |is it )?(?:the )?(?:(?:19|20)\d\d|[\w'’-]+)"
    r"(?: (?:one|letter))?\s*$",
    re.I,
)
#: A letter as a message names it ("the 2018 letter", "the moon one").
_A_LETTER = re.compile(r"\bthe (?:[\w'’-]+ ){0,3}?(?:letter|one|appeal)\b", re.I)
_ONE = re.compile(r"\bone$", re.I)
#: A guess set off by a dash at the end of what a correction follows ("based — DC").
_GUESS_AFTER_A_BREAK = re.compile(r"(?:\s[—–-]|—|–)\s*([^—–,;:]+?)\s*$")
#: Words that open no corrected detail: "76? no wait, that's the moon one" says what the
#: 76 was, it does not replace a letter.
_FILLERS = frozenset(
    "really seriously honestly please thanks thank ok okay just well anyway that that's thats "
    "that’s".split()
)
#: The most words a correction with no name, year or number may replace at the end.
_MAX_BARE_DETAIL = 4
#: A detail opening with one of these replaces the words from its last use ("to Moon").
_PREPOSITIONS = frozenset("to from in by for about with on at before after".split())
_NUMBER = re.compile(r"\b\d+\b")
_WORD = re.compile(r"[\w'’]+")
#: Corrections applied per message, and markers tried for each (a hostile message may
#: hold hundreds).
_MAX_CORRECTIONS = 3
_MAX_MARKERS = 6


def corrected(scope: Scope, text: str) -> str:
    """The message with each self-correction applied to the detail it corrects."""
    for _ in range(_MAX_CORRECTIONS):
        fixed = _first_correction(scope, text)
        if fixed is None:
            break
        text = fixed
    return text


def _first_correction(scope: Scope, text: str) -> str | None:
    """`text` with its first correction applied, or None when it holds none."""
    for marker in islice(_MARKER.finditer(text), _MAX_MARKERS):
        if len(_WORD.findall(text[: marker.start()])) < 2:
            continue
        before = text[: marker.start()].rstrip(" ,;—–-")
        after = _LEAD_IN.sub("", text[marker.end() :].lstrip())
        if OPENS_AS_QUESTION.match(after):
            # "who signed the 2018 letter — sorry, which countries were they from?": the
            # new question, with what "they" points back to
            return with_context_of(f"{before}. {after}", after)
        negated = _ONLY_NEGATES.match(after.rstrip(" ?.!"))
        guess = _TRAILING_GUESS.search(before)
        if negated and guess:
            # "which letter was amnesty part of, the 2018 one? no i think it was earlier": the
            # guess is withdrawn and nothing takes its place; the question stands
            return f"{before[: guess.start()]}?"
        end = _DETAIL_END.search(after)
        detail, rest = (after[: end.start()], after[end.end() :]) if end else (after, "")
        detail = _TRAILING_HEDGE.sub("", detail.strip())
        placed = _placed(scope, before, detail)
        if placed is None and _SAYS_WRONG.search(marker.group(0)):
            placed = _in_place_of_last_words(before, detail)
        if placed is None:
            continue  # "from the South, I mean, our side": a gloss, nothing replaced
        fixed = f"{placed.rstrip(' ,;—–-')} {rest}".strip()
        # "how many signed the 2012 letter? wait no, the 2018 one": still a question
        return f"{fixed}?" if "?" in text and "?" not in fixed else fixed
    return None


def _placed(scope: Scope, before: str, detail: str) -> str | None:
    """`before` with `detail` put where the detail it corrects was; None if it has no place.

    A year replaces the last year (or dates the last "letter"), a name the last name of its
    kind, a number the last number, and "to Moon" the words from the last "to".
    """
    years = YEAR.findall(detail)
    if years:
        earlier = list(YEAR.finditer(before))
        if earlier:
            return _swap(before, earlier[-1].span(), years[-1])
        # "the letter to Moon … I mean the letter to Kim in 2018": the year dates the letter
        letter = list(re.finditer(r"\b(?:letter|one|appeal)s?\b", before, re.I))
        if not letter:
            return None
        before = _swap(before, (letter[-1].start(), letter[-1].start()), f"{years[-1]} ")
        detail = YEAR.sub("", detail).strip()
    earlier_names = scope.names.find_mentions(before)
    for new in scope.names.find_mentions(detail):
        old = _last_of_kind(before, earlier_names, new)
        if old is not None:
            return _swap(before, old, _raw(detail, new) or new.surface)
    numbers = _NUMBER.findall(detail)
    earlier_numbers = list(_NUMBER.finditer(before))
    if numbers and earlier_numbers:
        return _swap(before, earlier_numbers[-1].span(), numbers[-1])
    first = detail.split(" ", 1)[0].lower()
    at = [m for m in _WORD.finditer(before) if m.group(0).lower() == first]
    if first in _PREPOSITIONS and at and not years:
        # "the letter to Kim, I mean to Moon": from the last "to", as many words
        words = [m for m in _WORD.finditer(before) if m.start() >= at[-1].start()]
        span_end = words[min(len(detail.split()), len(words)) - 1].end()
        return _swap(before, (at[-1].start(), span_end), detail)
    return before if years else None


def _in_place_of_last_words(before: str, detail: str) -> str | None:
    """`before` with its last words replaced by `detail`, as many as it has.

    "which american groups — sorry, canadian ones", "did ICC sign the 2018 letter — no
    wait, the moon one": nothing of a kind to match, so the words just before the marker
    are what was corrected; a preposition among them stays ("based in london? no, new york").
    """
    detail_words = _WORD.findall(detail.lower())
    count = len(detail_words)
    words = list(_WORD.finditer(before))
    if not 1 <= count <= _MAX_BARE_DETAIL or len(words) <= count or detail_words[0] in _FILLERS:
        return None  # "who signed it? no, really, tell me": no detail at all
    letters = list(_A_LETTER.finditer(before))
    if detail_words[-1] in ("one", "letter") and letters:
        # "the 2018 letter, 76? no wait, the moon one": the letter, wherever it stands
        return _swap(before, letters[-1].span(), _ONE.sub("letter", detail))
    replaced = words[-count:]
    guess = _GUESS_AFTER_A_BREAK.search(before)
    if guess and len(_WORD.findall(guess.group(1))) <= _MAX_BARE_DETAIL:
        # "where is HRW based — DC? no, New York": the guess after the dash, however long
        replaced = [w for w in words if w.start() >= guess.start(1)]
    kept = [i for i, w in enumerate(replaced) if w.group(0).lower() in _PREPOSITIONS]
    if kept:
        replaced = replaced[kept[-1] + 1 :]
    if len(replaced) >= 2 and count >= 2 and detail_words[-1] in ("one", "ones"):
        # "american groups — sorry, canadian ones": "ones" stands for the noun it keeps
        replaced = replaced[:-1]
        detail = detail[: detail.lower().rindex("one")].rstrip()
    if not replaced:
        return None
    return _swap(before, (replaced[0].start(), replaced[-1].end()), detail)


def _last_of_kind(before: str, named: list[Mention], new: Mention) -> tuple[int, int] | None:
    """Where in `before` the last entity of `new`'s kind is named, other than `new` itself.

    `named`: the names found in `before`, found once for every name of the correction.
    """
    for old in reversed([m for m in named if m.kind == new.kind]):
        if old.entity_id != new.entity_id:
            span = _raw_span(before, old)
            if span is not None:
                return span
    return None


def _raw(text: str, mention: Mention) -> str | None:
    """The words of `text` that named `mention`, as typed."""
    span = _raw_span(text, mention)
    return text[span[0] : span[1]] if span else None


def _raw_span(text: str, mention: Mention) -> tuple[int, int] | None:
    """Where the last occurrence of a mention's words is in `text`, as typed."""
    tokens = mention.surface.split()
    pattern = r"(?<!\w)" + r"\W+".join(re.escape(t) for t in tokens) + r"(?!\w)"
    found = list(re.finditer(pattern, text, re.IGNORECASE))
    return found[-1].span() if found else None


def _swap(text: str, span: tuple[int, int], new: str) -> str:
    """`text` with `span` replaced by `new`."""
    return f"{text[: span[0]]}{new}{text[span[1] :]}"
