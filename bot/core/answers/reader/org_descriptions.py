"""Organisations named by a description: "the big human rights group in New York".

Like people by their role (`search.roles`), an organisation is found by what the sources
say of it: the words of its name and description, its kind, and where it is (country, the
city it is based in). A description must carry a kind word ("group", "charity", "outlet")
and match one organisation clearly better than the next; a place it names must be that
organisation's place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter
from bot.core.scope import Scope
from bot.core.search.names import Mention
from bot.core.search.places import CITY_SHORT
from bot.core.search.resolve import resolve_country
from bot.core.search.stems import stems

#: "the (big human rights) group (in New York)": the words before a kind word, and a place.
_DESCRIBED = re.compile(
    # "which letter represented more NGOs", "that letter the UK charity signed": the
    # determiner is the letter's, not a group's
    r"\b(?:the|that|this|a|an|some|one|which|what) (?!(?:letter|appeal|petition)s?\b)"
    r"((?:[a-z]+ ){0,5}?)(?:group|organi[sz]ation|"
    r"org|charity|"
    r"ngo|outfit|coalition|outlet|agency|watchdog|network|nonprofit|non profit|body|centre|"
    r"center|institute|foundation|association|alliance|federation|society|league|station|"
    # "the Thai one": a nationality, then "one"; not "the 2018 one", a letter
    r"commission|committee|council|"
    r"(?:(?<=ian )|(?<=ish )|(?<=ese )|(?<=thai )|(?<=czech )|(?<=swiss )|(?<=dutch ))one)"
    r"(s?)\b"
    # "… on missing people", not "… on the coalition list": that is where it is listed
    r"(?: (?:of|for|on(?! (?:the|a|an|this|that|their|its)\b)|run by|made up of|working on|"
    r"(?:that|which|who) (?:(?:campaigns?|works?|advocates?|fights?|speaks? up|stands? up) "
    r"(?:for|on)|(?:(?:acted|acts|served|serves) as|was|is)(?: the| a| an)?|"
    # "the christian group that's been giving hope to persecuted christians"
    r"(?:s |has |have )?been \w+ing(?: hope| help| aid| support)?(?: to| for| on)?)) "
    # what follows stops at a question's own words: "the commission of inquiry what does it"
    r"((?:(?!(?:what|who|which|how|does|did|do)\b)[a-z]+ ){0,3}"
    r"(?!(?:what|who|which|how|does|did|do)\b)[a-z]+))?"
    r"(?: (?:in|from|based in|out of|headquartered in|located in) ((?:the )?[a-z]+(?: [a-z]+)?))?"
)
#: The groups of `_DESCRIBED`: the words before the kind, a plural "s", what follows it,
#: and the place.
_BEFORE, _PLURAL, _AFTER, _PLACE = 1, 2, 3, 4
#: Words of a description that say nothing about which organisation is meant.
_VAGUE = frozenset(
    stems(
        "big large small main famous well known major international the a an "
        # what runs on past a description: "the group that served as … which letters"
        "which what who that is are was were it they actually really"
    )
)
#: A description that points at one group ("the Czech NGO", not "a group from Thailand").
_DEFINITE = ("the ", "that ", "this ")
#: A verb before the description proper: "did the" in "what did the radio station".
_VERB_BEFORE = re.compile(r"^(?:did|does|do|is|was|are|were|has|have|had) (?:the|that|this) ")
#: What a word of an organisation's own name adds, over its rarity, to break a tie.
_NAME_WEIGHT = 0.5
#: Kind words that name a campaigning group, never a government.
_CAMPAIGNING = frozenset("group organisation organization org ngo outfit charity nonprofit".split())
#: Kind words that say which kind of organisation is meant.
_KIND_OF = {"station": "media", "outlet": "media", "broadcaster": "media", "newspaper": "media"}
#: The best match must lead the next by this much.
_MARGIN = 1.0
#: And reach this score.
_CUTOFF = 1.5


@dataclass(frozen=True, slots=True)
class OrgBags:
    """Each organisation's words and places, each word's rarity and its organisations."""

    #: Tuples, not sets: a set of twenty words costs ten times their tuple (40,000 of them).
    bags: dict[str, tuple[str, ...]]
    #: How many of a bag's first words are its names' ("Radio Free Asia"): they weigh more.
    named: dict[str, int]
    places: dict[str, frozenset[str]]
    idf: dict[str, float]
    by_word: dict[str, tuple[str, ...]]


def org_bags(kb: KnowledgeBase) -> OrgBags:
    """Each campaigning organisation's words (name, aliases, description, kind) and places."""
    bags: dict[str, tuple[str, ...]] = {}
    named: dict[str, int] = {}
    places: dict[str, frozenset[str]] = {}
    shared: dict[frozenset[str], frozenset[str]] = {}  # most places are one of few countries
    for org in kb.organizations.values():
        located = " ".join(p for p in (org.based_in, org.country) if p)
        # Where it is is part of its description ("the Seoul group", "the Thai one").
        words = (*org.names, org.description or "", org.kind.replace("-", " "), located)
        bags[org.id] = tuple(dict.fromkeys(stems(" ".join(words))))
        named[org.id] = len(set(stems(" ".join(org.names))))
        where = frozenset(stems(located))
        places[org.id] = shared.setdefault(where, where)
    by_word: dict[str, list[str]] = {}
    for org_id, bag in bags.items():
        for word in bag:
            by_word.setdefault(word, []).append(org_id)
    total = max(len(bags), 1)
    idf = {w: word_rarity(total, len(ids)) for w, ids in by_word.items()}
    return OrgBags(bags, named, places, idf, {w: tuple(ids) for w, ids in by_word.items()})


def word_rarity(total: int, count: int) -> float:
    """`log(1 + total / n)`: a word of `count` of `total` organisations."""
    return math.log(1 + total / count)


def described_org(scope: Scope, norm: str) -> Mention | None:
    """The organisation a description in the normalised question clearly fits, if any."""
    # "the coalition's member list — which survivors' group": the first describes nothing.
    for match in list(_DESCRIBED.finditer(norm))[:_MAX_DESCRIPTIONS]:
        found = _fitting(scope, norm, match)
        if found is not None:
            return found
    return None


#: Kinds of organisation that are places and governments rather than campaigners: named
#: in a question they describe a letter ("pressing Pyongyang"), not the subject.
PLACE_KINDS = frozenset({"government", "legislature"})

#: Descriptions tried per question (a hostile one may hold hundreds).
_MAX_DESCRIPTIONS = 3


def _fitting(scope: Scope, norm: str, match: re.Match[str]) -> Mention | None:
    """The organisation one description clearly fits, if any."""
    # "what did the radio station …": the description starts at "the"
    described = _VERB_BEFORE.sub("", match.group(_BEFORE).strip())
    skipped = len(match.group(_BEFORE).split()) - len(described.split())
    place = (match.group(_PLACE) or "").removeprefix("the ").strip()
    if len(described.split()) == 1 and resolve_country(scope, described):
        if match.group(_PLURAL) or place:
            return None  # "which American groups": a country filter, not "Inter-American …"
    nationality = _nationality(scope, described)
    if nationality and not place and not match.group(_PLURAL):
        # "the Czech NGO on the coalition list", "that Indonesian rights group": one group,
        # and where it is from
        described, place = described.replace(nationality, "").strip(), nationality
    # "the big NY rights group": a city's short form is the city its description names
    described_words = " ".join(CITY_SHORT.get(w, w) for w in described.split())
    # "the group that acted as ICNK's secretariat": what it was, not whose
    owner, _, after = (match.group(_AFTER) or "").rpartition(" s ")
    # … and not ICNK itself, whose description names its secretariat too
    owners = {m.entity_id for m in scope.names.find_mentions(owner)} if owner else set()
    words = set(stems(f"{described_words} {after}")) - _VAGUE
    if not words and not place:
        return None
    kb = scope.kb
    tables = kb.derived("org_description_bags", org_bags)
    place_words = set(stems(place))
    country = resolve_country(scope, place) if place else None
    # "the Japanese commission": the country's own name ("Japan") finds its groups too
    looked_up = words | place_words | set(stems(country or ""))
    candidates = {o for w in looked_up for o in tables.by_word.get(w, ())[:5000]}
    if place and not country and not any(place_words & tables.places[o] for o in candidates):
        place, place_words = "", set()  # "from the coalition roster": no place at all
    scored = []
    definite = match.group(0).startswith(_DEFINITE) or skipped > 0
    kind_word = match.string[match.end(_BEFORE) :].split()[0].rstrip("s")  # "station"
    # "the radio station" is an outlet; "a radio station among the groups" any kind
    kind = _KIND_OF.get(kind_word) if definite else None
    for org_id in candidates - owners:
        org = kb.organizations[org_id]
        if place and not (
            place_words & tables.places[org_id] or (country and org.country == country)
        ):
            continue  # "the group in New York" is not one in London
        bag, named = tables.bags[org_id], tables.named[org_id]
        shared = words.intersection(bag)
        score = math.fsum(tables.idf[w] for w in shared) + (1.0 if place else 0.0)
        if org.kind in PLACE_KINDS and kind_word in _CAMPAIGNING:
            continue  # "the Seoul group": no government
        score += 1.0 if org.kind == kind else 0.0
        # "the radio station": "radio" in its own name says more than in another's
        # description, which only breaks a tie
        in_name = math.fsum(tables.idf[w] for w in shared if bag.index(w) < named)
        scored.append((score, in_name * _NAME_WEIGHT, org_id))
    scored.sort(reverse=True)
    if kind is not None and len(scored) > 1 and scored[0][0] - scored[1][0] < _MARGIN:
        tied = sorted(((s + n, n, o) for s, n, o in scored[:2]), reverse=True)
        if tied[0][0] - tied[1][0] >= _MARGIN:
            scored = [tied[0]]
    # A place alone names the one group there ("the Czech NGO"); "groups from the USA" and
    # "is there a group from Thailand" are country filters.
    only_one_there = (
        place
        and not words
        and not match.group(_PLURAL)
        and match.group(0).startswith(_DEFINITE)
        and len(scored) == 1
    )
    if not scored or (scored[0][0] < _CUTOFF and not only_one_there):
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < _MARGIN:
        return None
    tokens = norm.split()
    # the mention starts at the description's own determiner, not at "what did"
    start = len(norm[: match.start()].split()) + skipped
    end = min(start + len(match.group(0).split()) - skipped, len(tokens))
    return Mention(scored[0][2], "organization", start, end, " ".join(tokens[start:end]))


def _nationality(scope: Scope, described: str) -> str | None:
    """The word of a description that says which country a group is from ("Czech").

    Not "North Korean": the country the campaigns are about, not where a group is.
    """
    words = described.split()
    for i, word in enumerate(words):
        country = resolve_country(scope, word)
        if country and words[i - 1 : i] != ["north"] and country != "North Korea":
            return word
    return None


#: Words before a name that make it the setting of a description ("on the coalition list").
_SETTING = frozenset({"on", "of", "as", "in", "to", "for", "from", "within", "inside", "under"})


def description_settings(
    scope: Scope, tokens: list[str], description: Mention, named: list[Mention]
) -> set[str]:
    """Organisations named only as the setting or place of an organisation's description.

    "The Czech NGO on the coalition list", "the Seoul group that acted as the coalition's
    secretariat", "… actually Seoul-based?": the coalition is where the group is listed,
    Seoul (a government's name too) where it is.
    """
    found = set()
    for m in named:
        before = tokens[max(m.start - 2, 0) : m.start]
        after_setting_word = bool(_SETTING & set(before[-1:] if before[-1:] != ["the"] else before))
        place = scope.kb.organizations[m.entity_id].kind in PLACE_KINDS
        # "… that was the coalition's secretariat": whose secretariat, not the group itself
        possessive = tokens[m.end : m.end + 1] == ["s"]
        if m.start > description.start and (after_setting_word or place or possessive):
            found.add(m.entity_id)
    return found


def names_only_a_place(scope: Scope, description: str) -> bool:
    """Whether a description says only where the group is from ("the Belgian org")."""
    words = description.split()  # the determiner, the nationality, the kind
    return len(words) == 3 and _nationality(scope, words[1]) is not None


#: The kind words a described set of signatories ends on ("groups", "stations").
_KINDS = (
    r"(?:orgs?|organi[sz]ations?|groups?|ngos?|charit(?:y|ies)|signatories|signers|co ?signers|"
    r"stations?|outlets?|centres?|centers?|associations?|alliances?|networks?|institutes?|"
    r"foundations?|federations?|societ(?:y|ies)|coalitions?|entr(?:y|ies))"
)
#: "Which Christian groups signed", "any refugee orgs on the 2012 list", "some radio
#: station": the words before a kind word describe which signatories are asked for.
_DESCRIBED_SIGNERS = re.compile(
    # "the Christian and faith-based groups": either description
    # "lawyer groups that signed the 2012 letter": the message may open on them
    r"(?:^ (?!(?:give|list|show|tell|name|hello|hi|hey|who|which|what|were|are|was|is|did|"
    r"do|does|has|have|i|please|pls|can|could|so|and|ok|how|when|why|where)\b)|"
    r"\b(?:which|what|any|the|all the|list the|some|a|an) )"
    r"((?:[a-z]+ ){1,3}?(?:(?:and|or) (?:[a-z]+ ){1,2}?)?)" + _KINDS + r"\b"
)
#: "which signatories are religious organisations": the words between describe them.
_SIGNERS_ARE = re.compile(
    r"\b(?:signatories|signers|co ?signers|groups|orgs|organi[sz]ations) (?:are|were) "
    r"(?:the |a |an )?((?:[a-z]+ ){1,3}?)" + _KINDS + r"\b"
)
#: "groups of prison camp survivors", "the group that served as the secretariat": the
#: words after the kind word describe them.
_SIGNERS_DESCRIBED_AFTER = re.compile(
    # Not "signatories of the 2012 letter": what follows them is the letter.
    r"\b(?!signatories\b|signers\b|co ?signers\b)"
    + _KINDS
    + r" (?:(?:made up of|made of|formed by|composed of|consisting of|run by|founded by|led by|"
    r"of|for) "
    # "groups made up of ppl who actually survived the camps": the people described
    r"(?:(?:people|ppl|those|folks|men and women) (?:who|that) (?:\w+ )?(?=\w+ed\b))?|"
    r"(?:that|which|who) (?:served|serves|acted|acts|worked|works|was|is) as (?:the |a |an )?|"
    # "which group was the coalition's secretariat"
    r"(?:was|is|were|served as|acted as) (?!(?:part|one|among|on|in|from|behind|named|listed|"
    r"also|he|she|it|they|that|this|there|not)\b)(?:the |a |an )?)"
    r"((?:[a-z]+ ){0,3}[a-z]+)"
)


def described_signers(
    scope: Scope, letter: Letter, norm: str, named: frozenset[str] = frozenset()
) -> tuple[str, list[str]] | None:
    """The description of signatories asked for, and the letter's signatories it fits.

    None when the words describe nothing in particular (every signatory, or none), are a
    country, which `country_filters` reads, or hold a name (`named`: "the HRW letter",
    "the Simon Wiesenthal Center" name what they mean). Words no signatory's description
    holds ("faith based christian") are set aside when the others still fit someone.
    """
    tables = scope.kb.derived("org_description_bags", org_bags)
    signers = [s.organization for s in letter.signatories if s.organization in tables.bags]
    for phrase, words in _described_words(scope, norm, named):
        known = {w for w in words if any(w in tables.bags[o] for o in signers)}
        if len(known) * 2 < len(words) and " or " not in phrase:
            continue  # mostly words no signatory is described by
        # "student or youth groups": either description fits
        alternatives = [set(stems(a)) & known for a in phrase.split(" or ")]
        fitting = [
            o for o in signers if any(a and a.issubset(tables.bags[o]) for a in alternatives)
        ]
        if fitting and len(fitting) < len(signers):
            return phrase, fitting
    return None


def described_signers_anywhere(
    scope: Scope, norm: str, named: frozenset[str] = frozenset()
) -> tuple[str, list[str]] | None:
    """The description and the organisations it fits that signed any letter.

    "Which Christian and faith-based groups show up across the letters": read as
    `described_signers` reads one letter's list, found through the word index; either
    description joined by "and" or "or" fits. An organisation that signed nothing is no
    answer.
    """
    kb = scope.kb
    tables = kb.derived("org_description_bags", org_bags)
    for phrase, words in _described_words(scope, norm, named):
        known = {w for w in words if w in tables.by_word}
        alternatives = _EITHER.split(phrase)
        if len(known) * 2 < len(words) and len(alternatives) == 1:
            continue
        fitting: dict[str, None] = {}
        for alternative in alternatives:
            wanted = sorted(set(stems(alternative)) & known, key=lambda w: len(tables.by_word[w]))
            if wanted:
                fitting.update(
                    dict.fromkeys(
                        o
                        for o in tables.by_word[wanted[0]]
                        if all(w in tables.bags[o] for w in wanted[1:]) and kb.letters_signed_by(o)
                    )
                )
        if fitting:
            return phrase, list(fitting)
    return None


_EITHER = re.compile(r" (?:or|and) ")


def _described_words(
    scope: Scope, norm: str, named: frozenset[str]
) -> Iterator[tuple[str, set[str]]]:
    """Each description of signatories in the question, with the words that describe.

    Not a description that holds a name (`named`) or is a country (`country_filters`).
    """
    for match in _descriptions(norm):
        phrase = match.strip()
        words = set(stems(phrase)) - _VAGUE - _NOT_DESCRIPTIVE
        if words and not words & named and not resolve_country(scope, phrase):
            yield phrase, words


def _descriptions(norm: str) -> list[str]:
    """The descriptions of signatories a question holds, before and after the kind word."""
    # "survivor groups or defector groups" asks as "survivor or defector groups" does
    norm = _KIND_TWICE.sub(r"\1 \3 \4 \2", norm)
    before = [m.group(1) for m in _DESCRIBED_SIGNERS.finditer(norm)]
    after = [m.group(1) for m in _SIGNERS_DESCRIBED_AFTER.finditer(norm)]
    after += [m.group(1) for m in _SIGNERS_ARE.finditer(norm)]
    phrases = [_UNTIL_VERB.split(p, maxsplit=1)[0].strip() for p in after + before]
    # "the coalition s secretariat" reads back as "the coalition's secretariat".
    return [re.sub(r"\b(\w+) s\b", r"\1's", p) for p in phrases if p][:_MAX_DESCRIPTIONS]


_KIND_TWICE = re.compile(r"\b([a-z]+) (groups|orgs|organi[sz]ations) (or|and) ([a-z]+) \2\b")
#: Where a description after the kind word ends: "the secretariat | was on the list".
_UNTIL_VERB = re.compile(
    r"\b(?:was|were|is|are|on|in|among|that|which|who|signed|behind|named|listed|backed)\b"
)


#: Words before "groups" that describe no kind of group ("other", "named").
_NOT_DESCRIPTIVE = frozenset(
    stems(
        "other named listed signing many few some these those which their its more all based "
        "letter list open joint coalition coalitions member members supporter supporters "
        "signatory signatories human rights people ppl folks total count number numbers of"
    )
)
