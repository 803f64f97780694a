"""Did someone want, think or support something: yes or no from their own quoted words.

"Did Yun want human rights high on the summit agenda?" is answered from the quote that says
most of what is asked ("Yun cautioned senators against putting human rights high on the
agenda"): a word of refusal in the clause that matches ("against", "a mistake") makes the
answer No, its absence Yes. The quote is always shown, so the reader can judge the reading.
Below a close match there is no answer of this kind at all.
"""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, AnswerBuilder
from bot.core.answers.cards.quotes import quote_item
from bot.core.answers.facts.topic_match import share
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import human_date
from bot.core.kb.models import Quote
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.stems import stem

#: How much of what is asked the matching clause must say (see `topic_match.share`).
CLOSE = 0.55
#: Words that turn a clause against what it names.
_AGAINST = re.compile(
    r"\b(?:against|mistake|never|shouldn t|should not|cannot|can t|won t|wouldn t|oppos\w*|"
    r"reject\w*|refus\w*|wrong|bad idea|overload\w*|undermin\w*|fail\w*|ignor\w*|not)\b"
)
#: Verbs of holding a view ("did he regard dialogue as an obstacle"): they say how the
#: view is held, not what it is about ("with regard to" is no match for "regard").
_HOLDING = re.compile(
    r"\b(?:regard\w*|consider\w*|deem\w*|believ\w*|think|thinks|thought|view|views|see|saw|"
    # "in favour of rights on the table? y/n": the stance and the tag are not what is held
    r"in favou?r of|favou?r\w*|support\w*|yes|no|y n)\b",
    re.IGNORECASE,
)
#: Where a quote's clauses part ("…, but …").
_CLAUSES = re.compile(r"[,;:.]\s+|\s+but\s+|\s+while\s+|\s+whereas\s+")


def closest_quote(kb: KnowledgeBase, person_id: str, asked: str) -> tuple[Quote, str] | None:
    """The person's quote, and its clause, that says most of `asked` (None below `CLOSE`)."""
    best: tuple[float, Quote, str] | None = None
    asked = _HOLDING.sub(" ", asked)
    for quote in kb.quotes_by(person_id):
        for clause in _CLAUSES.split(quote.text):
            fit = share(kb, asked, clause, strict=True)
            if best is None or fit > best[0]:
                best = (fit, quote, clause)
    if best is None or best[0] < CLOSE:
        return None
    return best[1], best[2]


def stance(scope: Scope, person_id: str, found: tuple[Quote, str], question: str) -> Answer:
    """Yes or no, from the quote (and clause) `closest_quote` found, with it as evidence.

    A word of refusal counts on one side only: in "did Yun think it a mistake to overload
    the agenda" and "a mistake to overload the agenda" it is what is asked, and the answer
    is Yes; "did Robertson think Moon was ignoring abuses" is answered Yes by "Moon … is
    ignoring …" for the same reason.
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "quotes", f"What {kb.name_of(person_id)} said on it")
    quote, clause = found
    said_against, asked_against = _refusals(clause), _refusals(question)
    refused = bool(said_against - asked_against)
    refusal_asked = bool(asked_against - said_against)
    verdict = "Yes" if refused == refusal_asked else "No"
    said = (
        "going by the sources' paraphrase:"
        if quote.kind == "paraphrase"
        else "going by what the sources quote in their own words:"
    )
    when = f" ({human_date(quote.date)})" if quote.date else ""
    words = quote.text if quote.kind == "paraphrase" else f"“{quote.text}”"
    builder.direct = f"{verdict}, {said} {words}{when} {builder.marks(quote.sources)}"
    builder.section("Quotes", [quote_item(scope, builder, q) for q in kb.quotes_by(person_id)])
    builder.interpretation = f"did {kb.name_of(person_id)} say so"
    return builder.build()


def in_their_words(scope: Scope, person_id: str, found: tuple[Quote, str]) -> Answer:
    """The quote that says most of what a "why did X think …" asks, then all X's quotes.

    "Why did the UN guy think raising rights wouldn't hurt the talks?": his reasons are his
    words, as the sources give them; no verdict is drawn from them.
    """
    kb = scope.kb
    name = kb.name_of(person_id)
    builder = AnswerBuilder(kb, "quotes", f"What {name} said on it")
    quote = found[0]
    when = f" ({human_date(quote.date)})" if quote.date else ""
    builder.direct = (
        f"As the sources paraphrase {name}{when}: {quote.text}"
        if quote.kind == "paraphrase"
        else f"In {name}'s words{when}: “{quote.text}”"
    ) + f" {builder.marks(quote.sources)}"
    builder.section("Quotes", [quote_item(scope, builder, q) for q in kb.quotes_by(person_id)])
    builder.interpretation = f"why {name} thought so, in their words"
    return builder.build()


def _refusals(text: str) -> set[str]:
    """The refusal words of a text, by stem ("ignoring" and "ignores" are one)."""
    return {stem(m.group(0).split()[0]) for m in _AGAINST.finditer(f" {normalize(text)} ")}
