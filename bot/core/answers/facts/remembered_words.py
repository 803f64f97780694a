"""The words a user remembers, out of the question that asks who said them.

"Someone said Kim should look to his legacy. Who was that?", "who said moon tried to
'mollify' kim? some hrw person i think": the words, without the asking around them.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from bot.core.kb.models import Quote
from bot.core.kb.sentences import split_sentences
from bot.core.search.names import normalize
from bot.core.search.stems import STOP_WORDS, concepts

#: The words that ask who said something, before the words themselves.
_CUES = re.compile(
    r"^(?:who|which (?:person|official|actor|individual|figure)|whose words?|who was it that|"
    r"do you know who|"
    r"(?:identify|name|find|give) the (?:speaker|person|official))\s+"
    r"(?:(?:was|is|were)\s+)?(?:the one\s+)?(?:(?:who|that)\s+)?"
    r"(?:first\s+)?(?:said|says|say|stated|wrote|called|described|warned|claimed|argued|"
    r"state|write|call|describe|warn|claim|argue|"
    r"compared|remarked|maintained|insisted|listed|quoted|told|asserted|"
    r"made the (?:comment|remark|claim|statement)|used the (?:phrase|words)|"
    r"referred to|spoke of|talked about|quoted as saying|is quoted saying|was quoted saying|"
    r"were these|are these|is this|was this|saying|contended)\b\s*"
    r"(?:that\s+|the words?\s+|this\s*:?\s*|something like\s+|words like\s+)?"
)


def remembered_words(question: str, quoted: str | None) -> str:
    """The words the user remembers: their quoted phrase, else the question minus its cue."""
    if quoted:
        return quoted
    # Split at every "?" too: "who said …? some hrw person i think" is typed in lower case.
    sentences = [p for _, s in split_sentences(question) for p in _AFTER_QUESTION_MARK.split(s)]
    asks_who = [i for i, s in enumerate(sentences) if i and _ASKS_WHO.match(normalize(s))]
    if asks_who:
        # "Someone remarked that … . Who said that? My memory fails me.": the words are
        # before the question.
        question = " ".join(sentences[: asks_who[0]])
    elif len(sentences) > 1 and _CUES.match(normalize(sentences[0])):
        # "who said moon tried to 'mollify' kim? some hrw person i think": the words are in
        # the question; what follows is a guess or an aside.
        question = sentences[0]
    norm = normalize(question)
    norm = _SOMEONE.sub("", norm)
    norm = _WAS_IT.sub("", norm)
    norm = _WHO_WAS_THAT.sub("", norm)
    norm = _MY_ASIDE.sub("", norm)
    return _CUES.sub("", norm).strip()


#: "… open prison i saw it quoted in the newspaper and cut it out": the user's own story
#: after the words, typed with no full stop.
_MY_ASIDE = re.compile(
    r"\s(?:i (?:saw|read|heard|cut|found|clipped|wrote|jotted|noted|copied) (?:it|this|that)|"
    r"i lost|i forgot|"
    r"(?:but|and) i (?:lost|forgot|can t|cant|don t|dont))\b.*$"
)


_SOMEONE = re.compile(
    r"^.*?\b(?:someone|somebody|anyone|anybody|one of them|an official|a senator|a campaigner|"
    r"a spokes(?:man|woman|person)|a (?:\w+ )?(?:official|activist|diplomat|lawmaker|politician)|"
    # "some american official told senators …"
    r"some (?:\w+ ){0,2}?(?:official|person|guy|senator|lawmaker|campaigner|activist|man|woman)|"
    # "one of the lawmakers said …"
    r"one of (?:the |those |these )?\w+(?: \w+)??|"
    r"i (?:recall|remember) (?:a|an|the|some) (?:statement|quote|line|remark|comment))"
    # "someone from the big NY group said …": who they were is no part of the words
    r"(?: (?:from|at|with|in|on)(?: \w+){1,5}?)? "
    r"(?:(?:ever|actually|once|also|reportedly|apparently) )?"
    r"(?:said|says|say|saying|claimed|claim|claiming|called|call|arguing|stating|warning|"
    r"described|describe|warned|warn|told|accused|criticised|criticized|blamed|praised|urged|"
    r"urging|compared|remarked|argued|argue|maintained|insisted|insist|suggested|suggest|noted|"
    r"asserted|stated|state|point out|pointed out)\s+"
    r"(?:that\s+)?"
)
_AFTER_QUESTION_MARK = re.compile(r"(?<=\?)\s+")
#: A short closing question that only asks for the speaker ("Whose words were those?").
_ASKS_WHO = re.compile(
    r"^(?:(?:so|and|but|please|pray tell),? )?(?:who|whom|whose|which (?:person|official|one))\b"
    r"(?:\s+\w+){0,6}\s*$"
)
#: "wasn't it Trump who said …": the words follow; the name is a guess to check.
_WAS_IT = re.compile(
    r"^(?:wasn ?t|was|isn ?t|is|didn ?t) it (?:\w+ ){1,4}?who (?:said|says|called|claimed|"
    r"warned|told|argued|described)\s+(?:that\s+)?"
)
_WHO_WAS_THAT = re.compile(
    r"\s*\b(?:(?:who|whom) (?:was|is|said) (?:that|this|it)|which one|who|"
    r"who made (?:that|this|the) (?:argument|claim|point|remark|comment|statement))\s*$"
)


def closest_sentence(words: str, quote: Quote) -> str:
    """The quote's sentence sharing most of the words (by concept, then letter for letter)."""
    wanted = concepts(words)
    sentences = [s for _, s in split_sentences(quote.text)] or [quote.text]
    return max(
        sentences,
        key=lambda s: (len(wanted & concepts(s)), fuzz.partial_ratio(words, normalize(s))),
    )


def respelled(words: str, vocabulary: frozenset[str]) -> str:
    """The words with each misspelt one ("rememberd") as the quotes spell it ("remembered").

    Only words of five letters or more that the quotes never use, and only to a word a
    letter or two away: a rarer word is not made a common one by accident.
    """
    out = []
    for word in words.split():
        if len(word) >= _SHORTEST_RESPELLED and word not in vocabulary and word not in STOP_WORDS:
            near = process.extractOne(
                word, vocabulary, scorer=fuzz.ratio, score_cutoff=_SAME_WORD_MISSPELT
            )
            word = near[0] if near else word
        out.append(word)
    return " ".join(out)


_SHORTEST_RESPELLED = 5
#: rapidfuzz ratio (0–100): "rememberd" and "remembered" are 94.7, "leader" and "leaders" 92.
_SAME_WORD_MISSPELT = 88
