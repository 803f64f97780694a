"""Whether a quote says the opposite of the words a user remembers.

"He raised human rights" shares its words with "he did not bring up human rights"; a quote
matched by its words alone would confirm the opposite of what it says. Negation is read
from both sides, with counsel against ("it is a mistake to") and failing ("it won't work")
read as what they mean.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.remembered_words import closest_sentence
from bot.core.answers.polarity import NEGATION
from bot.core.kb.models import Quote
from bot.core.search.names import normalize


def said_the_opposite(words: str, quote: Quote) -> str | None:
    """The quote's sentence closest to the words, when one of the two is negated and not both.

    "He raised human rights" shares its words with "he did not bring up human rights"; a
    quote matched by its words alone would confirm the opposite of what it says.
    """
    said = closest_sentence(words, quote)
    # "it won't work" is "this effort will fail", no negation of it
    closest = _FAILS.sub("fail", normalize(said))
    asked = _FAILS.sub("fail", normalize(words))
    # "it is a mistake to put too much on the agenda" counsels against, as "cautioned
    # against" does; a quote's "a mistake to overload the agenda" is weighed so only when the
    # words asked counsel against too, not against a fragment ("overcrowd the agenda")
    counsel = _COUNSEL_AGAINST.search(asked) is not None
    negated = NEGATION.search(closest) is not None or (
        counsel and _COUNSEL_AGAINST.search(closest) is not None
    )
    # "did Yun argue against putting …": the words kept start at "against", a counsel not to
    asked_negated = NEGATION.search(asked) is not None or counsel or asked.startswith("against ")
    return said if negated != asked_negated else None


#: Not working is failing: "it won't work", "would not succeed".
_FAILS = re.compile(
    r"\b(?:won ?t|will not|wouldn ?t|would not|doesn ?t|does not|didn ?t|did not|cannot|can ?t) "
    r"(?:work|succeed|get anywhere)\b"
)
#: Words that counsel not to: "it is a mistake to", "it would be wrong to".
_COUNSEL_AGAINST = re.compile(
    r"\b(?:mistake|bad idea|unwise|wrong|foolish|an error) to\b|"
    r"\b(?:would be|is|was) (?:a |an )?(?:mistake|error|bad idea|unwise|wrong)\s*$"
)
