"""Shared reading helpers: sentences, name shapes, organisation names, lists and countries.

These are the patterns of English press releases, not of any one document: a person's name
is two to four capitalised words; an organisation's name is a capitalised phrase with an
organisation word in it ("Watch", "Coalition", "Solidarity") or an acronym; countries are
whatever pycountry knows, plus the short forms the press uses ("ROK", "UK").
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.drafts.limits import MAX_SENTENCE_CHARS
from bot.core.kb.sentences import split_sentences
from bot.core.search.places import COUNTRY_ALIASES

# --- Sentences ---------------------------------------------------------------------------


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph with their offsets ("U.S." and "Mr." do not end one).

    A run longer than MAX_SENTENCE_CHARS is cut at spaces into pieces of at most that size.
    """
    return list(_cached_sentences(text))


@lru_cache(maxsize=256)  # every reader splits the same paragraphs again
def _cached_sentences(text: str) -> tuple[tuple[int, str], ...]:
    return tuple(
        piece for offset, sentence in split_sentences(text) for piece in _pieces(offset, sentence)
    )


def _pieces(offset: int, sentence: str) -> list[tuple[int, str]]:
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [(offset, sentence)]
    pieces = []
    start = 0
    while start < len(sentence):
        end = start + MAX_SENTENCE_CHARS
        if end < len(sentence):
            space = sentence.rfind(" ", start + 1, end)
            end = space if space > start else end
        pieces.append((offset + start, sentence[start:end].strip()))
        start = end
    return [p for p in pieces if p[1]]


# --- Names -------------------------------------------------------------------------------

#: One capitalised word of a name: "Brad", "Jae-in", "O’Brien", "McDonald".
NAME_WORD = r"[A-Z][a-zà-ÿ]*(?:[’'][A-Z]?[a-zà-ÿ]+)?(?:-[A-Za-zà-ÿ]+)*"
#: A person's full name: two to four such words ("Tomas Ojea Quintana", "Kim Jong Un").
PERSON_NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}"
#: A capitalised phrase that may be an organisation: words joined by small words.
_CAP = r"(?:[A-Z][\w’'&.-]*|&)"
_JOIN = r"(?:of|for|in|on|to|and|the|de|du|des|la|against|without|with|at)"
# Bounded (at most 12 capitalised words) so a page of capitalised words cannot make the
# patterns that use it backtrack for minutes.
ORG_PHRASE = rf"{_CAP}(?:\s+(?:{_JOIN}\s+){{0,3}}{_CAP}){{0,11}}"

#: Words that make a capitalised phrase an organisation's name.
ORG_WORDS = frozenset(
    "watch international federation coalition council committee association alliance "
    "network campaign center centre society foundation institute house solidarity worldwide "
    "concern union organization organisation organizations organisations group partnership "
    "fund funds radio commission league movement amnesty initiative project forum service "
    "trust church churches ministries mission lawyers reporters agency office bureau "
    "secretariat assembly parliament congress senate university gulag voice need rights "
    "freedom justice ngo party consortium collective caucus board programme program "
    "center foundation federation synod conference clinic".split()
)
#: Last words that make a capitalised phrase something other than an organisation.
_NOT_ORG_LAST = frozenset(
    "act declaration resolution treaty convention summit day week peninsula report law bill "
    "statement letter agenda inquiry".split()
)
#: Capitalised words that are never part of a person's name.
NOT_NAME_WORDS = frozenset(
    "The A An In On At For But And Or Nor So Yet If When While After Before Since During "
    "Though Although Because This That These Those It Its He She They We You I His Her Their "
    "Our Mr Mrs Ms Dr President Prime Minister Senator Leader General Secretary Director "
    "Chairman Chair Ambassador Envoy Rapporteur Special North South East West Korea Korean "
    "United States Nations Human Rights Watch International January February March April May "
    "June July August September October November December Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday Asia Europe Africa America Latin UN U.S. UK EU Commission Council "
    "Committee Coalition Government Republic Democratic People Peoples Today Yesterday "
    "Earlier Later Nevertheless However Meanwhile Meeting Related Add Close Search Select "
    "Giving Sign By Members Meanwhile Also Finally Last Next Reuters".split()
)


def is_person_name(text: str) -> bool:
    """Two to four capitalised words, none of which is a title, place or common word."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not re.fullmatch(PERSON_NAME, text):
        return False
    return not any(w in NOT_NAME_WORDS or w.casefold() in ORG_WORDS for w in words)


def is_acronym(text: str) -> bool:
    """ "HRW", "ICNK", "LiNK", "PSALT NK": capitals (a few lower-case letters inside)."""
    return bool(
        re.fullmatch(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,9}(?:\s[A-Z]{2,5})?", text)
    ) and sum(c.isupper() for c in text) * 2 > len(text.replace(" ", ""))


def is_org_name(text: str) -> bool:
    """A capitalised phrase with an organisation word in it, or an acronym."""
    words = [w.strip(".,’'") for w in text.split()]
    if not words or words[-1].casefold() in _NOT_ORG_LAST:
        return False
    if is_acronym(text):
        return text not in _NOT_ORG_ACRONYMS
    if country_name(text) is not None:
        return False
    capitalised = all(
        w[:1].isupper() or w[:1].isdigit() or re.fullmatch(_JOIN, w) or w == "&" for w in words if w
    )
    return capitalised and any(w.casefold() in ORG_WORDS for w in words)


#: Organisation words strong enough to start a second name after "and".
STRONG_ORG_WORDS = ORG_WORDS - {
    "rights",
    "freedom",
    "justice",
    "need",
    "voice",
    "house",
    "service",
    "mission",
    "project",
    "group",
}


_NOT_ORG_ACRONYMS = frozenset(
    {
        "UN",
        "US",
        "USA",
        "UK",
        "EU",
        "DPRK",
        "ROK",
        "PRC",
        "NGO",
        "NGOs",
        "AFP",
        "AP",
        "TV",
        "OK",
        "CEO",
        "PM",
    }
)


_LEADING_NOISE = re.compile(
    r"^(?:(?:According|Accordingly|to|the|The|In|in|But|And|and|While|As|With|By|For|From|On|"
    r"At|Of|Since|After|Before|Nevertheless|However|Meanwhile|Also|Both|Its|Their|Our|His|"
    r"Her|This|That|These|Those|When|If|Under|Through|Including|Such|as|Like|Unlike|Dear|"
    r"Today|Yesterday|Earlier|Later|Then|Now)\s+)+(?=[A-Z])"
)


def clean_org(text: str) -> str:
    """An organisation phrase without leading small words ("According to the") or punctuation."""
    text = _LEADING_NOISE.sub("", text.strip(" ,;:"))
    if text.endswith(".") and not re.search(r"(?:\b[A-Z]\.){2,}$", text):
        text = text[:-1]  # a sentence's full stop, not the last dot of "U.S."
    return re.sub(r"^[\w\s-]+-based\s+", "", text).strip()


def split_names(text: str) -> list[str]:
    """ "A, B and C" → ["A", "B", "C"] (commas inside parentheses do not split)."""
    parts = re.split(r",\s*(?:and\s+)?(?![^()]*\))|\s+and\s+(?![^()]*\))", text)
    return [p.strip(" ,.") for p in parts if p and p.strip(" ,.")]


# --- Countries ---------------------------------------------------------------------------


@lru_cache(maxsize=2048)
def country_name(text: str) -> str | None:
    """Plain English for a country as printed ("ROK" → "South Korea"), else None."""
    key = text.strip().casefold()
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if len(key) < 2 or not text.strip()[:1].isupper():
        return None
    import pycountry  # loaded on first use: its tables take a moment

    try:
        country = pycountry.countries.lookup(text.strip())
    except LookupError:
        return None
    if len(key) > 3:
        return text.strip()  # a full name as printed stays as printed
    return str(getattr(country, "common_name", None) or country.name)
