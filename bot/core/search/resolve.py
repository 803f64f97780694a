"""Turn what a user typed ("the 2018 letter", "HRW", "brad adam") into entities.

Resolvers return the entity or raise `NotFoundError` carrying "did you mean" suggestions.
They accept an id (what autocomplete sends), an exact name or alias, a close spelling, or
for letters a description: a year, a recipient, a coordinator, "open letter".
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from functools import cache

from bot.core.errors import NotFoundError
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter, Organization, Person
from bot.core.scope import Scope
from bot.core.search.names import normalize

_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")

#: Adjectives and short forms people use for countries, mapped to the names data/ uses.
DEMONYMS: dict[str, str] = {
    "japanese": "Japan",
    "south korean": "South Korea",
    "rok": "South Korea",
    # Romanised Korean, as Korean speakers type them in English: "Namhan groups", "Ilbon"
    "namhan": "South Korea",
    "hanguk": "South Korea",
    "ilbon": "Japan",
    "miguk": "United States",
    "jungguk": "China",
    "republic of korea": "South Korea",
    "american": "United States",
    "us": "United States",
    "usa": "United States",
    "u s": "United States",
    "united states of america": "United States",
    "canadian": "Canada",
    "brazilian": "Brazil",
    "indonesian": "Indonesia",
    "bangladeshi": "Bangladesh",
    "thai": "Thailand",
    "czech": "Czech Republic",
    "czechia": "Czech Republic",
    "belgian": "Belgium",
    "paraguayan": "Paraguay",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "u k": "United Kingdom",  # "U.K.", normalised
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "england": "United Kingdom",
    "scotland": "United Kingdom",
    "wales": "United Kingdom",
    "english": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "dutch": "Netherlands",
    "swiss": "Switzerland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "italian": "Italy",
    "spanish": "Spain",
    "portuguese": "Portugal",
    "irish": "Ireland",
    "polish": "Poland",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "chinese": "China",
    "taiwanese": "Taiwan",
    "mongolian": "Mongolia",
    "filipino": "Philippines",
    "philippine": "Philippines",
    "vietnamese": "Vietnam",
    "malaysian": "Malaysia",
    "burmese": "Myanmar",
    "burma": "Myanmar",
    "indian": "India",
    "nepali": "Nepal",
    "pakistani": "Pakistan",
    "australian": "Australia",
    "mexican": "Mexico",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "chilean": "Chile",
    "colombian": "Colombia",
    "peruvian": "Peru",
    "south african": "South Africa",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "israeli": "Israel",
    "turkish": "Turkey",
    "north korean": "North Korea",
    # Plain "Korean groups" are South Korean: North Korea has no independent NGOs.
    "korean": "South Korea",
}

#: Regions users filter by, and the countries in them (those in the data and the common).
REGIONS: dict[str, tuple[str, ...]] = {
    "Europe": (
        "United Kingdom",
        "France",
        "Germany",
        "Belgium",
        "Netherlands",
        "Czech Republic",
        "Switzerland",
        "Sweden",
        "Norway",
        "Denmark",
        "Italy",
        "Spain",
        "Portugal",
        "Ireland",
        "Poland",
        "Ukraine",
        "Russia",
    ),
    "Asia": (
        "South Korea",
        "Japan",
        "China",
        "Taiwan",
        "Mongolia",
        "Thailand",
        "Indonesia",
        "Bangladesh",
        "Philippines",
        "Vietnam",
        "Malaysia",
        "Myanmar",
        "India",
        "Nepal",
        "Pakistan",
        "North Korea",
    ),
    "Latin America": ("Brazil", "Paraguay", "Mexico", "Argentina", "Chile", "Colombia", "Peru"),
    "North America": ("United States", "Canada", "Mexico"),
    "Africa": ("South Africa", "Nigeria", "Kenya"),
}
#: Words for regions, longest first when matched.
REGION_WORDS: dict[str, str] = {
    "european": "Europe",
    "europe": "Europe",
    "asian": "Asia",
    "asia": "Asia",
    "latin american": "Latin America",
    "latin america": "Latin America",
    "south american": "Latin America",
    "south america": "Latin America",
    "north american": "North America",
    "north america": "North America",
    "african": "Africa",
    "africa": "Africa",
}


def resolve_region(text: str) -> str | None:
    """A region named in `text` ("European groups"), as REGIONS names it."""
    norm = f" {normalize(text)} "
    for word, region in sorted(REGION_WORDS.items(), key=lambda item: -len(item[0])):
        if f" {word} " in norm:
            return region
    return None


#: Countries users may name that no organisation in the data is from: a question filtering
#: by one of them is answered "none is from there", not ignored.
KNOWN_COUNTRIES = frozenset(
    {
        *DEMONYMS.values(),
        "Japan",
        "South Korea",
        "Canada",
        "Brazil",
        "Indonesia",
        "Bangladesh",
        "Thailand",
        "Paraguay",
        "Narnia",
    }
    - {"Narnia"}
)


def years_in(text: str) -> list[int]:
    """Four-digit years mentioned in a text."""
    return [int(y) for y in _YEAR.findall(text)]


def resolve_letter(scope: Scope, text: str) -> Letter:
    """The letter a user means; raise NotFoundError with suggestions when unclear."""
    kb = scope.kb
    text = text.strip()[: scope.max_query_length]
    if text in kb.letters:
        return kb.letters[text]
    best = best_letters(scope, text)
    if len(best) == 1:
        return best[0]
    titles = tuple(f"{letter.title} ({letter.date})" for letter in (best or _all_letters(scope)))
    raise NotFoundError("letter", text, titles[:5])


def best_letters(scope: Scope, text: str) -> list[Letter]:
    """Letters that best fit a description, by named letter, year, recipient and signers."""
    kb = scope.kb
    mentions = scope.names.find_mentions(text)
    named = [kb.letters[m.entity_id] for m in mentions if m.entity_id in kb.letters]
    if named:
        return list(dict.fromkeys(named))
    years = set(years_in(text))
    mentioned = {m.entity_id for m in mentions}
    signed = _signed_by_any(scope, mentioned)
    norm = f" {normalize(text)} "
    scores: dict[str, int] = {}
    for letter in _letters_of_years(kb, years):
        score = 3 if years else 0
        if letter.recipient in mentioned:
            score += 2
        if letter.coordinator and letter.coordinator in mentioned:
            score += 2
        if letter.id in signed:
            score += 1
        if " open " in norm and "open" in letter.kind:
            score += 1
        if score:
            scores[letter.id] = score
    if not scores:
        if years:  # "the 1999 letter" names a year no letter has: nothing, not a guess
            return []
        fuzzy = scope.names.lookup(text, kinds=("letter",), limit=3, cutoff=85.0)
        return [kb.letters[eid] for eid, _ in fuzzy[:1]]
    top = max(scores.values())
    return [kb.letters[eid] for eid, score in scores.items() if score == top]


def _letters_of_years(kb: KnowledgeBase, years: set[int]) -> Iterable[Letter]:
    """The letters of these years (every letter when no year is given), in `kb` order."""
    if not years:
        return kb.letters.values()
    by_year = kb.derived("letters_by_year", _index_letters_by_year)
    return (letter for _, letter in heapq.merge(*(by_year.get(year, []) for year in years)))


def _index_letters_by_year(kb: KnowledgeBase) -> dict[int, list[tuple[int, Letter]]]:
    """Each year's letters with their position in `kb.letters`."""
    by_year: dict[int, list[tuple[int, Letter]]] = {}
    for position, letter in enumerate(kb.letters.values()):
        by_year.setdefault(letter.year, []).append((position, letter))
    return by_year


def _signed_by_any(scope: Scope, entity_ids: set[str]) -> set[str]:
    """Ids of letters that name any of `entity_ids` as a signatory.

    Through the knowledge base's reverse index (which also lists coordinated letters, so
    each is checked), instead of walking every signatory of every letter.
    """
    kb = scope.kb
    signed: set[str] = set()
    for entity_id in entity_ids:
        if entity_id not in kb.organizations:
            continue
        for letter in kb.letters_signed_by(entity_id):
            if any(s.organization == entity_id for s in letter.signatories):
                signed.add(letter.id)
    return signed


def _all_letters(scope: Scope) -> list[Letter]:
    return sorted(scope.kb.letters.values(), key=lambda letter: letter.date)


def resolve_organization(scope: Scope, text: str) -> Organization:
    """The organisation a user means (id, name, abbreviation or close spelling)."""
    kb = scope.kb
    text = text.strip()[: scope.max_query_length]
    if text in kb.organizations:
        return kb.organizations[text]
    matches = scope.names.lookup(text, kinds=("organization",), limit=5, cutoff=70.0)
    if matches and matches[0][1] >= 86.0 and _clear_winner(matches):
        return kb.organizations[matches[0][0]]
    raise NotFoundError("organization", text, tuple(scope.names.display(e) for e, _ in matches))


def resolve_person(scope: Scope, text: str) -> Person:
    """The person a user means: id, name, spelling, surname or role ("UN special rapporteur")."""
    kb = scope.kb
    text = text.strip()[: scope.max_query_length]
    if text in kb.people:
        return kb.people[text]
    people = [m.entity_id for m in scope.names.find_mentions(text) if m.kind == "person"]
    if len(set(people)) == 1:
        return kb.people[people[0]]
    matches = scope.names.lookup(text, kinds=("person",), limit=5, cutoff=70.0)
    if matches and matches[0][1] >= 86.0 and _clear_winner(matches):
        return kb.people[matches[0][0]]
    raise NotFoundError("person", text, tuple(scope.names.display(e) for e, _ in matches))


def _clear_winner(matches: list[tuple[str, float]]) -> bool:
    return len(matches) == 1 or matches[0][1] > matches[1][1]


def resolve_country(scope: Scope, text: str) -> str | None:
    """A country named in `text` ("Japanese", "ROK", "from Japan"), as data/ spells it."""
    norm = f" {normalize(text)} "
    countries, printed_forms = scope.kb.derived("countries", _country_forms)
    for country, form in countries:
        if form in norm:
            return country
    demonyms, known = _fixed_forms()
    for form, country in demonyms:
        if form in norm:
            return country
    for country, form in known:
        if form in norm:
            return country
    for country, form in printed_forms:
        if form in norm:
            return country
    return None


@cache
def _fixed_forms() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The demonyms (longest first) and the known countries, each as " normalised form ".

    Sorted and normalised once: every question resolves countries several times.
    """
    demonyms = tuple(
        (f" {form} ", country)
        for form, country in sorted(DEMONYMS.items(), key=lambda item: -len(item[0]))
    )
    known = tuple((country, f" {normalize(country)} ") for country in sorted(KNOWN_COUNTRIES))
    return demonyms, known


def _country_forms(kb: KnowledgeBase) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The countries organisations are from (longest first) and the printed forms of them.

    Both as (country, " normalised form ") pairs in the order `resolve_country` tries them;
    computed once per knowledge base instead of walking every organisation per question.
    """
    countries = {org.country for org in kb.organizations.values() if org.country}
    by_length = [(c, f" {normalize(c)} ") for c in sorted(countries, key=len, reverse=True)]
    printed: dict[tuple[str, str], None] = {}
    for org in kb.organizations.values():
        if org.country_as_printed and org.country:
            printed[(f" {normalize(org.country_as_printed)} ", org.country)] = None
    return by_length, [(country, form) for form, country in printed]


def country_matches(org: Organization, country: str) -> bool:
    """Whether the organisation is from `country` (by name, printed form or demonym)."""
    wanted = DEMONYMS.get(normalize(country), country)
    candidates = {normalize(c) for c in (org.country, org.country_as_printed) if c}
    return normalize(wanted) in candidates or normalize(country) in candidates


def subjects_named(scope: Scope, text: str, ambiguous: bool = True) -> list[str]:
    """Letters or events a text names, as ids.

    Tried in order: an id, exact titles or aliases (comma-separated), names inside the text,
    else a letter described by year or recipient. With `ambiguous=False` a description
    that fits several letters names none, for callers that must store exactly what was
    meant.
    """
    if text in scope.kb.letters or text in scope.kb.events:
        return [text]
    named = [
        eid
        for part in text.split(", ")
        for eid in sorted(scope.names.aliases.get(normalize(part), ()))
        if scope.names.kind(eid) in ("letter", "event")
    ]
    if named:  # exact titles first: a title may contain an event's name
        return list(dict.fromkeys(named))
    mentions = [
        m.entity_id for m in scope.names.find_mentions(text) if m.kind in ("letter", "event")
    ]
    if mentions:
        return list(dict.fromkeys(mentions))
    if years_in(text) or "letter" in text.casefold():
        found = [letter.id for letter in best_letters(scope, text)]
        return found if ambiguous or len(found) == 1 else []
    return []
