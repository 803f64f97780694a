"""Romanised Korean question words, read as the English the reader knows.

"'Kim Jong-un should look to his legacy' nuga malhaesseoyo?", "Freedom House-do seomyeong
haesseoyo?": Korean speakers often ask in romanised Korean around English names. The
question words, the particles hyphenated onto English words and a few campaign nouns are
glossed; names and quoted words are left as they are. A message is glossed only when it
holds a word that is Korean and nothing else, so English is never touched.
"""

from __future__ import annotations

import re

from bot.core.answers.reader.glossing import QUOTED

#: Phrases first (longest first), then single words: romanised Korean → English.
_GLOSSARY = {
    "isan gajok": "separated families",
    "eodi-eodi": "which",
    "gwanryeon isseosseoyo": "was involved",
    "gwallyeon isseosseoyo": "was involved",
    "inkwon chimhae": "human rights abuses",
    "yogu sahang": "demands",
    "myeot gae": "how many",
    "myeot myeong": "how many people",
    "myeot nyeon": "how many years",
    "allyeo juseyo": "please tell me",
    "malhae juseyo": "please tell me",
    "nawa isseoyo": "is listed",
    "seomyeong haesseoyo": "signed",
    "nuga": "who",
    "nugu": "who",
    "nuguga": "who",
    "nuguege": "to whom",
    "malhaesseoyo": "said",
    "malhaetda": "said",
    "malhaenna": "said",
    "sseosseoyo": "used",
    "mwo": "what",
    "mwoyeyo": "what is it",
    "mueot": "what",
    "mueosieosseoyo": "what was it",
    "eonje": "when",
    "eonjeyo": "when",
    "eodi": "where",
    "wae": "why",
    "waeyo": "why",
    "myeot": "how many",
    "eolmana": "how many",
    "seomyeong": "signed",
    "seomyeonghaesseoyo": "signed",
    "danche": "groups",
    "dancheneun": "groups",
    "nara": "countries",
    "pyeonji": "letter",
    "seohan": "letter",
    "yogu": "demand",
    "yoguhaesseoyo": "demanded",
    "inkwon": "human rights",
    "chimhae": "abuses",
    "ireum": "names",
    "allyeojuseyo": "please tell me",
    "isseosseoyo": "was it there",
    "isseoyo": "is it there",
    "gwanryeon": "involved",
    "gwallyeon": "involved",
    "chamyeo": "involved",
    "nyeon": "years",
    "gae": "",
    "naon": "listed",
    "pyohyeon": "phrase",
    "saram": "people",
    "saramdeul": "people",
    "jeongbu": "government",
    "daetongnyeong": "president",
    "bukhan": "north korea",
    "namhan": "south korea",
    "hanguk": "south korea",
    "kunde": "but",
    "geunde": "but",
    "iraneun": "",
    "raneun": "",
    "haesseoyo": "",
    "ieosseoyo": "",
    "yeosseoyo": "",
    "yeyo": "",
    "ieyo": "",
}
#: Words that are Korean and nothing else: one of them makes the message Korean.
_KOREAN_ONLY = frozenset(w for w in _GLOSSARY if " " not in w) - {"nara", "saram", "wae", "mwo"}
#: Particles hyphenated onto English words and numbers: "letter-e", "House-do", "gae-yeosseoyo".
_PARTICLE = re.compile(
    # not "-eun" or "-in", which are syllables of names ("Jeong-eun", "Jae-in")
    r"(?<=\w)-(?:edo|e|do|ssi|ga|eul|reul|eseo|deul|ege|hante|irago|rago|iraneun|raneun|"
    r"yeosseoyo|yeyo|ieyo|eyo|yo|nim)\b",
    re.IGNORECASE,
)
_PHRASES = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(_GLOSSARY, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+")
#: "eodi-eodi" (where-where: which ones) and other doubled words.
_DOUBLED = re.compile(r"\b(\w+)-\1\b", re.IGNORECASE)


#: "2018 nyeon": the year, said as Koreans say it.
_YEAR_NYEON = re.compile(r"\b((?:19|20)\d\d) nyeon\b", re.IGNORECASE)


def glossed(text: str) -> str:
    """`text` with its romanised Korean read as English; any other text unchanged."""
    if not any(w.lower() in _KOREAN_ONLY for w in _WORD.findall(_PARTICLE.sub("", text))):
        return text
    text = _YEAR_NYEON.sub(r"\1", _PARTICLE.sub("", text))
    pieces = QUOTED.split(text)  # quoted words kept as typed
    for i in range(0, len(pieces), 2):  # the even pieces are outside quotation marks
        piece = _PARTICLE.sub("", pieces[i])  # "nara-ga eodi-eodi-yeyo": a particle each
        piece = _PHRASES.sub(lambda m: _GLOSSARY[m.group(0).lower()], piece)
        piece = _DOUBLED.sub(r"\1", piece)
        pieces[i] = " ".join(piece.split())
    return " ".join(p for p in pieces if p).replace(" ?", "?")
