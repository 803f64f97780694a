"""Clauses that only say which letter a question means.

In "what did the letter telling Seoul to stop ignoring abuses demand", the clause from
"letter" to "demand" describes the letter; its words ask nothing and name no subject.
"""

from __future__ import annotations

import re
from functools import lru_cache

LETTER_CLAUSE = re.compile(
    r"\b(letter|one|appeal) (?:that |which )?(?:telling|told|tells|urging|urged|urges|asking|"
    r"asked|asks|calling on|called on|calls on|pressing|pressed|demanding|demanded|complaining|"
    r"protesting|critici[sz]ing|objecting|condemning|warning|"
    r"(?:that|which) (?:talked|talks|spoke|speaks|mentioned|mentions|called|calls|cited|cites|"
    r"referred|refers|described|describes|ends|ended|closes|closed|opens|opened|begins|began|"
    # "the letter that complained about Seoul dropping the resolution"
    r"complained|protested|critici[sz]ed|objected|condemned|warned|slammed|blasted|attacked|"
    r"went after|pushed|wanted|raised|highlighted|accused|blamed|"
    # "the letter that went out five days before Trump and Kim met"
    r"went out|came out|was sent|got sent|was released|was published)|"
    # "the letter where Seoul got slammed", "the one in which the rapporteur is quoted"
    r"where|in which|"
    r"with \d+ (?:signatories|signers|co ?signers|groups|organi[sz]ations|orgs|ngos)"
    r")\b.*?"
    r"(?=\b(?:say|said|demand|want|sign|signed|who|when|why|what|how|which|coordinator|"
    r"organi[sz]er|signers|signatories|recipient|author|sender)\b|"
    # "who was the letter urging him to act sent to": the trailing verb asks the question
    r"\b(?:sent|addressed|aimed|written|directed|delivered|meant|intended|targeted|go|went)"
    r"(?: to| at| for)? $|$)"
)
#: Words that ask: before a clause about a letter, they make the clause a description.
ASKS = re.compile(
    r"\b(?:what|who|whom|whose|which|when|where|why|how|did|does|do|was|is|were|are|has|have|"
    r"can|could|tell|list|show|give|name|summari[sz]e|about|"
    # "signers of the letter asking NK to…": what a terse question asks for, then the clause
    r"signers|signatories|co ?signers|demands|recipients?|coordinator|organi[sz]er|sender|"
    r"author|countries|date)\b"
)
#: A main clause left with no verb: the letter clause took it.
_BARE_AUXILIARY = re.compile(
    r" (?:did|does|do|was|is|has|were) (?:the |that |this )?(?:\w+ )?(?:letter|one) "
)
#: "tell me what the 2018 letter asked for": the clause is the question's verb.
_BARE_WH = re.compile(
    # not "is that what the letter asked?", "what was the one": a verb of their own
    r"(?<!that )(?<!this )(?<!it )\b(?:what|whom) (?:the |that |this )?"
    r"(?:(?!(?:s|was|is|were|are|did|does|do)\b)\w+ ){0,2}(?:letter|one) $"
)
#: "wait so was the moon letter complaining about…": the clause holds the only verb.
_ENDS_BARE = re.compile(
    # not "what was the letter telling Seoul…": which letter that was
    r"(?:\b(?:did|does|do|has)|(?<!which letter )(?<!what letter )(?<!what )\b(?:was|is|were)) "
    r"(?:the |that |this )?"
    r"(?:\w+ )?(?:letter|one) $"
)
#: Clauses that describe a letter without a verb ("the one where…", "with 76 co-signers"):
#: they never hold the question's verb.
_PLACE_OR_COUNT = re.compile(r"(?:where|in which|with)\b")
#: A question ending on a preposition with no object ("… complaining about").
_DANGLING = (" about", " for", " against", " over", " of")


#: Questions whose clauses are remembered: each is asked for several times per reading.
_CACHED = 1024


@lru_cache(maxsize=_CACHED)
def described_spans(norm: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the clauses in `norm` that only describe a letter, after its noun.

    None when the clause is what the question claims ("The 2018 letter demanded that Kim
    free prisoners, true?"), carries its only verb ("did the letter that pressed Kim …
    mention the Red Cross"), or is what it asks ("What was the moon letter complaining about").
    """
    clause = LETTER_CLAUSE.search(norm)
    if clause is None or (
        not norm[clause.end() :].strip() and not ASKS.search(norm[: clause.start()])
    ):
        return ()
    main = LETTER_CLAUSE.sub(r"\1 ", norm)
    verb_clause = not _PLACE_OR_COUNT.match(norm[clause.end(1) :].strip())
    if _BARE_AUXILIARY.fullmatch(main) or (
        verb_clause and (_BARE_WH.search(main) or _ENDS_BARE.search(main))
    ):
        return ()
    asks = norm.rstrip().endswith(_DANGLING) and re.search(r"\w+ing\b", norm[len(main.rstrip()) :])
    if asks and main.rstrip().endswith(("letter", "one")):
        return ()
    return tuple((m.end(1), m.end()) for m in LETTER_CLAUSE.finditer(norm))


@lru_cache(maxsize=_CACHED)
def main_clause(norm: str) -> str:
    """The normalised question without the clauses that only describe a letter."""
    return LETTER_CLAUSE.sub(r"\1 ", norm) if described_spans(norm) else norm
