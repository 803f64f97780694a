"""What a letter says about a topic, and what the sources do not cover.

A topic is matched by its stemmed words against the letter's own statements (demands,
abuses cited, passages quoted from it, summary) and the quotes about it. When nothing
matches, or the question asks for something the sources never report (a reply, a contact),
the first line says so plainly, and what the sources do say follows.
"""

from __future__ import annotations

import re

from bot.core.answers import kinds
from bot.core.answers.answer import Answer, AnswerBuilder, Item, with_direct
from bot.core.answers.kinds import quote_item
from bot.core.kb.models import Letter
from bot.core.scope import Scope
from bot.core.search.names import normalize

_WORD = re.compile(r"[a-z]{3,}")
_FILLER = frozenset(
    "the and for with that this what did does letter say said mention mentions anything "
    "about regarding concerning talk talked speak spoke any its their was were has have "
    "there something".split()
)


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(normalize(text))} - _FILLER


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "al"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def topic(scope: Scope, letter: Letter, phrase: str) -> Answer:
    """The letter's statements and the quotes about it that speak of `phrase`."""
    kb = scope.kb
    wanted = _stems(phrase)
    builder = AnswerBuilder(kb, "topic", f"“{phrase}” in {letter.title}")
    statements = [("Demand", s) for s in letter.demands]
    statements += [("Cited", s) for s in letter.abuses_cited]
    statements += [("Quoted from the letter", s) for s in letter.excerpts]

    def fits(text: str) -> bool:
        have = _stems(text)
        return bool(wanted) and len(wanted & have) * 2 >= len(wanted)

    items = [Item(label, statement.text, builder.cite(statement.sources))
             for label, statement in statements if fits(statement.text)]
    quotes = [q for q in kb.quotes_about(letter.id) if fits(q.text)]
    if items:
        first = items[0]
        builder.direct = (f"Yes. The {letter.year} letter speaks of {phrase}: "
                          f"{first.text.rstrip('.')}. {first.ref_marks()}")
    elif fits(letter.summary):
        builder.direct = (f"Our summary of the {letter.year} letter mentions {phrase}: "
                          f"{_sentence_with(letter.summary, wanted)} "
                          f"{builder.marks(letter.sources)}")
    elif quotes:
        builder.direct = (f"The letter's own text, as the sources give it, does not mention "
                          f"{phrase}, but people quoted about it do.")
    else:
        builder.direct = (f"The sources do not report that the {letter.year} letter says "
                          f"anything about {phrase}.")
    builder.section("What the letter says", items)
    builder.section("What was said about it", [quote_item(scope, builder, q) for q in quotes])
    builder.suggestions += [f"What did the {letter.year} letter demand?"]
    builder.interpretation = f"what {letter.title} says about {phrase}"
    return builder.build(found=True)


def _sentence_with(text: str, wanted: set[str]) -> str:
    for sentence in re.split(r"(?<=\.)\s+", text.replace("\n", " ")):
        if wanted & _stems(sentence):
            return sentence
    return text.split(". ")[0] + "."


def not_covered(scope: Scope, what: str, letter: Letter | None) -> Answer:
    """Say first that the sources do not report `what`; then what they do say."""
    if letter is not None:
        card = kinds.letter(scope, letter.id)
        direct = (f"The sources do not report {what}. Here is what they say about the "
                  f"{letter.year} letter and the reactions to it.")
        return with_direct(card, direct, f"not covered: {what}", (), "not_covered")
    builder = AnswerBuilder(scope.kb, "ask", "Not in the sources")
    builder.direct = f"The sources do not report {what}."
    builder.suggestions += ["Which letters are there?", "What was said about the 2018 letter?"]
    builder.interpretation = f"not covered: {what}"
    return builder.build(found=False)


def contact_refused(scope: Scope) -> Answer:
    """Contact details are never kept: say so."""
    builder = AnswerBuilder(scope.kb, "ask", "Contact details are not kept")
    builder.direct = ("The knowledge base does not keep phone numbers, e-mail addresses or "
                      "other contact details of anyone, by design.")
    builder.suggestions += ["Who is Phil Robertson?"]
    builder.interpretation = "contact details (not kept)"
    return builder.build(found=False)
