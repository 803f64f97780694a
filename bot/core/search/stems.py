"""Word stems for matching a user's wording against the data's: "families" finds "family".

Whoosh's Porter stemmer (already a dependency) after folding British and American
spellings ("reauthorisation", "labour") and dropping "-ship", so a topic, a claim or a
description is compared by stems rather than letters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.lang.porter import stem as porter_stem

from bot.core.search.names import normalize

_WORD = re.compile(r"[a-z0-9]{2,}")
_SPELLINGS = (
    ("isations", "izations"),  # before "isation": "organisations" as "organizations"
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("our", "or"),
)

#: Words that carry no topic: question words, pronouns, auxiliaries, "letter" itself.
STOP_WORDS = frozenset(
    "a an the of to in on at as for by with from and or but not no nor is are was were be been "
    "being am do does did doing done have has had having it its this that these those they "
    "them their there here he him his she her we us our you your i me my what which who whom "
    "whose when where why how about into over under than then so too very can could would "
    "should will shall may might must also just any all some each every other such only own "
    "same more most much many few one tell know say said says letter letters between among "
    "within during while because although though whether either neither come came "
    "go goes going gone went "
    "dont doesnt didnt shouldnt wouldnt couldnt cant wont isnt arent wasnt werent "
    # contractions whose apostrophe normalising drops: "it'd", "that's", "they'd"
    "itd itll thats theyd theyll youd whats hell shed hed wed youll shell "
    # nouns that stand for anything: "too many things on the agenda"
    "thing things stuff".split()
)


#: Past forms the stemmer cannot take back to their verb ("had Kim met anyone"), and
#: other forms it cannot join to their word.
_IRREGULAR = {
    "met": "meet",
    "wrote": "write",
    "spoke": "speak",
    "sought": "seek",
    "seen": "see",
    "saw": "see",
    "putting": "put",  # the stemmer leaves "putt"
    "youth": "young",  # not a past form, but as far from its word for the stemmer
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one normalised word."""
    word = _IRREGULAR.get(word, word)
    for british, american in _SPELLINGS:
        if word.endswith(british) and len(word) > len(british) + 2:
            word = word[: -len(british)] + american
            break
    if word.endswith("ship") and len(word) > 7:
        word = word[:-4]
    return str(porter_stem(word))


def stems(text: str, keep_stop_words: bool = False) -> list[str]:
    """The stems of a text's words, in order (stop words dropped unless asked for)."""
    return [
        stem(w) for w in _WORD.findall(normalize(text)) if keep_stop_words or w not in STOP_WORDS
    ]


#: Words people use for what the sources say in other words, by stem: a user's "jail" is
#: the sources' "prison", "food" their "hunger". Both sides are mapped before comparing.
CONCEPTS: dict[str, str] = {
    # "human rights on the table" is on the agenda
    "tabl": "agenda",
    "jail": "prison",
    "gaol": "prison",
    "gulag": "prison",
    "imprison": "prison",
    "detent": "prison",
    "detain": "prison",
    "lock": "prison",
    "famili": "rel",
    "popul": "peopl",
    "ppl": "peopl",
    "citizen": "peopl",
    "afraid": "fear",
    "loyal": "loyalti",
    "scare": "fear",
    "frighten": "fear",
    "terrifi": "fear",
    "split": "separat",
    "divid": "separat",
    "separ": "separat",
    "apart": "separat",
    "reunion": "meet",
    "reunit": "meet",
    "food": "hunger",
    "famin": "hunger",
    "hungri": "hunger",
    "starv": "hunger",
    "malnutrit": "hunger",
    "talk": "dialogu",
    "negoti": "dialogu",
    "diplomaci": "dialogu",
    "engag": "dialogu",
    "contact": "dialogu",
    "outreach": "dialogu",
    "rapproch": "dialogu",
    "wreck": "undermin",
    "ruin": "undermin",
    "harm": "undermin",
    "damag": "undermin",
    "hurt": "undermin",
    "jeopard": "undermin",
    "mess": "undermin",
    "cram": "overload",
    "pile": "overload",
    "error": "mistak",
    "overburden": "overload",
    "overstuff": "overload",
    "derail": "undermin",
    "sabotag": "undermin",
    "central": "core",
    "main": "core",
    "kei": "core",
    "cornerston": "core",
    "centerpiec": "core",
    "stand": "defend",
    "uphold": "defend",
    "champion": "defend",
    "restor": "back",  # "brought freedom back" for "restored freedom"
    "histori": "rememb",
    "legaci": "rememb",
    "biggest": "big",
    "giant": "big",
    "huge": "big",
    "largest": "big",
    "enorm": "big",
    "relig": "religi",
    "religion": "religi",
    "church": "religi",
    "worship": "religi",
    "faith": "religi",
    "christian": "religi",
    "kill": "murder",
    "execut": "murder",
    "nuke": "nuclear",
    "denuclear": "nuclear",
    "korean": "korea",
    "peninsula": "korea",
    "placat": "mollifi",
    "happi": "mollifi",  # "to keep Kim happy"
    "sooth": "mollifi",
    # "turn a blind eye to", "overlook": Robertson's and Rogers's "ignore"
    "blind": "ignor",
    "overlook": "ignor",
    "disregard": "ignor",
    "terribl": "appal",
    "horribl": "appal",
    "aw": "appal",
    "dread": "appal",
    "truli": "realli",
    "genuin": "realli",
    "appeas": "mollifi",
    "pacifi": "mollifi",
    "assist": "aid",
    "foreign": "intern",
    "sacrific": "sacrif",  # "sacrifice", though "sacrificed" stems shorter
    "expens": "sacrif",
    "cost": "sacrif",
    "trade": "sacrif",
    # "ICRC access to the DPRK": the letter asks to "let" monitors "into the country"
    "dprk": "korea",
    "nk": "korea",
    "let": "access",
    "admit": "access",
    "admitt": "access",
    "allow": "access",
    "entri": "access",
    "enter": "access",
    "inspector": "monitor",
    "observ": "monitor",
    # "a lasting denuclearization deal": Quintana's "sustainable agreement"
    "durabl": "sustain",
    "deal": "agreement",
    "accord": "agreement",
}


def concepts(text: str) -> set[str]:
    """The stems of a text with other words for the same thing made one (see CONCEPTS)."""
    return {CONCEPTS.get(s, s) for s in stems(text)}
