"""Synthetic knowledge bases that look like this domain, at any size, deterministically.

The entity mix follows the brief: about 40% organisations, 20% people, 5% letters, 30%
quotes, the rest sources and events. Popularity is Zipf-like (a few organisations sign
most letters, a few people say most things, Kim Jong Un receives the most letters), and
the domain's common words ("North Korea", "human rights", "letter") are in nearly every
entry, so the search has to cope with them as it does on the real corpus.

Files follow docs/data-format.md: `sources.yaml`, `events.yaml`, organisations, people and
quotes in chunks of 1,000 entries, and letters 100 to a file under `letters/`, so
`load_corpus` validates the result like any data directory.

    python -m benchmarks.generate --size 10000 --out /tmp/kb-10k
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

#: Seed of every generated corpus unless told otherwise.
DEFAULT_SEED = 20180607
#: Entries per organisation, person or quote file.
CHUNK = 1000
#: Letters per file under letters/.
LETTERS_PER_FILE = 100

Entry = dict[str, Any]

COUNTRIES: tuple[tuple[str, str | None, str], ...] = (
    # (country as data/ spells it, form a source might print, a city)
    ("South Korea", "ROK", "Seoul"),
    ("United States", "USA", "Washington"),
    ("Japan", None, "Tokyo"),
    ("United Kingdom", "UK", "London"),
    ("Canada", None, "Toronto"),
    ("Germany", None, "Berlin"),
    ("France", None, "Paris"),
    ("Belgium", None, "Brussels"),
    ("Switzerland", None, "Geneva"),
    ("Netherlands", None, "Amsterdam"),
    ("Czech Republic", "Czechia", "Prague"),
    ("Poland", None, "Warsaw"),
    ("Italy", None, "Rome"),
    ("Spain", None, "Madrid"),
    ("Sweden", None, "Stockholm"),
    ("Norway", None, "Oslo"),
    ("Australia", None, "Sydney"),
    ("New Zealand", None, "Wellington"),
    ("Indonesia", None, "Jakarta"),
    ("Philippines", None, "Manila"),
    ("Thailand", None, "Bangkok"),
    ("Malaysia", None, "Kuala Lumpur"),
    ("Mongolia", None, "Ulaanbaatar"),
    ("Bangladesh", None, "Dhaka"),
    ("India", None, "New Delhi"),
    ("Nepal", None, "Kathmandu"),
    ("Taiwan", None, "Taipei"),
    ("Brazil", None, "Sao Paulo"),
    ("Argentina", None, "Buenos Aires"),
    ("Paraguay", None, "Asuncion"),
    ("Peru", None, "Lima"),
    ("Mexico", None, "Mexico City"),
    ("Chile", None, "Santiago"),
    ("South Africa", "RSA", "Johannesburg"),
    ("Kenya", None, "Nairobi"),
    ("Nigeria", None, "Lagos"),
    ("Ghana", None, "Accra"),
    ("Uganda", None, "Kampala"),
    ("Ukraine", None, "Kyiv"),
    ("Turkey", None, "Istanbul"),
)
REGIONS = ("Asia", "Europe", "Africa", "Latin America", "North America", "Oceania")

_ORG_LEADS = (
    "Citizens'",
    "People's",
    "Global",
    "International",
    "Asian",
    "Pacific",
    "Korean",
    "Northeast Asian",
    "Free",
    "United",
    "Open",
    "Young",
    "Christian",
    "Catholic",
    "Buddhist",
    "Lawyers'",
    "Students'",
    "Women's",
    "Families'",
    "Refugees'",
    "Independent",
    "Democratic",
    "Transitional",
    "Unification",
    "Peace",
    "Justice",
    "Liberty",
    "Hope",
    "Bridge",
    "Light",
)
_ORG_TYPES = (
    "Alliance",
    "Network",
    "Coalition",
    "Center",
    "Institute",
    "Foundation",
    "Committee",
    "Association",
    "Society",
    "Forum",
    "Watch",
    "Council",
    "Union",
    "League",
    "Project",
    "Initiative",
    "Campaign",
    "Mission",
    "Fellowship",
    "Solidarity",
)
_ORG_FOCUSES = (
    "for Human Rights in North Korea",
    "for North Korean Refugees",
    "for Democracy in Asia",
    "against Torture",
    "for Religious Freedom",
    "for Separated Families",
    "for the Abductees",
    "for Press Freedom",
    "on Detention and Forced Labour",
    "for North Korean Human Rights",
    "for Transitional Justice",
    "for Peace on the Peninsula",
    "for Women's Rights",
    "for Children's Rights",
    "against Public Executions",
    "for Humanitarian Aid",
    "for Accountability in North Korea",
    "for Freedom of Information",
    "for Prison Camp Survivors",
    "for Defectors' Rights",
    "for Food Security",
    "for Labour Rights",
    "on Enforced Disappearances",
    "for Human Dignity",
)
_SMALL_WORDS = frozenset({"for", "in", "on", "the", "of", "and", "against"})

#: Well-known organisations, listed first so they are also the most popular signatories.
_FAMOUS_ORGS: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = (
    ("human-rights-watch", "Human Rights Watch", ("HRW",), "United States"),
    ("amnesty-international", "Amnesty International", ("Amnesty",), "United Kingdom"),
    (
        "christian-solidarity-worldwide",
        "Christian Solidarity Worldwide",
        ("CSW",),
        "United Kingdom",
    ),
    ("fidh", "International Federation for Human Rights", ("FIDH",), "France"),
    (
        "icnk",
        "International Coalition to Stop Crimes Against Humanity in North Korea",
        ("ICNK",),
        None,
    ),
    ("liberty-in-north-korea", "Liberty in North Korea", ("LiNK",), "United States"),
    ("nkhr", "Citizens' Alliance for North Korean Human Rights", ("NKHR",), "South Korea"),
    ("hrnk", "Committee for Human Rights in North Korea", ("HRNK",), "United States"),
    ("tjwg", "Transitional Justice Working Group", ("TJWG",), "South Korea"),
    ("open-north-korea", "Open North Korea", (), "South Korea"),
)

_KOREAN_SURNAMES = (
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
    "Oh",
    "Seo",
    "Shin",
    "Kwon",
    "Hwang",
    "Ahn",
    "Song",
    "Ryu",
    "Hong",
)
_KOREAN_SYLLABLES = (
    "Jong",
    "Un",
    "Jae",
    "In",
    "Suk",
    "Yeol",
    "Min",
    "Ho",
    "Young",
    "Hee",
    "Sung",
    "Chul",
    "Kyung",
    "Ji",
    "Hyun",
    "Woo",
    "Seung",
    "Dong",
    "Hye",
    "Jin",
    "Myung",
    "Soo",
    "Kwang",
    "Eun",
    "Sang",
    "Tae",
    "Yong",
    "Hwa",
    "Mi",
    "Na",
    "Bong",
    "Gil",
    "Nam",
    "Ok",
    "Il",
    "Chang",
    "Joon",
    "Ha",
    "Rim",
    "Sol",
)
_GIVEN_NAMES = (
    "Brad",
    "Benedict",
    "Tomas",
    "Sophie",
    "John",
    "Maria",
    "David",
    "Sarah",
    "Michael",
    "Anna",
    "James",
    "Elena",
    "Robert",
    "Laura",
    "Peter",
    "Julia",
    "Daniel",
    "Emma",
    "Paul",
    "Claire",
    "Mark",
    "Sofia",
    "Thomas",
    "Hannah",
    "Andrew",
    "Lucia",
    "Simon",
    "Marta",
    "Olivier",
    "Ingrid",
    "Kenji",
    "Yuki",
    "Hiroshi",
    "Akiko",
    "Rahul",
    "Priya",
    "Ahmed",
    "Fatima",
    "Carlos",
    "Ana",
    "Pedro",
    "Isabel",
    "Jan",
    "Eva",
    "Lars",
    "Karin",
    "Mateo",
    "Valentina",
    "Samuel",
    "Grace",
)
_FAMILY_NAMES = (
    "Adams",
    "Rogers",
    "Ojea Quintana",
    "Richardson",
    "Smith",
    "Garcia",
    "Mueller",
    "Dubois",
    "Rossi",
    "Novak",
    "Kowalski",
    "Jensen",
    "Larsen",
    "Tanaka",
    "Suzuki",
    "Sato",
    "Yamamoto",
    "Nakamura",
    "Sharma",
    "Khan",
    "Santos",
    "Silva",
    "Fernandez",
    "Lopez",
    "Martin",
    "Bernard",
    "Schmidt",
    "Fischer",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schulz",
    "Johansson",
    "Nilsson",
    "Hansen",
    "Petersen",
    "Okafor",
    "Mensah",
    "Mwangi",
    "Wright",
    "Scott",
    "Turner",
    "Collins",
    "Morgan",
    "Bailey",
    "Cooper",
    "Reed",
    "Hughes",
    "Price",
    "Ward",
    "Foster",
    "Gray",
    "Bennett",
    "Brooks",
    "Kelly",
    "Sanders",
    "Russell",
    "Hayes",
    "Myers",
)
_LEADERS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("kim-jong-un", "Kim Jong Un", ("Kim Jong-un", "Mr Kim"), "North Korean leader"),
    ("moon-jae-in", "Moon Jae-in", ("President Moon",), "President of South Korea"),
    ("yoon-suk-yeol", "Yoon Suk-yeol", ("President Yoon",), "President of South Korea"),
    ("xi-jinping", "Xi Jinping", ("President Xi",), "President of China"),
    ("shinzo-abe", "Shinzo Abe", ("Prime Minister Abe",), "Prime Minister of Japan"),
    ("donald-trump", "Donald Trump", ("President Trump",), "President of the United States"),
    ("joe-biden", "Joe Biden", ("President Biden",), "President of the United States"),
    ("ban-ki-moon", "Ban Ki-moon", (), "UN Secretary-General"),
    ("antonio-guterres", "Antonio Guterres", ("Guterres",), "UN Secretary-General"),
    ("kim-jong-il", "Kim Jong Il", ("Kim Jong-il",), "North Korean leader"),
)
_ROLE_TITLES = (
    "executive director",
    "Asia director",
    "spokesperson",
    "deputy director",
    "founder",
    "president",
    "chair",
    "researcher on North Korea",
    "campaigns director",
    "legal adviser",
    "board member",
    "East Asia team leader",
    "senior analyst",
    "program officer",
    "secretary-general",
    "policy director",
    "advocacy officer",
    "country representative",
)
_MEDIA = (
    "Radio Free Asia",
    "Reuters",
    "NK News",
    "Daily NK",
    "Yonhap",
    "The Korea Herald",
    "The Korea Times",
    "Associated Press",
    "Agence France-Presse",
    "BBC News",
    "The Guardian",
    "Voice of America",
    "Kyodo News",
    "The Japan Times",
    "UPI",
    "International Christian Concern",
)
_TOPICS = (
    "political prison camps",
    "forced labour",
    "public executions",
    "separated families",
    "abductions of foreign nationals",
    "forced repatriation of refugees",
    "food shortages",
    "humanitarian aid monitoring",
    "freedom of religion",
    "freedom of information",
    "torture in detention",
    "sexual violence against women",
    "the 2014 Commission of Inquiry",
    "the UN Security Council",
    "denuclearization talks",
    "the summit agenda",
    "accountability for crimes against humanity",
    "overseas workers",
    "children's rights",
    "enforced disappearances",
)
_DEMANDS = (
    "Act on the recommendations of the UN human rights mechanisms on North Korea.",
    "Close the political prison camps and release all political prisoners.",
    "End public executions and impose a moratorium on the death penalty.",
    "Allow regular reunions of families separated by the Korean War.",
    "Return abducted foreign nationals or account for their fate.",
    "Stop the forced repatriation of North Korean refugees from China.",
    "Accept humanitarian aid with monitoring so that it reaches people in need.",
    "Allow the UN special rapporteur on North Korea to visit the country.",
    "Respond to the findings of the 2014 UN Commission of Inquiry.",
    "End torture and forced labour in detention facilities.",
    "Guarantee freedom of religion and belief for all North Koreans.",
    "Lift restrictions on access to foreign media and information.",
    "Put human rights on the agenda of every summit with North Korea.",
    "Refer the situation in North Korea to the International Criminal Court.",
    "Protect North Korean workers sent abroad from forced labour.",
    "End discrimination based on the songbun class system.",
    "Allow independent monitors into prisons and labour camps.",
    "Raise the cases of detained foreigners with the North Korean government.",
    "Support the UN human rights office in Seoul.",
    "Ensure accountability for crimes against humanity in North Korea.",
)
_ABUSES = (
    "Torture, rape and forced labour in North Korea's prison camps.",
    "Public executions for minor offences and for attempts to flee the country.",
    "Forced abortions and sexual violence against repatriated women.",
    "The abduction of hundreds of South Korean and Japanese nationals.",
    "Chronic food shortages worsened by discrimination in food distribution.",
    "The findings of the 2014 UN Commission of Inquiry on crimes against humanity.",
    "Punishment of families for the alleged offences of a relative.",
    "Restrictions on freedom of movement inside North Korea and across its borders.",
    "The denial of access to UN human rights investigators.",
    "Persecution of Christians and other religious believers.",
)
_QUOTE_OPENINGS = (
    "North Korea's leaders must understand that",
    "The international community cannot ignore that",
    "We urge the government to recognise that",
    "Any security discussion must acknowledge that",
    "Survivors have told us again and again that",
    "It is time for the world to accept that",
    "This joint letter makes clear that",
    "Human rights defenders across the region agree that",
)
_QUOTE_CLAIMS = (
    "human rights in North Korea cannot wait for a nuclear deal",
    "the prison camps are the heart of the repression",
    "separated families are running out of time",
    "forced repatriation sends refugees back to torture",
    "humanitarian aid without monitoring does not reach the hungry",
    "the Commission of Inquiry's findings still stand unanswered",
    "dialogue with Pyongyang must include human rights",
    "the abductions remain an open wound for the families",
    "North Koreans deserve the same rights as everyone else",
    "accountability is a condition of lasting peace on the peninsula",
)
_OCCASIONS = (
    "press briefing",
    "statement on the joint letter",
    "testimony before parliament",
    "interview",
    "UN Human Rights Council session",
    "press conference in Seoul",
    "panel discussion",
    "op-ed",
)
_EVENT_KINDS = (
    "UN Human Rights Council resolution on North Korea",
    "UN General Assembly Third Committee vote on North Korea",
    "UN Security Council meeting on human rights in North Korea",
    "Inter-Korean summit",
    "US–North Korea summit",
    "Parliamentary hearing on North Korean human rights",
    "Universal Periodic Review of North Korea",
    "International conference on North Korean refugees",
)


@dataclass
class Corpus:
    """A generated knowledge base as plain YAML-ready entries, by kind."""

    size: int
    seed: int
    sources: list[Entry] = field(default_factory=list)
    organizations: list[Entry] = field(default_factory=list)
    people: list[Entry] = field(default_factory=list)
    letters: list[Entry] = field(default_factory=list)
    quotes: list[Entry] = field(default_factory=list)
    events: list[Entry] = field(default_factory=list)

    def count(self) -> int:
        """How many entities were generated."""
        return sum(
            len(x)
            for x in (
                self.sources,
                self.organizations,
                self.people,
                self.letters,
                self.quotes,
                self.events,
            )
        )


@dataclass(frozen=True)
class Mix:
    """How many entities of each kind a corpus of `size` has."""

    organizations: int
    people: int
    letters: int
    quotes: int
    sources: int
    events: int

    @classmethod
    def for_size(cls, size: int) -> Mix:
        """40% organisations, 20% people, 5% letters, 30% quotes, 3% sources, 2% events."""
        sources = max(10, size * 3 // 100)
        events = max(5, size * 2 // 100)
        letters = max(5, size * 5 // 100)
        people = max(len(_LEADERS) + 5, size * 20 // 100)
        quotes = size * 30 // 100
        organizations = size - sources - events - letters - people - quotes
        return cls(organizations, people, letters, quotes, sources, events)


class _Zipf:
    """Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1) ** s."""

    def __init__(self, rng: random.Random, n: int, s: float = 1.1) -> None:
        self._rng = rng
        self._cum = list(itertools.accumulate(1.0 / (rank + 1) ** s for rank in range(n)))

    def draw(self) -> int:
        """One index."""
        return bisect.bisect_left(self._cum, self._rng.random() * self._cum[-1])

    def distinct(self, k: int) -> list[int]:
        """`k` different indexes (k must not exceed n)."""
        k = min(k, len(self._cum))
        seen: dict[int, None] = {}
        while len(seen) < k:
            seen[self.draw()] = None
        return list(seen)


def slugify(text: str) -> str:
    """A data/ slug for a name."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold().replace("'", "")).strip("-")


def _unique_slug(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _date(rng: random.Random, first: int = 1998, last: int = 2024) -> str:
    """A date at year, month or day precision, recent years more likely."""
    year = last - min(int(rng.expovariate(1 / 6)), last - first)
    precision = rng.random()
    if precision < 0.1:
        return str(year)
    month = rng.randint(1, 12)
    if precision < 0.3:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


class _Generator:
    """Builds one corpus; each `_make_*` method fills one kind."""

    def __init__(self, size: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.mix = Mix.for_size(size)
        self.corpus = Corpus(size, seed)
        self.ids: set[str] = set()

    def build(self) -> Corpus:
        self._make_sources()
        self._make_organizations()
        self._make_people()
        self._make_events()
        self._make_letters()
        self._link_events()
        self._make_quotes()
        return self.corpus

    def _sources(self, k: int = 1) -> list[str]:
        pool = self.corpus.sources
        return [pool[i]["id"] for i in self._source_zipf.distinct(k)]

    def _make_sources(self) -> None:
        rng = self.rng
        for n in range(self.mix.sources):
            publisher = rng.choice(_MEDIA)
            date = _date(rng)
            topic = rng.choice(_TOPICS)
            title = f"NGOs press North Korea on {topic} in a joint letter ({n + 1})"
            entry: Entry = {
                "id": _unique_slug(f"{slugify(publisher)}-{date[:4]}-{n + 1}", self.ids),
                "publisher": publisher,
                "title": title,
                "date": date,
                "url": f"https://news.example.org/{date[:4]}/{n + 1}",
            }
            if rng.random() < 0.4:
                entry["author"] = f"{rng.choice(_GIVEN_NAMES)} {rng.choice(_FAMILY_NAMES)}"
            self.corpus.sources.append(entry)
        self._source_zipf = _Zipf(rng, len(self.corpus.sources), 0.8)

    def _make_organizations(self) -> None:
        rng = self.rng
        total = len(_ORG_LEADS) * len(_ORG_TYPES) * len(_ORG_FOCUSES) * len(COUNTRIES)
        wanted = self.mix.organizations - len(_FAMOUS_ORGS)
        for slug, famous, short_forms, country in _FAMOUS_ORGS:
            self.ids.add(slug)
            self.corpus.organizations.append(
                self._organization(slug, famous, list(short_forms), country, "ngo")
            )
        for code in rng.sample(range(total), wanted):
            code, lead = divmod(code, len(_ORG_LEADS))
            code, kind = divmod(code, len(_ORG_TYPES))
            place, focus = divmod(code, len(_ORG_FOCUSES))
            country, _, city = COUNTRIES[place % len(COUNTRIES)]
            core = f"{_ORG_LEADS[lead]} {_ORG_TYPES[kind]} {_ORG_FOCUSES[focus]}"
            name = f"{city} {core}" if rng.random() < 0.5 else core
            initials = "".join(
                w[0] for w in name.replace("'", "").split() if w.casefold() not in _SMALL_WORDS
            ).upper()
            aliases = [initials] if len(initials) >= 3 else []
            if rng.random() < 0.3:
                aliases.append(f"{_ORG_LEADS[lead]} {_ORG_TYPES[kind]}")
            org_kind = "coalition" if _ORG_TYPES[kind] == "Coalition" else "ngo"
            slug = _unique_slug(slugify(name), self.ids)
            self.corpus.organizations.append(
                self._organization(slug, name, aliases, country, org_kind, city)
            )
        self._add_memberships()
        self._org_zipf = _Zipf(rng, len(self.corpus.organizations), 1.0)

    def _organization(
        self,
        slug: str,
        name: str,
        aliases: list[str],
        country: str | None,
        kind: str,
        city: str | None = None,
    ) -> Entry:
        rng = self.rng
        topic = rng.choice(_TOPICS)
        entry: Entry = {"id": slug, "name": name, "kind": kind}
        if aliases:
            entry["aliases"] = aliases
        if country:
            entry["country"] = country
            printed = next(p for c, p, _ in COUNTRIES if c == country)
            if printed and rng.random() < 0.5:
                entry["country_as_printed"] = printed
        if city and rng.random() < 0.5:
            entry["based_in"] = city
        entry["description"] = (
            f"A human rights group{f' from {country}' if country else ''} that campaigns on "
            f"{topic} in North Korea and signs joint letters to leaders."
        )
        entry["sources"] = self._sources(rng.randint(1, 2))
        return entry

    def _add_memberships(self) -> None:
        orgs = self.corpus.organizations
        coalitions = [o["id"] for o in orgs if o["kind"] == "coalition"] + ["icnk"]
        for org in orgs:
            if org["id"] not in coalitions and self.rng.random() < 0.3:
                org["member_of"] = sorted(set(self.rng.sample(coalitions, min(2, len(coalitions)))))

    def _make_people(self) -> None:
        rng = self.rng
        for slug, leader, spellings, role in _LEADERS:
            self.ids.add(slug)
            self.corpus.people.append(
                {
                    "id": slug,
                    "name": leader,
                    "aliases": list(spellings),
                    "roles": [
                        {"title": role, "as_of": _date(rng, 2010), "sources": self._sources()}
                    ],
                    "description": f"{role}, recipient of joint letters on human rights in "
                    "North Korea.",
                    "sources": self._sources(),
                }
            )
        korean = len(_KOREAN_SURNAMES) * len(_KOREAN_SYLLABLES) ** 2
        western = len(_GIVEN_NAMES) * len(_FAMILY_NAMES)
        wanted = self.mix.people - len(_LEADERS)
        leaders = {name for _, name, _, _ in _LEADERS}
        names = [
            _person_name(code, korean)
            for code in rng.sample(range(korean + western), wanted + len(_LEADERS))
        ]
        for name, aliases in [n for n in names if n[0] not in leaders][:wanted]:
            slug = _unique_slug(slugify(name), self.ids)
            self.corpus.people.append(self._person(slug, name, aliases))
        self._speaker_zipf = _Zipf(rng, len(self.corpus.people), 1.0)

    def _person(self, slug: str, name: str, aliases: list[str]) -> Entry:
        rng = self.rng
        roles = []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            org = self.corpus.organizations[self._org_zipf.draw()]
            role: Entry = {"title": rng.choice(_ROLE_TITLES), "organization": org["id"]}
            if rng.random() < 0.5:
                role["as_of"] = _date(rng)
            else:
                start = _date(rng, 1998, 2015)[:4]
                role["start"] = start
                if rng.random() < 0.5:
                    role["end"] = str(int(start) + rng.randint(1, 8))
            role["sources"] = self._sources()
            roles.append(role)
        entry: Entry = {"id": slug, "name": name}
        if aliases:
            entry["aliases"] = aliases
        entry["roles"] = roles
        entry["description"] = (
            f"A campaigner on human rights in North Korea who speaks about {rng.choice(_TOPICS)}."
        )
        entry["sources"] = self._sources()
        return entry

    def _make_events(self) -> None:
        rng = self.rng
        for n in range(self.mix.events):
            date = _date(rng)
            title = f"{rng.choice(_EVENT_KINDS)} ({date[:4]}, no. {n + 1})"
            participants = sorted(
                {
                    self.corpus.people[self._speaker_zipf.draw()]["id"]
                    for _ in range(rng.randint(0, 3))
                }
            )
            orgs = sorted(
                {
                    self.corpus.organizations[self._org_zipf.draw()]["id"]
                    for _ in range(rng.randint(0, 3))
                }
            )
            entry: Entry = {
                "id": _unique_slug(slugify(title), self.ids),
                "title": title,
                "date": date,
                "summary": f"A meeting on human rights in North Korea that took up "
                f"{rng.choice(_TOPICS)} and a joint letter.",
                "sources": self._sources(),
            }
            if participants:
                entry["participants"] = participants
            if orgs:
                entry["organizations"] = orgs
            self.corpus.events.append(entry)

    def _make_letters(self) -> None:
        rng = self.rng
        recipients = _Zipf(rng, len(_LEADERS), 1.3)
        for n in range(self.mix.letters):
            leader = _LEADERS[recipients.draw()]
            self.corpus.letters.append(self._letter(n, leader))
        self._letter_zipf = _Zipf(rng, len(self.corpus.letters), 0.9)

    def _letter(self, n: int, leader: tuple[str, str, tuple[str, ...], str]) -> Entry:
        rng = self.rng
        date = _date(rng)
        topic = rng.choice(_TOPICS)
        coordinator = self.corpus.organizations[self._org_zipf.draw()]
        kind = "open letter" if rng.random() < 0.2 else "joint letter"
        signers = self._org_zipf.distinct(int(10 * 20 ** rng.random()))
        sources = self._sources(rng.randint(1, 3))
        title = f"{kind.capitalize()} to {leader[1]} on {topic} ({date[:4]}, no. {n + 1})"
        entry: Entry = {
            "id": _unique_slug(slugify(f"{kind} {leader[0]} {date[:4]} {n + 1}"), self.ids),
            "title": title,
            "kind": kind,
            "date": date,
            "recipient": leader[0],
            "recipient_role": leader[3],
            "coordinator": coordinator["id"],
            "aliases": [
                f"{coordinator.get('aliases', [coordinator['name']])[0]} letter no. {n + 1}"
            ],
            "summary": (
                f"A {kind} coordinated by {coordinator['name']} urging {leader[1]} to "
                f"act on human rights in North Korea, in particular {topic}."
            ),
            "demands": [
                {"text": d, "sources": sources[:1]} for d in rng.sample(_DEMANDS, rng.randint(3, 8))
            ],
            "abuses_cited": [
                {"text": a, "sources": sources[:1]} for a in rng.sample(_ABUSES, rng.randint(1, 4))
            ],
            "signatories": [self._signatory(i, sources) for i in signers],
            "reported_counts": [
                {
                    "count": len(signers) + rng.randint(0, 200),
                    "unit": rng.choice(("organizations", "NGOs")),
                    "qualifier": rng.choice(("exactly", "more-than", "about")),
                    "sources": sources[:1],
                }
            ],
            "signatory_regions": sorted(rng.sample(REGIONS, rng.randint(1, 4))),
            "sources": sources,
        }
        if rng.random() < 0.1:
            entry["notes"] = ["The sources disagree on the number of signatories."]
        return entry

    def _signatory(self, org_index: int, sources: list[str]) -> Entry:
        entry: Entry = {
            "organization": self.corpus.organizations[org_index]["id"],
            "sources": sources[:1],
        }
        if self.rng.random() < 0.05:
            entry["note"] = "listed as a member and supporter of the coalition"
        return entry

    def _link_events(self) -> None:
        for event in self.corpus.events:
            related = sorted(
                {
                    self.corpus.letters[self._letter_zipf.draw()]["id"]
                    for _ in range(self.rng.randint(0, 2))
                }
            )
            if related:
                event["related_letters"] = related

    def _make_quotes(self) -> None:
        rng = self.rng
        for n in range(self.mix.quotes):
            speaker = self.corpus.people[self._speaker_zipf.draw()]
            entry: Entry = {
                "id": f"quote-{n + 1}-{speaker['id']}"[:80].rstrip("-"),
                "speaker": speaker["id"],
                "kind": "verbatim" if rng.random() < 0.8 else "paraphrase",
                "text": f"{rng.choice(_QUOTE_OPENINGS)} {rng.choice(_QUOTE_CLAIMS)}, and "
                f"{rng.choice(_QUOTE_CLAIMS)}.",
                "date": _date(rng),
                "occasion": rng.choice(_OCCASIONS),
            }
            subject = rng.random()
            if subject < 0.7:
                entry["about"] = [self.corpus.letters[self._letter_zipf.draw()]["id"]]
            elif subject < 0.8:
                entry["about"] = [rng.choice(self.corpus.events)["id"]]
            entry["topics"] = rng.sample(_TOPICS, rng.randint(1, 3))
            if rng.random() < 0.2:
                entry["via"] = rng.choice(_MEDIA)
            entry["sources"] = self._sources()
            self.ids.add(entry["id"])
            self.corpus.quotes.append(entry)


def _person_name(code: int, korean: int) -> tuple[str, list[str]]:
    """The name and spellings of person number `code` in the combined name space."""
    if code < korean:
        code, first = divmod(code, len(_KOREAN_SYLLABLES))
        surname, second = divmod(code, len(_KOREAN_SYLLABLES))
        family, one, two = (
            _KOREAN_SURNAMES[surname],
            _KOREAN_SYLLABLES[first],
            _KOREAN_SYLLABLES[second],
        )
        return f"{family} {one} {two}", [f"{family} {one}-{two.lower()}"]
    given, family_index = divmod(code - korean, len(_FAMILY_NAMES))
    family_name = _FAMILY_NAMES[family_index]
    return f"{_GIVEN_NAMES[given]} {family_name}", []


def generate(size: int, seed: int = DEFAULT_SEED) -> Corpus:
    """A synthetic corpus of about `size` entities (the same one for the same seed)."""
    return _Generator(size, seed).build()


def _dump(path: Path, document: dict[str, list[Entry]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(
        document, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100
    )
    path.write_text(text, encoding="utf-8")


def _chunks(items: Sequence[Entry], size: int) -> list[Sequence[Entry]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def write_corpus(corpus: Corpus, target: Path) -> list[Path]:
    """Write `corpus` as a data directory at `target` (replacing it); return the files."""
    if target.exists():
        shutil.rmtree(target)
    files: list[Path] = []
    plan: list[tuple[str, str, Sequence[Entry], int]] = [
        ("sources", "sources", corpus.sources, len(corpus.sources) or 1),
        ("events", "events", corpus.events, len(corpus.events) or 1),
        ("organizations", "organizations", corpus.organizations, CHUNK),
        ("people", "people", corpus.people, CHUNK),
        ("quotes", "quotes", corpus.quotes, CHUNK),
        ("letters", "letters/letters", corpus.letters, LETTERS_PER_FILE),
    ]
    for plural, stem, items, per_file in plan:
        for number, chunk in enumerate(_chunks(items, per_file), start=1):
            name = f"{stem}.yaml" if per_file >= len(items) else f"{stem}-{number:04d}.yaml"
            path = target / name
            _dump(path, {plural: list(chunk)})
            files.append(path)
    return files


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: write one synthetic data directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--size", type=int, required=True, help="number of entities")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True, help="data directory to write")
    args = parser.parse_args(argv)
    corpus = generate(args.size, args.seed)
    files = write_corpus(corpus, args.out)
    print(f"wrote {corpus.count():,} entities in {len(files)} files to {args.out}")


if __name__ == "__main__":
    main()
