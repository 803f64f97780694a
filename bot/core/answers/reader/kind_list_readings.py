"""Readings for everyone or everything of a kind: "list the US officials mentioned".

"Which US lawmakers get quoted?", "who are the heads of state mentioned?", "which UN bodies
come up?", "all media outlets mentioned?": a list over the data, of people by the kind of
body their role is at, or of organisations by kind.
"""

from __future__ import annotations

import re

from bot.core.answers.facts import kind_lists
from bot.core.answers.reader.context import Context, Reading, letter_fit
from bot.core.search.resolve import resolve_country

#: People by the kind of body their role is at: (words, kinds, how the answer names them).
_PEOPLE = (
    (
        r"\bun (?:officials|people|experts|staff|representatives|figures)\b",
        frozenset({"un-body"}),
        "UN officials",
    ),
    (
        r"\b(?:officials|politicians|government (?:people|figures|members)|diplomats|"
        r"statesmen|public figures)\b",
        frozenset({"government", "legislature"}),
        "officials and politicians",
    ),
    (
        r"\b(?:lawmakers|legislators|congressmen|congresspeople|members of congress)\b",
        frozenset({"legislature"}),
        "lawmakers",
    ),
    (
        r"\b(?:heads? of state|world leaders|national leaders|state leaders|leaders)\b",
        frozenset({"government"}),
        "government leaders and officials",
    ),
    (r"\b(?:journalists|reporters)\b", frozenset({"media"}), "journalists"),
    (
        # Not "campaigners" alone: the 2012 release says where the coalition's came from.
        r"\b(?:ngo|campaign|advocacy|human rights) "
        r"(?:people|staff|figures|workers|spokespeople|representatives)\b",
        frozenset({"ngo", "coalition"}),
        "campaigners",
    ),
)
#: Organisations by kind: (words, kind, how the answer names them).
_ORGANIZATIONS = (
    (
        r"\b(?:media outlets|news outlets|outlets|newspapers|news organi[sz]ations|"
        r"news agencies|wire services|media organi[sz]ations|media)\b",
        "media",
        "news outlets",
    ),
    (
        r"\b(?:un|united nations) (?:bodies|agencies|organs|entities|institutions|mechanisms)\b",
        "un-body",
        "UN bodies",
    ),
    (r"\b(?:coalitions|alliances)\b", "coalition", "coalitions"),
)
#: Asking for all of a kind: a list word before the kind, or where they appear after it.
_LIST_WORD = r"\b(?:which|what|list|name|names|all|every|who are|who were|any)\b(?: \w+){0,4}? "
_LIST_WORD_NEXT = r"\b(?:which|what|list|name|all|every|any)(?: \w+)? "
_APPEAR = (
    r"(?: \w+){0,4}? (?:mentioned|named|quoted|cited|credited|come up|comes up|show up|"
    r"shows up|appear\w*|involved|feature\w*)\b"
)
#: Words that ask who published or reported something: the sources' reading answers them.
_PUBLISHED = re.compile(
    r"\b(?:reported|published|covered|ran|broke|sources? (?:for|of)|are the sources)\b"
)
#: "Everyone quoted, officials included": all the people, the kind only an aside.
_EVERYONE = re.compile(r"\b(?:everyone|everybody|every person|every one|all of them|anyone)\b")
_SCORE = 7.5
#: "every U.S. lawmaker", "each UN body": one of a kind, every one of them asked for.
_EVERY_ONE = re.compile(
    r"\b((?:every|each) (?:\w+ ){0,3}?)(lawmaker|legislator|official|politician|diplomat|"
    r"journalist|reporter|body|agency|outlet|newspaper|coalition|alliance)\b"
)
_PLURAL = {"body": "bodies", "agency": "agencies"}
#: "Every U.S. lawmaker mentioned in the coverage?": a list, though typed as a statement.
_ALL_OF_A_KIND = re.compile(r"^ (?:every|each|all|list)\b")


def _in_plural(match: re.Match[str]) -> str:
    """ "every UN body" → "every UN bodies": the kind in the plural its patterns expect."""
    noun = match.group(2)
    return match.group(1) + _PLURAL.get(noun, noun + "s")


def kind_list_readings(context: Context) -> list[Reading]:
    """Everyone or everything of a kind the question names in the plural."""
    q = context.question
    if q.subjects("person") or q.has(_EVERYONE):
        return []
    # "only NGO people got quoted, right?" claims something of a kind; "all media outlets
    # mentioned?", typed as a statement, still asks for all of them
    listing = not context.cue("yes_no") or q.has(_ALL_OF_A_KIND)
    norm = _EVERY_ONE.sub(_in_plural, q.norm)  # "every U.S. lawmaker" asks for them all
    people = next(((w, k, d) for w, k, d in _PEOPLE if _asked_for(norm, w, listing)), None)
    if people is not None:
        return [_people_reading(context, *people)]
    for words, kind, described in _ORGANIZATIONS:
        if (
            _asked_for(norm, words, listing)
            and not (kind == "media" and q.has(_PUBLISHED))
            # "which coalitions signed the 2012 letter": its signatories, of a kind; but
            # "which organisations are coalitions" asks of no letter
            and not (context.cue("signed") or (context.cue("signatories") and q.asks_of_a_letter()))
        ):
            return [_organizations_reading(context, kind, described)]
    return []


def _organizations_reading(context: Context, kind: str, described: str) -> Reading:
    """The organisations of a kind in the knowledge base."""
    scope = context.scope
    return Reading(
        "organizations",
        _SCORE + 2.0,  # "UN bodies" asks for bodies, not about the UN
        f"every one of the {described}",
        lambda: kind_lists.organizations_of_kind(scope, kind, described),
    )


def _people_reading(context: Context, words: str, kinds: frozenset[str], described: str) -> Reading:
    """The people of a kind, of the country named right before it, for a letter if dated."""
    q, scope = context.question, context.scope
    kind = re.search(words, q.norm)
    country = (_country_before(context, q.norm[: kind.start()]) if kind else None) or q.country
    named = f"{_ADJECTIVE.get(country, country)} {described}" if country else described
    best = context.fits[0] if context.fits else None
    strong = best is not None and ("named" in best.clues or str(best.letter.year) in best.clues)
    letter = context.letter if strong else None
    return Reading(
        "people",
        _SCORE + letter_fit(context),
        f"every one of the {named}",
        lambda: kind_lists.people_of_kind(scope, kinds, named, country, letter),
    )


#: A country's adjective, where the answer reads better with it ("US officials").
_ADJECTIVE = {"United States": "US", "South Korea": "South Korean", "North Korea": "North Korean"}


def _country_before(context: Context, before: str) -> str | None:
    """The country named right before the kind ("US officials", "US lawmakers and officials")."""
    words = before.split()
    if words[-1:] == ["and"]:
        words = words[:-2]  # "US lawmakers and officials": the country before both
    if not words or words[-1] in _NO_COUNTRY:
        return None  # "tell us which officials": "us" is no country there
    for size in (2, 1):
        if len(words) >= size and (
            found := resolve_country(context.scope, " ".join(words[-size:]))
        ):
            return found
    return None


def _asked_for(norm: str, words: str, appearing: bool = True) -> bool:
    """Whether the question asks for all of a kind, not only names it in passing.

    A list word before the kind asks for them ("which UN bodies"); so, unless `appearing`
    is off, does where they appear after it ("UN bodies that come up"). Off, the list word
    must be next to the kind ("all media outlets mentioned?").
    """
    kind = words.removeprefix(r"\b")
    pattern = (
        f"{_LIST_WORD}{kind}|{words}{_APPEAR}|{_WHICH_ARE}{kind}"
        if appearing
        else f"{_LIST_WORD_NEXT}{kind}"
    )
    return re.search(pattern, norm) is not None


#: "Which organisations in the knowledge base are coalitions?": the kind after the verb.
_WHICH_ARE = r"^ (?:which|what) (?:\w+ ){1,6}?(?:are|were) (?:\w+ )?"


#: Words right before the kind that end no country's name.
_NO_COUNTRY = frozenset("which what the all any every list name of those these some".split())
