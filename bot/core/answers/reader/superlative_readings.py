"""Readings over every letter at once: the most signers, the first sent, each recipient.

Two letters named are compared by `compare_readings`; "which letter has the largest signer
count" or "which letter was sent first" names none and asks of them all.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.chronology import first_letter
from bot.core.answers.facts.comparisons import every_recipient
from bot.core.answers.facts.count_comparisons import most_signers
from bot.core.answers.reader.context import Context, Reading

#: "which letter had the most signers", "which one drew the fewest co-signers".
_MOST_SIGNERS = re.compile(
    r"\b(?:which|what) (?:(?:of the|of these|of those) )?(?:\w+ )?(?:letters?|ones?|campaigns?|"
    r"appeals?)\b(?: \w+){0,4}? (?:the )?(?P<most>most|largest|biggest|highest|greatest|"
    r"fewest|smallest|lowest|least)(?: (?:reported|number of|count of|amount of|total of))?"
    r" (?:signers|signatories|signatures|co ?signers|co ?signatories|cosigners|signer count|"
    r"signatory count|names|organi[sz]ations|groups|orgs|ngos|backers|supporters)\b"
)
#: "which letter was sent first", "what was the earliest letter", "which one is the latest".
_FIRST_LETTER = re.compile(
    r"\b(?:which|what) (?:(?:\w+ )?(?:letter|one|campaign|appeal) (?:was |is |came |went |got )?"
    r"(?:(?:sent|written|released|published|issued|out|dated|delivered) )?(?:the )?|"
    r"(?:was|is|s) (?:the )?)(?P<which>first|earliest|oldest|last|latest|most recent|newest)\b"
    # "what's the last thing it asks": the last of its words, not the last letter
    r"(?! (?:of )?(?:the )?(?:signers?|signatories|names?|organi[sz]ations?|groups?|demands?|"
    r"things?|points?|requests?|items?|lines?|words?|sentences?|paragraphs?|bits?|parts?))"
)
_LATER = ("last", "latest", "most recent", "newest")
#: "the recipient for each letter", "who was each letter addressed to", "whom did all three
#: letters go to".
_EACH_LETTER = re.compile(
    r"\b(?:each|every|all(?: the| three| 3| of the)?) (?:of the )?(?:letters?|ones?)\b"
)
#: Above a count, or a card for one letter guessed from the question's other words.
_SCORE = 10.5


def superlative_readings(context: Context) -> list[Reading]:
    """ "Which letter had the most signers?", "which was sent first?": over every letter."""
    q, scope = context.question, context.scope
    # "… the most signers - 2012, 2018 or 2019?": every year named is every letter
    some_years = q.years and len(set(q.years)) < len(scope.kb.letters)
    if context.people or context.orgs or some_years or context.events:
        return []
    most = _MOST_SIGNERS.search(q.norm)
    if most is not None:
        fewest = most.group("most") in ("fewest", "smallest", "lowest", "least")
        word = "fewest" if fewest else "most"
        return [
            Reading(
                "compare",
                _SCORE,
                f"the letter with the {word} signers",
                lambda: most_signers(scope, fewest),
            )
        ]
    if context.cue("recipient") and q.has(_EACH_LETTER) and not context.cue("yes_no"):
        return [
            Reading("compare", _SCORE, "whom each letter went to", lambda: every_recipient(scope))
        ]
    first = _FIRST_LETTER.search(q.norm)
    if first is not None and (" letter" in q.norm or " one " in q.norm):
        last = first.group("which") in _LATER
        return [
            Reading(
                "compare",
                _SCORE,
                f"the {'last' if last else 'first'} letter",
                lambda: first_letter(scope, last),
            )
        ]
    return []
