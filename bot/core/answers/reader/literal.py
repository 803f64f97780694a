"""English translated word for word from Italian or Portuguese, read as plain English.

"The International Christian Concern was between the signatories of the open letter of
2012?", "President Moon has firmed the letter, or he was only the destinatary of it?", "Is
true that the Panmunjom Declaration was signed in the month of May of 2018?", "Of who is
the frase 'a mistake to overload the agenda'?": the words are English, but the prepositions,
the false friends and the word order are the speaker's own language's ("tra", "firmare",
"destinatario", "di chi è la frase"). Each is put as an English speaker would say it.
"""

from __future__ import annotations

import re

#: False friends and words coined from Italian or Portuguese, as the English they mean.
_WORDS = {
    "firmed": "signed",
    "firmataries": "signatories",
    "firmatary": "signatory",
    "firmatories": "signatories",
    "destinatary": "recipient",
    "destinataries": "recipients",
    "destinatario": "recipient",
    "sended": "sent",
    "frase": "phrase",
}
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.IGNORECASE)

#: (pattern, replacement) in order: each a construction of the speaker's own language.
_CONSTRUCTIONS = (
    # "was between the signatories" (Italian "tra", Portuguese "entre"): among them
    (
        re.compile(
            r"\bbetween the (signatories|signers|members|co-?signatories|names|groups|"
            r"organi[sz]ations|firmataries)\b",
            re.IGNORECASE,
        ),
        r"among the \1",
    ),
    # "Freedom House figures among the signatories": is among them
    (re.compile(r"\b(?<=\w )figures? (among)\b", re.IGNORECASE), r"is \1"),
    # "Is true that …" (Italian "è vero che"): is it true that …
    (re.compile(r"^(\s*)is true that\b", re.IGNORECASE), r"\1is it true that"),
    # "in the month of May of 2018": in May 2018
    (re.compile(r"\bthe month of ([A-Za-z]+)(?: of (\d{4}))?", re.IGNORECASE), r"\1 \2"),
    # "Of who is the frase '…'?" (Italian "di chi è la frase"): who said it
    (
        re.compile(
            r"^(\s*)(?:of|from) (?:who|whom) (?:is|was|are) (?:the )?(?:phrase|quote|line|words|"
            r"sentence|citation)\b:?",
            re.IGNORECASE,
        ),
        r"\1Who said",
    ),
    # "when it was sended?" (Italian "quando è stata inviata"): when was it sent
    (
        re.compile(
            r"\b(when|where|why) (it|he|she|they) (was|were|is|are)( \w+\s*\?\s*)$", re.IGNORECASE
        ),
        r"\1 \3 \2\4",
    ),
    # "reauthorised from the Senate" (Italian "dal Senato"): by the Senate
    (
        re.compile(
            r"\b(passed|approved|reauthori[sz]ed|adopted|signed|written|sent|organi[sz]ed|"
            r"coordinated|promoted|made) from the\b",
            re.IGNORECASE,
        ),
        r"\1 by the",
    ),
    # "the summit of Singapore" (Italian "il vertice di Singapore"): the Singapore summit
    (
        re.compile(r"\b([Tt]he) (summit|declaration|meeting|briefing) of ([A-Z][a-z]+)\b"),
        r"\1 \3 \2",
    ),
    # "how many have not a country indicated": have no country
    (re.compile(r"\bha(ve|s) not a\b", re.IGNORECASE), r"ha\1 no"),
    # "What the documents say of the treaties": about them
    (re.compile(r"\b(says?) of the\b", re.IGNORECASE), r"\1 about the"),
    # "The FIDH what is?": what is the FIDH?
    (
        re.compile(r"^\s*((?:the )?[\w'’ .&-]{2,40}?) what (is|was|are|were)\s*\?", re.IGNORECASE),
        r"What \2 \1?",
    ),
)


def literal_english(text: str) -> str:
    """`text` with word-for-word Italian or Portuguese constructions put in English."""
    text = _WORD.sub(lambda m: _matching_case(m.group(0), _WORDS[m.group(0).lower()]), text)
    for pattern, replacement in _CONSTRUCTIONS:
        text = pattern.sub(replacement, text)
    return re.sub(r"(?<=\S) {2,}", " ", text)


def _matching_case(word: str, english: str) -> str:
    """The English word capitalised as the word it replaces was."""
    return english[:1].upper() + english[1:] if word[:1].isupper() else english
