"""What the sources quote of a letter's own words: how it closed, and its text.

"How did the 2018 letter end?", "is the full text of the 2019 letter anywhere?", "does the
2012 release quote the letter itself?": the sources describe letters and quote passages of
some; none gives a letter's whole text, and the answer says so before what they do quote.
"""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.kb.models import Letter
from bot.core.scope import Scope


def closing(scope: Scope, letter: Letter) -> Answer:
    """How the letter ended: the passage the sources say closed it."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "topic", f"How it ended: {letter.title}")
    last = [
        x
        for x in letter.excerpts
        if x.note and any(w in x.note.casefold() for w in ("conclud", "clos", "end"))
    ]
    if last:
        builder.direct = (
            f"The sources say the {letter.year} letter closed: “{last[0].text}” "
            f"{builder.marks(last[0].sources)}"
        )
    else:
        builder.direct = f"The sources do not quote how the {letter.year} letter ended."
    builder.section(
        "Quoted from the letter",
        [Item("•", f"“{x.text}”", builder.cite(x.sources)) for x in letter.excerpts],
    )
    builder.interpretation = f"how {letter.title} ended"
    return builder.build(found=bool(last))


#: The whole of a text asked for, not any of it.
_WHOLE = re.compile(r"\b(?:full|entire|whole|complete)\b")


def full_text(scope: Scope, letter: Letter, passages: bool = False, asked: str = "") -> Answer:
    """The letter's full text is not in the sources: say so, then what they quote of it.

    With `passages` ("what wording did the press quote?") the quoted passages are the answer.
    `asked`, a yes-or-no question's words ("does the release quote the letter's text?"): the
    answer opens "No" when nothing of the letter is quoted or the whole text was asked for,
    "Only in part" when some passages are.
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "not_covered", f"The text of {letter.title}")
    if passages and letter.excerpts:
        builder.direct = (
            f"The sources quote {len(letter.excerpts)} passage"
            f"{'s' if len(letter.excerpts) != 1 else ''} of the {letter.year} "
            f"letter, first: “{letter.excerpts[0].text}” "
            f"{builder.marks(letter.excerpts[0].sources)}"
        )
    elif letter.excerpts:
        builder.direct = (
            f"The sources do not give the full text of the {letter.year} letter; "
            f"they describe it and quote {len(letter.excerpts)} passage"
            f"{'s' if len(letter.excerpts) != 1 else ''} of it, below."
        )
    else:
        builder.direct = (
            f"The sources do not give the text of the {letter.year} letter, and "
            "quote none of its own wording; they describe it."
        )
    if asked and not passages:
        whole = _WHOLE.search(asked)
        verdict = "Only in part" if letter.excerpts and not whole else "No"
        builder.direct = f"{verdict}: {builder.direct[:1].lower()}{builder.direct[1:]}"
    builder.section(
        "Quoted from the letter",
        [Item("•", f"“{x.text}”", builder.cite(x.sources)) for x in letter.excerpts],
    )
    builder.section("Summary", [Item("", letter.summary, builder.cite(letter.sources))])
    builder.interpretation = f"the full text of {letter.title} (not in the sources)"
    return builder.build(found=False)
