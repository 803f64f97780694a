"""Claims about a person's post: "was Adams HRW's Asia director?", "a senator from Texas?".

Checked against the roles the sources record: the title's words, the organisation, the
places in it, and the date or year a role is attested for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import people as people_cards
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import date_in, human_date
from bot.core.kb.models import Organization, Person, Role
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.places import place_names, places_in
from bot.core.search.roles import canonical_words


def person_attribute(scope: Scope, person: Person, claim: str, org: Organization | None) -> Answer:
    """Is a claim about a person's party, title or employer true, by their recorded roles."""
    kb = scope.kb
    card = people_cards.person(scope, person.id)
    roles = person.roles
    if not roles:
        return with_direct(card, f"The sources give no role for {person.name}.", None, (), "yes_no")
    # "Tokyo press contact for the 2012 open letter": the letter says when, not the post
    claim = _without_letter(claim)
    together = _posts_claimed_together(kb, person, claim)
    if together:
        card, marks = cite_in(card, kb, [s for r in together for s in r.sources])
        posts = " and as ".join(_described(kb, r) for r in together)
        return with_direct(
            card,
            f"Yes. {person.name} is described as {posts}. {marks}",
            f"is {person.name} each of these",
            (),
            "yes_no",
        )
    role = roles[-1]
    card, marks = cite_in(card, kb, role.sources)
    described = _described(kb, role)
    asked = set(canonical_words(claim)) & _role_holders_of(kb).keys()
    asked -= {w for n in person.names for w in canonical_words(n)}
    if org is not None:
        held = [r for r in roles if r.organization == org.id]
        asked -= {w for n in org.names for w in canonical_words(n)}
        if not held or not asked:
            verdict = "Yes" if held else "No"
            # "did Robertson work with HRW in 2012?": the post the sources give that year
            year = _YEAR.search(claim)
            that_year = [r for r in held if year and (r.as_of or r.start or "")[:4] == year[0]]
            shown_role = (that_year or held or [role])[-1]
            shown = shown_role.title if held else described
            in_year = f"in {year[0]} " if that_year and year else ""
            if that_year:
                card, marks = cite_in(card, kb, shown_role.sources)
            instead = ""
            if not held:  # "was Yun the UN rapporteur?" No; Quintana was
                card, instead = _holder_instead(kb, card, person, asked, org)
            return with_direct(
                card,
                f"{verdict}. {person.name} is described {in_year}as {shown}"
                + (f" at {org.name}" if held else "")
                + f". {marks}{instead}",
                f"is {person.name} with {org.name}",
                (),
                "yes_no",
            )
        roles = tuple(held)  # "was Robertson HRW's Asia director?": his posts there decide
    have = {w for r in roles for w in canonical_words(r.title)}
    # "The senator from Texas": a place the roles do not hold makes the claim false.
    held_text = normalize(" ".join(_role_text(kb, r) for r in roles))
    wrong_places = [p for p in places_in(claim) if f" {p} " not in f" {held_text} "]
    if wrong_places and wrong_places[0] in place_names()[0] and not _any_country(kb, roles):
        # "is Robertson American?": his employer has no country in the sources, so nothing
        # says where he is from
        return with_direct(
            card,
            f"The sources don't say whether {person.name} is from {wrong_places[0].title()}. "
            f"{person.name} is described as {described}. {marks}",
            f"is {person.name} from {wrong_places[0].title()}",
            (),
            "yes_no",
        )
    if wrong_places:
        card, instead = _holder_instead(kb, card, person, asked, org, wrong_places[0])
        return with_direct(
            card,
            f"No. {person.name} is described as {described}, not from "
            f"{wrong_places[0].title()}. {marks}{instead}",
            f"is {person.name} from {wrong_places[0].title()}",
            (),
            "yes_no",
        )
    when = date_in(claim)
    dated = _role_on_date(kb, person, asked, when) if when and asked else None
    if dated is not None:
        return with_direct(
            card,
            f"{dated} {marks}",
            f"was {person.name} {' '.join(sorted(asked))} in {human_date(when or '')}",
            (),
            "yes_no",
        )
    if not asked:
        return with_direct(
            card, f"{person.name} is described as {described}. {marks}", None, (), "yes_no"
        )
    heads = [r for r in roles if _heads_it(r.title)]
    if org is not None and asked <= _TOP_POSTS and _LOOSE_HEAD.search(normalize(claim)):
        # "is Ha Tae Keung like the boss of Open North Korea?": its president heads it;
        # HRW's Asia director heads only its Asia work
        if heads:
            card, marks = cite_in(card, kb, heads[-1].sources)
        verdict = "Yes" if heads else "No"
        return with_direct(
            card,
            f"{verdict}. {person.name} is described as "
            f"{_described(kb, heads[-1]) if heads else described}. {marks}",
            f"does {person.name} head it",
            (),
            "yes_no",
        )
    holding = [r for r in roles if asked <= set(canonical_words(r.title))]
    # "Was Robertson HRW's Asia director?" No: Asia *deputy* director is another post.
    ranked_below = holding and all(
        _ranked_below(set(canonical_words(r.title)), asked) for r in holding
    )
    verdict = "Yes" if asked <= have and not ranked_below else "No"
    other = _other_post_that_year(person, holding, claim) if verdict == "Yes" else None
    if other is not None and not holding:
        # the words are spread over two posts ("director in 2012, or a press contact then?"):
        # the post the sources give that year answers it
        card, marks = cite_in(card, kb, other.sources)
        return with_direct(
            card,
            f"In {(other.as_of or '')[:4]} the sources describe {person.name} as "
            f"{_described(kb, other)}. {marks}",
            f"{person.name}'s post in {(other.as_of or '')[:4]}",
            (),
            "yes_no",
        )
    if other is not None:
        # "a press contact for the 2019 letter?": in 2019 the sources give another post
        card, marks = cite_in(card, kb, other.sources)
        return with_direct(
            card,
            f"No. In {(other.as_of or '')[:4]} the sources describe {person.name} as "
            f"{other.title}, not as {holding[-1].title}. {marks}",
            f"was {person.name} {' '.join(sorted(asked))} in {(other.as_of or '')[:4]}",
            (),
            "yes_no",
        )
    if verdict == "Yes" and holding and holding[-1] is not role:
        # "on the ICNK coordinating committee?": the post that bears it out, not the latest
        role = holding[-1]
        described = _described(kb, role)
        card, marks = cite_in(card, kb, role.sources)
    others = [r for r in person.roles if r not in holding]
    if verdict == "Yes" and others and _ONLY.search(normalize(claim)):
        # "Robertson was only ever a press contact?": he held another post as well
        card, marks = cite_in(card, kb, [s for r in others for s in r.sources])
        also = "; ".join(dict.fromkeys(_described(kb, r) for r in others))
        return with_direct(
            card,
            f"No. {person.name} is described as {described}, and also as {also}. {marks}",
            f"was {person.name} only {' '.join(sorted(asked))}",
            (),
            "yes_no",
        )
    instead = ""
    if verdict == "No":
        # "Was Adams the deputy Asia director?" No; the sources give that post to Robertson
        card, instead = _holder_instead(kb, card, person, asked, org)
    return with_direct(
        card,
        f"{verdict}. {person.name} is described as {described}. {marks}{instead}",
        f"is {person.name} {' '.join(sorted(asked))}",
        (),
        "yes_no",
    )


def _posts_claimed_together(kb: KnowledgeBase, person: Person, claim: str) -> list[Role]:
    """Two posts claimed at once, each held ("president of X and on the Y committee").

    `claim` is normalised, without the letter it names (`_without_letter`).

    Empty unless every part of the claim joined by "and" names a post the person holds and
    the parts name at least two different posts.
    """
    vocabulary = _role_holders_of(kb).keys()
    names = {w for n in person.names for w in canonical_words(n)}
    found: list[Role] = []
    for part in _AND.split(claim):
        asked = set(canonical_words(part)) & vocabulary - names
        if not asked:
            continue
        held = next((r for r in person.roles if _holds_words(kb, r, asked)), None)
        if held is None:
            return []
        if held not in found:
            found.append(held)
    return found if len(found) >= 2 else []


def _without_letter(claim: str) -> str:
    """The claim without the letter it names, but with its year ("… for the 2019 letter")."""
    return _FOR_A_LETTER.sub(
        lambda found: f" {' '.join(_YEAR.findall(found[0]))} ", f" {normalize(claim)} "
    )


def _holds_words(kb: KnowledgeBase, role: Role, asked: set[str]) -> bool:
    """Whether a post's title, beside its organisation's names, holds every word asked."""
    org = kb.organizations.get(role.organization or "")
    at = {w for n in org.names for w in canonical_words(n)} if org else set()
    title = set(canonical_words(role.title))
    return bool(asked - at) and asked - at <= title and not _ranked_below(title, asked)


#: "… president of X and sat on the Y committee": one claim per post.
_AND = re.compile(r" (?:and|as well as|plus) ")
#: "for the 2012 open letter", "on the Moon letter": which campaign, not part of the post.
_FOR_A_LETTER = re.compile(
    r" (?:for|on|in|of|with|behind|around|about) (?:the |that |this |their |its )?"
    r"(?:\w+ ){0,2}(?:open |joint )?(?:letter|letters|release|appeal|campaign) "
)


def _holder_instead(
    kb: KnowledgeBase,
    card: Answer,
    person: Person,
    asked: set[str],
    org: Organization | None,
    place: str | None = None,
) -> tuple[Answer, str]:
    """The one other person whose post the claim describes, as a cited sentence, if any."""
    if not asked:
        return card, ""
    index = _role_holders_of(kb)
    # the rarest word first: at scale "director" alone names thousands of posts
    words = sorted(asked, key=lambda w: len(index.get(w, ())))
    found = set(index.get(words[0], ())).intersection(*(index.get(w, ()) for w in words[1:]))
    if len(found) > _MOST_HOLDERS:
        return card, ""
    fits = []
    for person_id, at in sorted(found):
        role = kb.people[person_id].roles[at]
        title = set(canonical_words(role.title))
        if (
            person_id == person.id
            or _ranked_below(title, asked)
            or (org is not None and role.organization != org.id)
            or (place and f" {place} " not in f" {normalize(_role_text(kb, role))} ")
        ):
            continue
        fits.append((person_id, role))
    if len({person_id for person_id, _ in fits}) != 1:
        return card, ""
    person_id, role = fits[-1]
    card, marks = cite_in(card, kb, role.sources)
    return card, f" The sources describe {kb.name_of(person_id)} as {_described(kb, role)}. {marks}"


#: More posts than this fitting the words claimed name no one post in particular.
_MOST_HOLDERS = 50


def _role_holders_of(kb: KnowledgeBase) -> dict[str, set[tuple[str, int]]]:
    """The table of `_role_holders`; its keys are the vocabulary of role claims."""
    return kb.derived("role_holders", _role_holders)


def _role_holders(kb: KnowledgeBase) -> dict[str, set[tuple[str, int]]]:
    """For each word of a post's title, the (person, role index) pairs whose title has it."""
    index: dict[str, set[tuple[str, int]]] = {}
    for person in kb.people.values():
        for at, role in enumerate(person.roles):
            for word in canonical_words(role.title):
                index.setdefault(word, set()).add((person.id, at))
    return index


#: Loose words for whoever heads a group: "the boss of", "in charge of", "runs".
_LOOSE_HEAD = re.compile(r"\b(?:boss|head|chief|in charge|runs|top person)\b")
#: Posts that head a group, whatever word the user has for them.
_TOP_POSTS = frozenset({"director", "president", "leader", "chair", "founder"})


def _heads_it(title: str) -> bool:
    """Whether a post heads its group: a president or director, not a deputy or an Asia one."""
    words = set(canonical_words(title))
    return bool(words & _TOP_POSTS) and len(words - _TOP_POSTS - {"executive"}) == 0


def _described(kb: KnowledgeBase, role: Role) -> str:
    """ "Asia deputy director at Human Rights Watch": a post and where, once each."""
    where = kb.name_of(role.organization) if role.organization else ""
    return role.title + (f" at {where}" if where and where not in role.title else "")


def _other_post_that_year(person: Person, holding: list[Role], claim: str) -> Role | None:
    """The post a person is recorded in for the claim's year, when the one claimed is not.

    Only posts attested at a date (`as_of`) count: they say nothing of the years between.
    """
    year = _YEAR.search(claim)
    if year is None or any(r.start or r.end or (r.as_of or "")[:4] == year[0] for r in holding):
        return None
    return next((r for r in person.roles if (r.as_of or "")[:4] == year[0]), None)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: Words that make a post another than the one named without them.
_RANK_WORDS = frozenset({"deputy", "assistant", "vice", "acting", "associate", "interim"})


def _any_country(kb: KnowledgeBase, roles: Iterable[Role]) -> bool:
    """Whether any role is held at an organisation the sources give a country for."""
    orgs = (kb.organizations.get(r.organization or "") for r in roles)
    # a government names its country: Moon at the Government of South Korea
    return any(
        o is not None and (o.country or o.kind in ("government", "legislature")) for o in orgs
    )


def _role_text(kb: KnowledgeBase, role: Role) -> str:
    """A role's title with its organisation's names and country, to find places in."""
    org = kb.organizations.get(role.organization or "")
    names = " ".join((*org.names, org.country or "")) if org else ""
    # "Republican of Florida" is also written "R-Fla.": the role's words, expanded.
    return f"{role.title} {names} {' '.join(canonical_words(role.title))}"


def _role_on_date(kb: KnowledgeBase, person: Person, asked: set[str], when: str) -> str | None:
    """Whether the person held the role the words describe on a date ("still … in June 2018").

    None when no dated role fits the words; a former-title role only fits when "former" is
    asked.
    """
    fitting = [
        r
        for r in person.roles
        if asked <= set(canonical_words(r.title))
        and ("former" in asked or "former" not in canonical_words(r.title))
        and (r.start or r.end)
    ]
    if not fitting:
        return None
    role = fitting[-1]
    if _holds(role, when):
        return f"Yes. In {human_date(when)} {person.name} was {role.title}."
    until = f" until {human_date(role.end)}" if role.end else ""
    since = f" from {human_date(role.start)}" if role.start and not role.end else ""
    return f"No. {person.name} was {role.title}{until}{since}, not in {human_date(when)}."


def _holds(role: Role, when: str) -> bool:
    """Whether a role with start/end dates covers the date `when` (same precision)."""
    after_start = role.start is None or role.start[: len(when)] <= when
    before_end = role.end is None or when[: len(role.end)] <= role.end
    return after_start and before_end


def _ranked_below(title: set[str], asked: set[str]) -> bool:
    """Whether a post is a rank below the one claimed: "Asia director" is not the deputy's."""
    return bool((title & _RANK_WORDS) - asked)


#: "only ever a press contact", "just a spokesperson": no other post, the claim says.
_ONLY = re.compile(r"\b(?:only|just|merely|solely|never had)\b")
