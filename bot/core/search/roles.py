"""Find people by a description of their role: "the deputy Asia director at HRW".

Every role a person held becomes a bag of words: the title, the organisation's names and
abbreviations, and canonical forms of the words people use instead ("investigator" for
rapporteur, "lawmaker" for senator, "R-Fla." for Republican of Florida). A question is
scored against each bag by the rarity of the words they share, minus the rarity of the role
words the question uses that this role lacks: "deputy" keeps the Asia director out of an
answer about the deputy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Person
from bot.core.search.names import Mention, normalize
from bot.core.search.places import place_names
from bot.core.search.role_words import COUNTRY_OF_DEMONYM, PHRASES, SYNONYMS

#: Words that carry no role information.
_STOP = frozenset(
    "a an the of at on for in to and or with from by who what which is was were are "
    "did does do has have had say said says about that this his her their its "
    "then s".split()
)

#: Words that say what a role is (as opposed to where): at least one must match.
HEAD_WORDS = frozenset(
    "rapporteur senator director deputy president leader representative contact reporter "
    "coordinator manager minister envoy secretary chair chairman member heir head "
    "lead team officer advocate researcher spokesperson founder special democrat republican".split()
)


#: Head words close enough that a role with one is not missing the other: "the South Korean
#: leader" is its president, and the country decides between the two heads of state.
_KIN = {"leader": "president", "president": "leader"}
#: A word shared with the role's title counts more than one shared with where it was held.
_TITLE_WEIGHT = 1.5
#: Title words the description leaves out ("deputy") count a little against a role.
_UNASKED_WEIGHT = 0.3


#: "member organisations", "member and supporter groups": bodies that belong, not a person.
_MEMBER_BODIES = re.compile(
    r" member (?:and \w+ )?(?=(?:organi[sz]ations?|groups?|orgs?|ngos?|states|countries) )"
)


@lru_cache(maxsize=65536)
def canonical_words(text: str) -> list[str]:
    """The normalised words of `text` with synonyms mapped to the data's words."""
    norm = _MEMBER_BODIES.sub(" ", f" {normalize(text)} ")
    for phrase, word in PHRASES:
        norm = norm.replace(phrase, word)
    out = []
    for word in norm.split():
        if word.endswith("s") and word[:-1] in HEAD_WORDS:  # "contacts", "senators"
            word = word[:-1]
        word = SYNONYMS.get(word) or COUNTRY_OF_DEMONYM.get(word, word)
        if word not in _STOP:
            out.append(word)
    return out


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A person whose role fits a description, and how well (higher is better)."""

    person_id: str
    score: float
    #: The role's own words that the description matched.
    matched: tuple[str, ...]
    #: Of those, the words of the role's title (not of where it was held).
    title_matched: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _RoleBags:
    bags: tuple[tuple[str, frozenset[str], frozenset[str]], ...]  # (person, title, all)
    idf: dict[str, float]
    by_word: dict[str, tuple[int, ...]]
    title_vocabulary: frozenset[str]


def build_role_bags(kb: KnowledgeBase) -> _RoleBags:
    """Every role as a bag of words, their rarities, an index by word, the title words."""
    bags: list[tuple[str, frozenset[str], frozenset[str]]] = []
    for person in kb.people.values():
        for title, where in _role_texts(kb, person):
            title_words = frozenset(canonical_words(title))
            bags.append((person.id, title_words, title_words | frozenset(where)))
    frequency: dict[str, int] = {}
    by_word: dict[str, list[int]] = {}
    for position, (_, _, words) in enumerate(bags):
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
            by_word.setdefault(word, []).append(position)
    total = max(len(bags), 1)
    idf = {w: math.log(1 + total / n) for w, n in frequency.items()}
    # Title words that also name places or organisations ("north", "rights") say where a
    # role is, not what it is: they cannot make a description a role description alone.
    place_words = {
        w
        for org in kb.organizations.values()
        for name in (*org.names, org.country or "")
        for w in canonical_words(name)
    }
    vocabulary = frozenset(
        w for _, title, _ in bags for w in title if w not in place_words or w in HEAD_WORDS
    )
    return _RoleBags(tuple(bags), idf, {w: tuple(p) for w, p in by_word.items()}, vocabulary)


def country_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words of countries ("south", "korea", "us"): they tell two heads of state apart.

    The countries organisations are from, and the names of governments ("North Korea").
    """
    return frozenset(
        w
        for org in kb.organizations.values()
        for text in (org.country or "", *(org.names if org.kind == "government" else ()))
        for w in canonical_words(text)
        if w not in HEAD_WORDS and w not in {"government", "people"}
    )


def _role_texts(kb: KnowledgeBase, person: Person) -> list[tuple[str, list[str]]]:
    """(title, words of where it was held) for each role of a person."""
    texts = []
    for role in person.roles:
        where: list[str] = []
        org = kb.organizations.get(role.organization or "")
        if org is not None:
            for name in org.names:
                where += canonical_words(name)
            if org.country:
                where += canonical_words(org.country)
        texts.append((role.title, where))
    return texts


def _country_qualifiers(text: str, countries: frozenset[str]) -> dict[str, set[str]]:
    """Country words beside each head word: "south" in "the South Korean leader".

    Those say whose role it is, so a role without them is the wrong one. A country further
    off, or past a word like "about" ("the Asia director about South Korea's policy"),
    describes something else. Each country belongs to its nearest head word, the one after
    it on a tie: in "the North Korean envoy the American president", "American" is the
    president's.
    """
    words = [SYNONYMS.get(w, w) for w in f" {normalize(text)} ".split()]
    heads = {
        at: word if word in HEAD_WORDS else SYNONYMS.get(word[:-1], word[:-1])
        for at, word in enumerate(words)
        if word in HEAD_WORDS or word.rstrip("s") in HEAD_WORDS
    }
    qualifiers: dict[str, set[str]] = {}
    for at, word in enumerate(words):
        if word not in countries:
            continue
        reachable = []
        for step in (1, -1):  # after first: adjectives come before their nouns
            for near in range(at + step, at + step * (_QUALIFIER_REACH + 1), step):
                if not 0 <= near < len(words) or words[near] in _UNQUALIFYING:
                    break
                if near in heads:
                    reachable.append((abs(near - at), step == -1, heads[near]))
                    break
        if reachable:
            qualifiers.setdefault(min(reachable)[2], set()).add(word)
    return qualifiers


def _elsewhere(qualifiers: dict[str, set[str]], title: frozenset[str]) -> set[str]:
    """Country words that qualify only head words this role's title lacks.

    In "the North Korean envoy the American president met", "American" is the president's:
    it neither fits nor counts against an envoy's role.
    """
    own = {w for head, near in qualifiers.items() if head in title for w in near}
    return {w for head, near in qualifiers.items() if head not in title for w in near} - own


#: How many words from a head word a country word still qualifies it.
_QUALIFIER_REACH = 3
#: Words past which a country no longer says whose role it is.
_UNQUALIFYING = frozenset(
    "about on regarding concerning with who that which to for at when while and or".split()
)


def plural_heads(text: str) -> set[str]:
    """The role words the text puts in the plural, as the data words them ("senators")."""
    words = normalize(text).split()
    plural = [w[:-1] for w in words if len(w) > 4 and w.endswith("s") and w[:-1] in HEAD_WORDS]
    return {c for w in plural for c in canonical_words(w)}


def plural_role(text: str) -> bool:
    """Whether the text asks for a role in the plural ("the press contacts", "list all …")."""
    if plural_heads(text):
        return True
    words = normalize(text).split()
    # "list all press contact of the release": every holder, in a singular typed in haste
    return bool(_EVERY.search(" ".join(words))) and any(w in HEAD_WORDS for w in words)


#: "list all …", "give me list of press contact people", "several people to contact".
_EVERY = re.compile(
    r"\b(?:list all|all the|list every|every|everyone|everybody|each|list of|several people|"
    r"contact people)\b"
)


def match_roles(
    kb: KnowledgeBase, text: str, limit: int = 3, weigh_unasked: bool = True
) -> list[RoleMatch]:
    """People whose roles best fit the description in `text`, best first.

    A candidate must share at least one title word ("rapporteur", "senator") with the
    text; where words ("HRW", "Florida") only add to the score. Without `weigh_unasked`,
    title words the text leaves out cost nothing: for listing everyone in a kind of role.
    """
    bags = kb.derived("role_bags", build_role_bags)
    asked = set(canonical_words(text))
    heads = asked & (bags.title_vocabulary | HEAD_WORDS)
    if not heads:
        return []
    candidates: set[int] = set()
    for word in heads | {_KIN[w] for w in heads if w in _KIN}:
        if word in bags.title_vocabulary:
            candidates.update(bags.by_word.get(word, ())[:5000])
    # Role words the text uses that some role has: each one a role lacks counts against it.
    role_words = asked & bags.idf.keys()
    countries = kb.derived("role_country_words", country_words)
    qualified = _country_qualifiers(text, countries)
    qualifiers = {w for near in qualified.values() for w in near} & role_words
    best: dict[str, RoleMatch] = {}
    for position in candidates:
        person_id, title, words = bags.bags[position]
        elsewhere = _elsewhere(qualified, title) if len(qualified) > 1 else set()
        shared = (role_words & words) - elsewhere
        kin = {_KIN[w] for w in heads if w in _KIN} & title  # "the Chinese leader"
        if not (shared & title) - countries - place_names()[0] and not kin:
            continue  # "letters on China's deportations": a country alone names no one
        missing = {
            w
            for w in (role_words & bags.title_vocabulary | qualifiers) - words - elsewhere
            if _KIN.get(w) not in title
        }
        unasked = title - asked
        score = (
            math.fsum(bags.idf[w] * (_TITLE_WEIGHT if w in title else 1.0) for w in shared)
            - math.fsum(bags.idf[w] for w in missing)
            - (_UNASKED_WEIGHT if weigh_unasked else 0.0) * math.fsum(bags.idf[w] for w in unasked)
        )
        if score <= 0:
            continue
        if person_id not in best or best[person_id].score < score:
            best[person_id] = RoleMatch(
                person_id, score, tuple(sorted(shared)), tuple(sorted(shared & title))
            )
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.person_id))
    return ranked[:limit]


def trust_roles_over_aliases(
    kb: KnowledgeBase, mentions: list[Mention], roles: list[RoleMatch], cutoff: float
) -> list[Mention]:
    """Drop a person found only through a role alias when the full description fits another.

    The alias table knows "HRW Asia director"; in "the deputy Asia director at HRW" that
    alias names the wrong man, and the role matcher, which weighs every word, knows better.
    """
    if not roles or roles[0].score < cutoff:
        return mentions
    best = roles[0].person_id
    kept = []
    for mention in mentions:
        if mention.kind == "person" and mention.entity_id != best:
            person = kb.people.get(mention.entity_id)
            names = {normalize(n) for n in person.names} if person else set()
            surname = {n.split()[-1] for n in names if n}
            if mention.surface not in names and mention.surface not in surname:
                continue
        kept.append(mention)
    if (
        best not in {m.entity_id for m in kept}
        and any(m.kind == "person" for m in mentions)
        and not any(m.kind == "person" for m in kept)
    ):
        kept.append(Mention(best, "person", 0, 0, "", False))
    return kept


#: A described role at a named employer: its staff are few, so a shared word is enough.
_AT_EMPLOYER = 4.0


def roles_at_named_org(
    kb: KnowledgeBase, tokens: list[str], mentions: list[Mention], roles: list[RoleMatch]
) -> tuple[list[Mention], list[RoleMatch]]:
    """Only people at the organisation named right before the role words.

    In "what did the CSW Asia director say", CSW says whose director: Human Rights Watch's
    Asia director fits the words, and the alias table knows him as "Asia director", but he
    is not at CSW. Without such an organisation, everything is kept.
    """
    role_words = {w for r in roles for w in r.matched}
    at = set()
    for m in mentions:
        after = m.end + (1 if tokens[m.end : m.end + 1] == ["s"] else 0)
        next_word = set(canonical_words(" ".join(tokens[after : after + 1])))
        # Not "US senators", "the Seoul envoy": a government names a country, not an employer
        employer = m.kind == "organization" and kb.organizations[m.entity_id].kind not in (
            "government",
            "legislature",
        )
        # "the president of the Seoul group": the role word before "of" or "at"
        role_before = set(canonical_words(" ".join(tokens[max(m.start - 2, 0) : m.start - 1])))
        of_it = tokens[m.start - 1 : m.start] in (["of"], ["at"]) and role_before & role_words
        if employer and (next_word & role_words or of_it):
            at.add(m.entity_id)
    if not at:
        return mentions, roles

    def works_there(person_id: str) -> bool:
        person = kb.people.get(person_id)
        return person is not None and any(r.organization in at for r in person.roles)

    # A person named by a role alias right after the organisation, at another one
    kept = [
        m
        for m in mentions
        if not (
            m.kind == "person"
            and any(o.end <= m.start <= o.end + 1 and o.entity_id in at for o in mentions)
            and not works_there(m.entity_id)
        )
    ]
    there = [r for r in roles if works_there(r.person_id)]
    if not there:  # "ICC's contact for interviews": no title there fits; a description may
        staff = {p for o in at for p in kb.people_of(o)}
        described = ((p, role_words & set(canonical_words(p.description or ""))) for p in staff)
        there = [RoleMatch(p.id, _AT_EMPLOYER, tuple(sorted(w))) for p, w in described if w]
    return kept, sorted(there, key=lambda r: -r.score)


#: Words for "someone" after an organisation's name: "the UN guy", "the ICC person".
_SOMEONE = frozenset("guy guys man woman lady person bloke dude fella chap official rep".split())


def the_one_on_staff(
    kb: KnowledgeBase, tokens: list[str], mentions: list[Mention]
) -> list[Mention]:
    """ "The UN guy": the one person the sources place at the organisation, where only one is.

    Where several are (HRW's staff), the organisation stays, and the question's other
    words decide.
    """
    if _EVERY.search(" ".join(tokens)):
        return mentions  # "list everyone quoted … and the UN man too": all, not one
    found = []
    for m in mentions:
        after = m.end + (1 if tokens[m.end : m.end + 1] == ["s"] else 0)
        staff = kb.people_of(m.entity_id) if m.kind == "organization" else []
        if tokens[after : after + 1] and tokens[after] in _SOMEONE and len(staff) == 1:
            surface = " ".join(tokens[m.start : after + 1])
            m = Mention(staff[0].id, "person", m.start, after + 1, surface, False)
        found.append(m)
    return found
