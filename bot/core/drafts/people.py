"""People a document names, with the roles it gives them.

Three shapes carry a role in English press copy: the appositive ("Brad Adams, Asia
director at Human Rights Watch"), the title before a name ("South Korean President Moon
Jae-in") and the byline ("By Roseanne Gerin"); press-contact lines ("Tokyo, Kanae Doi,
Human Rights Watch (Japanese, English)") give one more. A surname alone ("Adams said")
or a title and surname ("President Moon") refers back to the full name met before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.drafts.document import Article
from bot.core.drafts.orgs import OrgBook, OrgFinding
from bot.core.drafts.text import (
    NAME_WORD,
    ORG_PHRASE,
    PERSON_NAME,
    clean_org,
    is_acronym,
    is_org_name,
    is_person_name,
)
from bot.core.search.names import normalize

#: Words that make a phrase a role ("Asia director", "special rapporteur", "leader").
ROLE_NOUNS = frozenset(
    "director leader president chair chairman chairwoman chairperson manager coordinator "
    "rapporteur representative senator minister envoy ambassador secretary "
    "secretary-general spokesperson spokesman spokeswoman officer head chief founder "
    "co-founder researcher advocate campaigner lawyer attorney commissioner official adviser "
    "advisor member premier governor mayor lawmaker congressman congresswoman king queen "
    "ruler judge editor reporter correspondent professor activist ceo counsel analyst "
    "expert heir-apparent heir dictator chancellor speaker delegate investigator "
    "pastor bishop priest imam rabbi cardinal pope founder-director".split()
)
_ROLE_WORD = r"(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")"
_APPOSITIVE = re.compile(
    rf"(?P<name>{PERSON_NAME})(?:\s*\((?P<party>[RDI]-[A-Z][\w.]*)\))?,\s+"
    r"(?P<role>[^,;:“”\"()]{3,160}?(?:\([A-Z]+\))?[^,;:“”\"()]{0,80}?)"
    r"(?=,|\s+(?:said|says|told|added|who|cautioned|called|urged|warned|gestures|stated|"
    r"noted|explained|argued|wrote)\b|[.:;]\s|[.:;]?$)"
)
_TITLE_BEFORE = re.compile(
    rf"(?P<title>(?:(?:[A-Z][\w.’'-]*)\s+){{0,3}}(?i:{_ROLE_WORD})(?:\s+(?i:{_ROLE_WORD}))?)"
    rf"\s+(?P<name>{PERSON_NAME})"
)
_BYLINE = re.compile(rf"^By\s+(?P<name>{PERSON_NAME})(?:,\s*(?P<role>[^,]{{3,80}}))?$")
_CONTACT_HEADING = re.compile(
    r"\b(?:contact|media enquiries|press enquiries|for interviews)\b", re.IGNORECASE
)
_CONTACT_LINE = re.compile(
    rf"^(?P<city>[A-Z][\w .-]{{1,30}}),\s+(?P<name>{PERSON_NAME}),\s+"
    r"(?P<org>[^()]{3,120}?)\s*(?:\((?P<langs>[^()]*)\))?\s*$"
)
_LEADING_SMALL = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?P<org>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,6})[’']s?\s+(?P<rest>.+)$")
_LEADING_ORG = re.compile(r"^(?P<org>U\.N\.|UN|U\.S\.|US|EU|[A-Z]{2,6})\s+(?P<rest>[a-z].+)$")
_AT_ORG = re.compile(
    rf"^(?P<title>.+?)\s+(?:at|of|with|for|from)\s+(?:the\s+)?"
    rf"(?P<org>(?:[A-Z][\w .-]*-based\s+)?{ORG_PHRASE}(?:\s*\([A-Z]+\))?)$"
)
_UNTIL = re.compile(r"\s+(?P<note>(?:until|since|from)\s+[\w ,]+)$")


@dataclass(slots=True)
class RoleFinding:
    """A role as the text gives it."""

    title: str
    org: OrgFinding | None = None
    note: str | None = None


@dataclass(slots=True)
class PersonFinding:
    """A person the text names."""

    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[RoleFinding] = field(default_factory=list)

    def add_role(self, role: RoleFinding) -> None:
        """Keep a role once (same title and organisation)."""
        for known in self.roles:
            if normalize(known.title) == normalize(role.title) and known.org is role.org:
                return
        self.roles.append(role)

    @property
    def surname_keys(self) -> set[str]:
        """Single words that may stand for this person ("Adams"; "Moon" of "Moon Jae-in")."""
        parts = normalize(self.name).split()
        return {parts[-1], parts[0]} if len(parts) >= 2 else set(parts)


class PeopleBook:
    """Every person found so far, by full name and by the short forms that refer back."""

    def __init__(self) -> None:
        self.people: list[PersonFinding] = []

    def add(self, name: str) -> PersonFinding:
        """The person called `name`, created when new ("Kim Jong-un" is "Kim Jong Un")."""
        key = normalize(name)
        for person in self.people:
            if key in {normalize(n) for n in (person.name, *person.aliases)}:
                if name != person.name and name not in person.aliases:
                    person.aliases.append(name)
                return person
        person = PersonFinding(name)
        self.people.append(person)
        return person

    def refer(self, text: str) -> PersonFinding | None:
        """The person a full name, alias, or surname (with a title) refers to, if unique."""
        text = re.sub(
            r"^(?:Mr|Mrs|Ms|Dr|President|General|Gen|Senator|Sen|Minister)\.?\s+", "", text.strip()
        )
        key = normalize(text)
        for person in self.people:
            if key in {normalize(n) for n in (person.name, *person.aliases)}:
                return person
        parts = key.split()
        if len(parts) != 1:
            return None
        last = [p for p in self.people if normalize(p.name).split()[-1] == key]
        if len(last) == 1:
            return last[0]
        first = [p for p in self.people if key in p.surname_keys]
        return first[0] if len(first) == 1 and not last else None


def parse_role(text: str, book: OrgBook) -> list[RoleFinding]:
    """ "Asia director at Human Rights Watch" → [RoleFinding("Asia director", HRW)]."""
    roles = []
    for part in re.split(r"\s+and\s+(?=(?:a|an|the)\s)", text.strip(" ,.")):
        part = _LEADING_SMALL.sub("", part.strip())
        note = None
        until = _UNTIL.search(part)
        if until:
            note, part = until["note"], part[: until.start()]
        org: OrgFinding | None = None
        title = part
        for pattern in (_POSSESSIVE, _LEADING_ORG):
            match = pattern.match(part)
            if match and (
                is_org_name(clean_org(match["org"]))
                or is_acronym(match["org"].replace(".", ""))
                or book.find(match["org"])
            ):
                org, title = book.add(clean_org(match["org"])), match["rest"]
                break
        at = _AT_ORG.match(title) if org is None else None
        if at:
            org, title = _role_org(
                at["title"], clean_org(re.sub(r"\s*\([A-Z]+\)$", "", at["org"])), book, title
            )
        title = title.strip(" ,")
        if title and any(w.casefold().strip(",.") in ROLE_NOUNS for w in title.split()):
            roles.append(RoleFinding(title, org, note))
    return roles


def _role_org(title: str, printed: str, book: OrgBook, whole: str) -> tuple[OrgFinding | None, str]:
    """The organisation of "title of/at printed", and the title to keep.

    "member of the ICNK Coordinating Committee" is a member of the ICNK's Coordinating
    Committee when the text knows the ICNK: the role keeps the body's name, the link goes
    to the organisation.
    """
    known = book.resolve(printed)
    if known is not None:
        return known, title
    first, _, rest = printed.partition(" ")
    parent = book.find(first) if rest else None
    if parent is not None and is_org_name(rest):
        return parent, f"{title} of the {rest}"
    if is_org_name(printed):
        return book.add(printed), title
    return None, whole


def person_name(text: str) -> str | None:
    """The person's name in a matched name: leading "But", "If"… dropped."""
    found = names_in(text)
    return found[0][0] if found and found[0][1] + len(found[0][0]) == len(text) else None


def find_people(article: Article, orgs: OrgBook, people: PeopleBook) -> None:
    """Add every person with a role (appositive, title, byline, contact line) to `people`."""
    in_contacts = False
    for paragraph in article.paragraphs:
        text = paragraph.text
        byline = _BYLINE.match(text)
        if byline:
            person = people.add(byline["name"])
            person.add_role(RoleFinding(byline["role"] or "author (byline)"))
            continue
        contact = _CONTACT_LINE.match(text) if in_contacts else None
        if contact and is_person_name(contact["name"]):
            _contact(contact, orgs, people)
            continue
        in_contacts = bool(_CONTACT_HEADING.search(text)) and text.rstrip().endswith(":")
        for match in _APPOSITIVE.finditer(text):
            name = person_name(match["name"])
            if name is None:
                continue
            roles = parse_role(match["role"], orgs)
            if match["party"]:
                roles.insert(0, RoleFinding(f"U.S. lawmaker ({match['party']})"))
            if roles:
                person = people.add(name)
                for role in roles:
                    person.add_role(role)
        for match in _TITLE_BEFORE.finditer(text):
            name, title = person_name(match["name"]), _trim_title(match["title"])
            if title and name:
                people.add(name).add_role(RoleFinding(title))
    for person in people.people:
        person.roles = _without_repeats(person.roles)


def _without_repeats(roles: list[RoleFinding]) -> list[RoleFinding]:
    """Drop a bare "President" when "South Korean President" says the same and more."""
    kept = []
    for role in roles:
        title = normalize(role.title)
        if any(
            other is not role
            and title in normalize(other.title)
            and title != normalize(other.title)
            and (role.org is None or role.org is other.org)
            for other in roles
        ):
            continue
        kept.append(role)
    return kept


_TITLE_NOISE = frozenset(
    "the a an but and in on with as by to for of if when while that this after before since "
    "because although though nevertheless however meanwhile so yet or".split()
)


def _trim_title(title: str) -> str:
    words = title.split()
    while words and (words[0].casefold() in _TITLE_NOISE or words[0].endswith(",")):
        words.pop(0)
    return " ".join(words)


def _contact(match: re.Match[str], orgs: OrgBook, people: PeopleBook) -> None:
    langs = (match["langs"] or "").replace(",", " and").replace("  ", " ").strip()
    where = match["city"].strip() + (f"; {langs}" if langs else "")
    org_text = re.split(r"\s+&\s+|\s+and\s+(?=Secretariat)", match["org"])[0]
    org = orgs.resolve(clean_org(org_text))
    if org is None and is_org_name(clean_org(org_text)):
        org = orgs.add(clean_org(org_text))
    people.add(match["name"]).add_role(RoleFinding(f"press contact ({where})", org))


def names_in(text: str) -> list[tuple[str, int]]:
    """Every person's name in `text` with where it starts, trying each capitalised word.

    "Belarusian President Alexander Lukashenko" holds "Alexander Lukashenko": the scan
    starts again at each word, so a title or adjective before a name never hides it.
    """
    found: list[tuple[str, int]] = []
    position = 0
    for word in re.finditer(NAME_WORD, text):
        if word.start() < position or (word.start() and text[word.start() - 1].isalnum()):
            continue
        match = re.match(PERSON_NAME, text[word.start() :])
        if match is None:
            continue
        words = match.group().split()
        while len(words) >= 2 and not is_person_name(" ".join(words)):
            words.pop()  # "Alexander Lukashenko Demanding": shorter from the right
        name = " ".join(words)
        if is_person_name(name):
            found.append((name, word.start()))
            position = word.start() + len(name)
    return found
