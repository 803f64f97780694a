"""The organisations a document names, each once, with the abbreviations it defines.

"Christian Solidarity Worldwide (CSW)" teaches the book that "CSW" is the same
organisation; "the coalition" means the one coalition the text named; "New York-based
Human Rights Watch" is Human Rights Watch, based in New York.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.drafts.text import (
    ORG_PHRASE,
    STRONG_ORG_WORDS,
    clean_org,
    country_name,
    is_acronym,
    is_org_name,
)
from bot.core.search.names import normalize

_DEFINED = re.compile(rf"(?P<name>{ORG_PHRASE})\s*\((?P<short>[A-Z][A-Za-z]{{1,9}})\)")
_BASED = re.compile(rf"(?P<place>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-based\s+(?P<name>{ORG_PHRASE})")
_GENERIC = re.compile(r"\bthe\s+(coalition|alliance|network|campaign|federation)\b", re.IGNORECASE)


@dataclass(slots=True)
class OrgFinding:
    """An organisation as the document names it."""

    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    country_as_printed: str | None = None
    based_in: str | None = None

    @property
    def names(self) -> list[str]:
        """The name followed by every alias."""
        return [self.name, *self.aliases]

    def add_alias(self, alias: str) -> None:
        """Remember another name, once."""
        known = {normalize(n) for n in self.names}
        if alias and normalize(alias) not in known:
            self.aliases.append(alias)


def _last_of_pair(name: str) -> str:
    """ "Human Rights Watch and the International Federation for Human Rights" → the second.

    Only when both halves are names and the second has a strong organisation word, so
    "Network for North Korean Democracy and Human Rights" stays whole.
    """
    left, sep, right = name.rpartition(" and ")
    right = clean_org(right)
    if (
        sep
        and is_org_name(left)
        and is_org_name(right)
        and any(w.casefold() in STRONG_ORG_WORDS for w in right.split())
    ):
        return right
    return name


class OrgBook:
    """Every organisation found so far, looked up by any of its names."""

    def __init__(self, text: str = "") -> None:
        self.orgs: list[OrgFinding] = []
        for match in _DEFINED.finditer(text):
            if country_name(match["short"]) is not None:
                continue  # "Free NK Gulag (ROK)": a country, not an abbreviation
            name = _last_of_pair(clean_org(match["name"]))
            if is_org_name(name) or is_org_name(match["short"]):
                self.add(name).add_alias(match["short"])
        for match in _BASED.finditer(text):
            name = clean_org(match["name"])
            if is_org_name(name):
                found = self.add(name)
                found.based_in = found.based_in or match["place"]

    def find(self, name: str) -> OrgFinding | None:
        """The organisation called `name` (a name or abbreviation it was given), if known."""
        key = normalize(clean_org(name))
        for org in self.orgs:
            if key in {normalize(n) for n in org.names}:
                return org
        return None

    def add(self, name: str, aliases: list[str] | tuple[str, ...] = ()) -> OrgFinding:
        """The organisation called `name`, created when new; `aliases` are added to it."""
        name = clean_org(name)
        found = self.find(name)
        if found is None:
            for alias in aliases:
                found = self.find(alias)
                if found is not None:
                    break
        if found is None:
            found = OrgFinding(name)
            self.orgs.append(found)
        elif is_acronym(found.name) and not is_acronym(name):
            # A full name replaces an abbreviation as the name; the abbreviation stays.
            found.aliases.insert(0, found.name)
            found.name = name
            found.aliases = [a for a in found.aliases if normalize(a) != normalize(name)]
        for alias in (name, *aliases):
            if normalize(alias) != normalize(found.name):
                found.add_alias(alias)
        return found

    def generic(self, text: str) -> OrgFinding | None:
        """The organisation "the coalition" (or alliance, network…) refers to, if only one fits."""
        match = _GENERIC.search(text)
        if match is None:
            return None
        word = match.group(1).casefold()
        fitting = [o for o in self.orgs if any(word in n.casefold().split() for n in o.names)]
        return fitting[0] if len(fitting) == 1 else None

    def resolve(self, name: str) -> OrgFinding | None:
        """A mention ("CSW", "the Coalition", "Human Rights Watch") as a known organisation."""
        return self.find(name) or self.generic(name)
