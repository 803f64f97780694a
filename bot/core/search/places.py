"""Names of places: every country and its states or provinces that pycountry knows.

Used to tell a place a question names ("the senator from Texas", "the situation in
Vietnam") from other words, whether or not the knowledge base mentions the place; the
short forms the press uses (`COUNTRY_ALIASES`) are shared with the drafter.
"""

from __future__ import annotations

from functools import cache, lru_cache

from bot.core.search.names import normalize

#: Short forms of cities, normalised: "the NY group" is the one based in New York.
CITY_SHORT = {"ny": "new york", "nyc": "new york", "dc": "washington", "d c": "washington"}


def places_in(text: str) -> list[str]:
    """Countries named in `text`, and states or provinces named after "from", "of", "in".

    Normalised, in order. A state only counts after such a word: many are English words
    too ("Reading", "Split", "Nice").
    """
    words = normalize(text).split()
    countries, regions = place_names()
    found: list[str] = []
    for size in (3, 2, 1):
        for at in range(len(words) - size + 1):
            phrase = " ".join(words[at : at + size])
            after_place_word = at > 0 and words[at - 1] in _PLACE_WORDS
            known = phrase in countries or (after_place_word and phrase in regions)
            if known and not any(phrase in f for f in found):
                found.append(phrase)
    return found


_PLACE_WORDS = frozenset({"from", "of", "in"})


@cache
def place_names() -> tuple[frozenset[str], frozenset[str]]:
    """Normalised names of every country, and of every state or province, pycountry knows."""
    import pycountry  # loaded on first use: its tables take a moment

    countries = {
        normalize(name)
        for c in pycountry.countries
        for name in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""))
        if name
    }
    countries |= {normalize(alias) for alias in COUNTRY_ALIASES}  # "vietnam", "burma"…
    regions = {normalize(s.name) for s in pycountry.subdivisions}
    # Short words that are also English words ("Of", "Un") would match anywhere.
    return (
        frozenset(n for n in countries if len(n) > 3),
        frozenset(n for n in regions if len(n) > 3),
    )


#: Short forms the press uses that pycountry does not know, and names it words otherwise.
COUNTRY_ALIASES = {
    "rok": "South Korea",
    "republic of korea": "South Korea",
    "s. korea": "South Korea",
    "dprk": "North Korea",
    "n. korea": "North Korea",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "england": "United Kingdom",
    "scotland": "United Kingdom",
    "wales": "United Kingdom",
    "us": "United States",
    "u.s.": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "russia": "Russia",
    "burma": "Myanmar",
    "ivory coast": "Côte d'Ivoire",
    "palestine": "Palestine",
    "taiwan": "Taiwan",
    "czech republic": "Czech Republic",
    "south korea": "South Korea",
    "north korea": "North Korea",
    "vietnam": "Vietnam",
    "laos": "Laos",
    "iran": "Iran",
    "syria": "Syria",
    "bolivia": "Bolivia",
    "venezuela": "Venezuela",
    "tanzania": "Tanzania",
    "moldova": "Moldova",
    "kosovo": "Kosovo",
    "hong kong": "Hong Kong",
}


@lru_cache(maxsize=1024)  # places come from data that moderators grow: bounded
def country_of_place(name: str) -> str | None:
    """The country a state, province or city is in, where pycountry knows it.

    "New York" → "United States", "Seoul" → "South Korea" (pycountry's "Seoul-teukbyeolsi"),
    "London" → "United Kingdom". Short names as the press uses them, as `COUNTRY_ALIASES`.
    """
    import pycountry

    wanted = normalize(name)
    if not wanted:
        return None
    for sub in pycountry.subdivisions:
        if normalize(sub.name) == wanted or normalize(sub.name).startswith(f"{wanted} "):
            country = pycountry.countries.get(alpha_2=sub.country_code)
            if country is not None:
                common = getattr(country, "common_name", None) or country.name
                return _SHORT_NAMES.get(common, common)
    return None


#: pycountry's names where the knowledge base uses the short form.
_SHORT_NAMES = {
    "Korea, Republic of": "South Korea",
    "Korea, Democratic People's Republic of": "North Korea",
}
