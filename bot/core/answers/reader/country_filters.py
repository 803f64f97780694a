"""The countries a question filters signatories by.

"Japanese groups", "from Indonesia, Bangladesh or Thailand", "outside Asia" (a region
stands for its countries).
"""

from __future__ import annotations

import re

from bot.core.answers.reader.carried_context import CLOSING_TAG
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.resolve import (
    DEMONYMS,
    KNOWN_COUNTRIES,
    REGIONS,
    resolve_country,
    resolve_region,
)
from bot.core.search.roles import HEAD_WORDS, canonical_words

#: "European organisations …, and in which countries?", "latin american groups in there?":
#: the groups asked for first (not "the countries on the list - only Asian ones?").
GROUPS_THEN_COUNTRIES = re.compile(
    r"^(?:(?!countr).)*\b(?:organi[sz]ations?|groups?|signers?|signatories|orgs?|ngos?)\b"
)
_COUNTRY_NOUN = re.compile(
    r"\b([a-z]+(?: [a-z]+){0,2}) (?:organi[sz]ations?|groups?|ngos?|signator\w*|members|signers?|"
    # "the thai one on the list", "canadian ones??"
    r"orgs?|charit(?:y|ies)|co ?signers?|ones|one|outfits?|nonprofits?|stakeholders?|"
    r"entit(?:y|ies))\b"
)
_COUNTRY_FROM = re.compile(
    # the name stops before a word that starts another phrase: "in the data are from the UK"
    r"\b(?:from|frm|in|based in|of|listed (?:under|with|as)) (?:the )?"
    # "from south or southeast asia": two parts of one region
    r"((?:(?:south|southeast|east|north|northeast|central|western|eastern) (?:or|and) )?"
    r"[a-z]+(?: (?!(?:from|in|of|are|is|was|were|and|or)\b)[a-z]+){0,2})|"
    # "listed with Brazil as its country", "how many have USA as their country"
    r"\b(?:with|have|has|had) (?:the )?([a-z]+(?: [a-z]+)?(?: (?:or|and) [a-z]+(?: [a-z]+)?)?) "
    r"as (?:its|their|the) country\b"
)


_EXCLUDING = re.compile(
    r"\b(?:not (?:from|in|based in)|outside(?: of)?|excluding|except(?: for)?|"
    r"other than|apart from|non)\b"
)


def excludes(norm: str, country: str) -> bool:
    """Whether "not from", "outside"… comes right before the country or region named."""
    for match in _EXCLUDING.finditer(norm):
        after = norm[match.end() : match.end() + 40]
        if (
            resolve_region(after)
            or country.casefold() in after
            or any(form in after for form, c in DEMONYMS.items() if c == country)
        ):
            return True
    return False


_JOINED = re.compile(r"\b(?:and|or|nor)\b")
#: Words that add a region to a country asked of before it: "from Canada? also any from …".
_ADDED = re.compile(r"\b(?:and|or|also|plus)\b")


def _joined_before(scope: Scope, before: str, members: list[str]) -> list[str]:
    """A country named before a region and joined to it ("Canada … also Latin America")."""
    country = _country(scope, before)
    if country is None or country in members or country == "North Korea":
        return []
    return [country] if _ADDED.search(before[before.find(normalize(country)) :]) else []


_MORE_COUNTRIES = re.compile(
    # "which org is from the czech republic and which one is thailand"
    # "… from indonesia or was it bangladesh", "… thailand, and which with the czech republic"
    r"\b(?:and|or) (?:which|what|was it|is it)(?: (?:one|org|group|organi[sz]ation)s?)?"
    r"(?: (?:is|are|was|were))?(?: (?:from|with|in))? (?:the )?([a-z]+(?: [a-z]+)?)|"
    r"\b(?:or|and|nor) (?:from |in )?(?:the )?([a-z]+(?: [a-z]+)?)"
)
_BEFORE_JOINER = re.compile(r"\b([a-z]+) (?:or|and|nor) ")


def countries_in(scope: Scope, norm: str) -> list[str]:
    """The countries a question filters by, in order (a region gives all of its own)."""
    for pattern in (_COUNTRY_NOUN, _COUNTRY_FROM):
        for match in pattern.finditer(norm):
            if _describes_role(norm, match):
                continue
            group = next(i for i, g in enumerate(match.groups(), 1) if g)
            region = _leading_region(match.group(group))
            if region and _names_region_in_a_name(scope, match.group(group)):
                continue  # "radio free asia signatories": a group's name, no region
            if region and " north korea" not in match.group(0):
                members = list(REGIONS[region])
                # from the region's own words on: "asia outside the rok"
                left_out = left_out_of(scope, norm[match.start(group) :], members)
                return [*_joined_before(scope, norm[: match.start()], members)] + [
                    c for c in members if c not in left_out
                ]
    listed = _country_list(scope, norm)
    if len(listed) >= 2:
        return listed
    first = _country(scope, norm) or _terse_country(scope, norm)
    if first is None:
        return []
    found = [first]
    # "any Czech or Belgian groups": the longer "Belgian" is found first, "Czech" before "or"
    for match in (*_MORE_COUNTRIES.finditer(norm), *_BEFORE_JOINER.finditer(norm)):
        # "or belgium, czech": two countries side by side, each its own word
        named = next(g for g in match.groups() if g)
        each = [resolve_country(scope, word) for word in named.split()]
        side_by_side = len(each) > 1 and all(each) and len(set(each)) == len(each)
        for country in each if side_by_side else [resolve_country(scope, named)]:
            if country and country not in found and country != "North Korea":
                found.append(country)
    # "which org was from thailand, and which one from indonesia?": a second "from"
    for match in _COUNTRY_FROM.finditer(norm):
        country = resolve_country(scope, match.group(1) or "")
        joined = _JOINED.search(norm[max(match.start() - 25, 0) : match.start()])
        if country and joined and country not in found and country != "North Korea":
            found.append(country)
    # "bangladesh / indonesia orgs": countries side by side before the groups
    for match in _COUNTRY_NOUN.finditer(norm):
        words = match.group(1).split()
        for i, word in enumerate(words):
            country = resolve_country(scope, word) if words[i - 1 : i] != ["north"] else None
            if country and country not in found and country != "North Korea":
                found.append(country)
    return found


#: After a region, the words that leave some of its countries out: "Asia outside the ROK
#: and Japan", "from Asia, not counting Korea or Japan".
_LEAVING_OUT = re.compile(
    r"^(?:\w+ ){1,4}?(?:outside(?: of)?|excluding|except(?: for)?|other than|apart from|"
    r"but not|not counting|not including|not|besides|minus|leaving out|bar) (?:the )?"
    r"((?:[a-z]+ ?){1,8})"
)


def _names_region_in_a_name(scope: Scope, phrase: str) -> bool:
    """Whether a region word in `phrase` is part of a group's name ("Radio Free Asia")."""
    return any(
        m.kind == "organization" and resolve_region(m.surface)
        for m in scope.names.find_mentions(phrase, correct_typos=False)
    )


#: Words after which a list gives examples of what is asked, not what is left out.
_EXAMPLES_FOLLOW = frozenset("like such including especially say eg e".split())


def left_out_of(scope: Scope, after: str, members: list[str]) -> set[str]:
    """The countries of a region that the words from its name on leave out."""
    match = _LEAVING_OUT.match(after)
    if match is None:
        return set()
    words = match.group(1).split()
    # "outside korea and japan, like indonesia": the examples after are kept, not left out
    cut = next((i for i, w in enumerate(words) if w in _EXAMPLES_FOLLOW), len(words))
    words = words[:cut]
    found = set()
    at = 0
    while at < len(words):
        country, step = _country_at(scope, words, at)
        if words[at] == "korea" and country in (None, "North Korea"):
            country, step = "South Korea", 1  # "Asia outside Korea": no group is from the North
        if country in members:
            found.add(country)
        at += step
    return found


def _country_at(scope: Scope, tokens: list[str], at: int) -> tuple[str | None, int]:
    """The country named at `tokens[at]`, and how many words name it (1 when none does).

    "south korea" is one country; "indonesia bangladesh" and "rok japan" are two (the pair
    resolves to the second word's country).
    """
    pair = resolve_country(scope, " ".join(tokens[at : at + 2])) if at + 1 < len(tokens) else None
    single = resolve_country(scope, tokens[at])
    second = resolve_country(scope, tokens[at + 1]) if at + 1 < len(tokens) else None
    if pair and pair != second and pair != single:
        return pair, 2
    if single:
        return single, 1
    return (pair, 2) if pair else (None, 1)


def carved_region(countries: list[str]) -> str | None:
    """ "Asia outside South Korea and Japan": a region less the countries it leaves out."""
    for region, members in REGIONS.items():
        kept = [c for c in members if c in countries]
        left = [c for c in members if c not in countries and c != "North Korea"]
        if kept == countries and left and len(kept) > len(members) // 2:
            return f"{region} outside {' and '.join(left)}"
    return None


def _leading_region(phrase: str) -> str | None:
    """The region a phrase opens with, whatever follows it: "europe uk" is Europe."""
    words = phrase.split()
    for size in range(len(words), 0, -1):
        region = resolve_region(" ".join(words[:size]))
        if region:
            return region
    return None


def _terse_country(scope: Scope, norm: str) -> str | None:
    """ "conectas brazil?": in a message of a few words, a country's name standing alone."""
    tokens = norm.split()
    if len(tokens) > _TERSE_WORDS or _NOT_TERSE & set(tokens):
        return None  # "is CSW UK-based?": where it is based, read by `subject_readings`
    for size in (2, 1):
        for at in range(len(tokens) - size, -1, -1):
            country = resolve_country(scope, " ".join(tokens[at : at + size]))
            if country is not None and country != "North Korea":
                return country
    return None


#: A message this short that names a country asks of that country.
_TERSE_WORDS = 4
_NOT_TERSE = frozenset("based headquartered located hq office city".split())


def _country_list(scope: Scope, norm: str) -> list[str]:
    """ "From Indonesia, Bangladesh or Thailand": every country of a list after "from"."""
    tokens = norm.split()
    # "Bangladesh, Indonesia, Brazil: from these countries, which groups…": a list first
    leading = [-1] if _THESE_COUNTRIES.search(norm) else []
    starts = [*leading, *(i for i, t in enumerate(tokens) if t in ("from", "frm", "in"))]
    for start in starts:
        found: list[str] = []
        at = start + 1
        while at < len(tokens) and len(found) < _MAX_LISTED:
            if tokens[at] in _LIST_JOINERS:
                at += 1
                continue
            country, step = _country_at(scope, tokens, at)
            if country is None:
                break
            if country not in found:
                found.append(country)
            at += step
        if len(found) >= 2:
            return found
    return []


_LIST_JOINERS = frozenset({"or", "and", "nor", "the", "either"})
#: Words that point back to countries listed before them.
_THESE_COUNTRIES = re.compile(r"\b(?:these|those|the above|said) (?:countries|nations|places)\b")
#: The most countries one list is read for (a question is bounded in length anyway).
_MAX_LISTED = 12


def _country(scope: Scope, norm: str) -> str | None:
    """A country the question filters by ("Japanese groups", "from Canada")."""
    for pattern in (_COUNTRY_NOUN, _COUNTRY_FROM):
        for match in pattern.finditer(norm):
            words = next(g for g in match.groups() if g).split()
            if pattern is _COUNTRY_NOUN and len(words) > 1 and words[-1] == "based":
                words.pop()  # "US-based orgs": the country the groups are based in
            # "talking about american NGOs": the nationality is the words nearest the noun
            tails = [" ".join(words[-n:]) for n in range(len(words), 0, -1)]
            tails = tails if pattern is _COUNTRY_NOUN else tails[:1]
            if match.group(0).endswith((" one", " ones")) and not _demonym(words[-1]):
                continue  # "the Thai one" is a group; "the south korea one" the letter
            if pattern is _COUNTRY_FROM and _describes_other_thing(words):
                continue  # "a group of North Korean prison camp survivors": not its country
            country = next((c for t in tails if (c := resolve_country(scope, t))), None)
            if country and not _describes_role(norm, match):
                return country
    return _closing_country(scope, norm)


#: How adjectives of nationality end ("Brazilian", "Japanese", "British", "Thai", "Dutch").
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "an", "i", "ch", "ic")
#: Words that may close a question after the country asked of ("Brazilian? confirm").
_TAGS = frozenset(
    "confirm right correct yes yeah true really then too isnt wasnt arent it they innit".split()
)


def _demonym(word: str) -> bool:
    """Whether a word is an adjective of nationality other than Korea's ("Thai", "Canadian")."""
    return word.endswith(_DEMONYM_ENDINGS) and word != "korean"


def _describes_other_thing(words: list[str]) -> bool:
    """Whether a nationality in `words` describes a noun after it that is no group.

    "survivors of North Korean prison camps" says where the camps are, not the group.
    """
    return any(
        word in DEMONYMS
        and (word == "korean" or _demonym(word))  # an adjective, not "Burma" or "US"
        and words[i + 1 :]
        and words[i + 1] not in _NO_OTHER_THING
        and f"{word} {words[i + 1]}" not in _COUNTRY_NAMES  # "the Czech Republic"
        for i, word in enumerate(words)
    )


_COUNTRY_NAMES = frozenset(normalize(country) for country in KNOWN_COUNTRIES)
#: Nouns a nationality before them makes a filter on groups ("of Japanese groups").
_GROUPS = frozenset(
    "organisation organisations organization organizations group groups ngo ngos org orgs "
    "signatories signatory members member signers charity charities one ones".split()
)
#: Words after a nationality that leave it the group's own ("Czech, yes or no?").
_NO_OTHER_THING = _GROUPS | _TAGS | _LIST_JOINERS | {"no"}


def _closing_country(scope: Scope, norm: str) -> str | None:
    """A country the question ends on: "which of the groups are South Korean", "Brazilian?"."""
    words = CLOSING_TAG.sub("", norm).split()  # "conectas brazilian? yes or no"
    while words and words[-1] in _TAGS:
        words.pop()
    if not words or not words[-1].endswith(_DEMONYM_ENDINGS):
        return None  # only an adjective of nationality ("Brazilian"), never "US diplomacy"
    if words[-1] == "korean" and words[-2:-1] != ["south"]:
        return None  # "the North Korean people" is the subject, not a filter
    for size in (2, 1):
        if len(words) > size:
            country = resolve_country(scope, " ".join(words[-size:]))
            if country:
                return country
    return None


def _describes_role(norm: str, match: re.Match[str]) -> bool:
    """Whether the place is part of a role ("quotes from HRW's Asia deputy director")."""
    following = norm[match.end() :].split()[:1]
    # "the post of Asia director at HRW": the role word may be inside what was captured
    words = [*next(g for g in match.groups() if g).split()[1:], *following]
    # "the act in the US congress": the country's institutions, not a filter on groups
    return any(HEAD_WORDS & set(canonical_words(w)) or w in _STATE_BODIES for w in words)


_STATE_BODIES = frozenset(
    "congress senate government parliament administration embassy authorities regime".split()
)
