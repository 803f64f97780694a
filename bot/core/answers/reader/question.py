"""What a free-text question says: the evidence every reading is scored from.

Names and aliases (the alias table), people described by their role, years, numbers,
countries, a phrase in quotation marks, and the normalised words for cue matching. Nothing
here decides what the question asks; `readings` does, from this evidence.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.core.answers.reader.chat import plain_words
from bot.core.answers.reader.country_filters import carved_region, countries_in, excludes
from bot.core.answers.reader.descriptors import descriptors
from bot.core.answers.reader.letter_clause import described_spans, main_clause
from bot.core.answers.reader.org_descriptions import (
    described_org,
    description_settings,
    names_only_a_place,
)
from bot.core.answers.reader.quoted import quoted_words
from bot.core.answers.reader.role_clauses import MEETING, described_roles
from bot.core.answers.reader.shapes import (
    appositive,
    asked_of,
    is_declarative_question,
)
from bot.core.scope import Scope
from bot.core.search.names import Mention, normalize
from bot.core.search.numbers import scaled_figures, without_scaled
from bot.core.search.resolve import REGIONS, resolve_country
from bot.core.search.roles import (
    HEAD_WORDS,
    RoleMatch,
    canonical_words,
    roles_at_named_org,
    the_one_on_staff,
    trust_roles_over_aliases,
)
from bot.core.search.spelling import respelled

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.]*\d)")
#: "Yes or no: …", "True or false: …": a statement put up for a verdict.
_VERDICT_ASKED = re.compile(r"^ (?:yes or no|true or false|true false|fact or fiction|y n)\b")
#: "went to a South Korean president rather than a North Korean leader": what is set
#: aside names nothing the question asks about.
_SET_ASIDE = re.compile(r"\s*,?\s*\b(?:rather than|instead of) (?:to )?(?:(?:a|an|the) )?[^,?.;!]+")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
#: Words of belonging to the coalition, said of a group as much as of a person.
_MEMBERSHIP = frozenset(canonical_words("coalition member members supporter supporters icnk"))
#: A role match must reach this score to stand for a person (see `search.roles`).
ROLE_CUTOFF = 3.5
#: And beat the runner-up by this much, or the description fits two people.
ROLE_MARGIN = 0.75


@dataclass(frozen=True, slots=True)
class Question:
    """A question and the evidence found in it."""

    text: str
    #: Normalised words, padded with spaces so cue patterns can match whole words.
    norm: str
    mentions: tuple[Mention, ...]
    #: People the question describes by role rather than name, best first.
    roles: tuple[RoleMatch, ...]
    years: tuple[int, ...]
    #: Numbers other than years ("the 76 co-signers").
    numbers: tuple[int, ...]
    country: str | None
    #: Words the user put in quotation marks.
    quoted: str | None
    #: Every country named ("from Bangladesh or Indonesia"), the first being `country`.
    countries: tuple[str, ...] = ()
    #: The region the countries make up, when the question named one ("European groups").
    region: str | None = None
    #: The countries are excluded, not asked for ("which signatories were not from Asia").
    countries_excluded: bool = False
    #: Entities that only describe a letter ("the HRW letter", "the letter to Moon").
    descriptors: frozenset[str] = frozenset()
    #: Entities named after "about": what is talked of, not who talks.
    objects: frozenset[str] = frozenset()
    #: Organisations named as where something was read ("RFA's article", "according to
    #: CSW"): the source of the answer, not its subject.
    source_orgs: frozenset[str] = frozenset()
    #: The whole message this question was read from ("Someone said X. Who was that?").
    message: str = ""
    #: The organisation found by a description ("which survivors' group"), among `mentions`.
    described: Mention | None = None
    #: The aside describing the subject ("Conectas, one of the 2012 members, is…"), if any.
    aside: str | None = None

    @property
    def main_clause(self) -> str:
        """The normalised question without what only describes a letter or its subject."""
        clause = main_clause(self.norm)
        return clause.replace(f" {normalize(self.aside)} ", " ", 1) if self.aside else clause

    def asks_of_a_letter(self) -> bool:
        """Whether the question names a letter or speaks of one ("the letter to Moon")."""
        return bool(self.ids("letter")) or " letter" in self.norm

    def ids(self, kind: str) -> list[str]:
        """Ids of entities of one kind named in the question, in order, once each."""
        return list(dict.fromkeys(m.entity_id for m in self.mentions if m.kind == kind))

    def has(self, pattern: re.Pattern[str]) -> bool:
        """Whether a cue pattern occurs in the normalised question."""
        return pattern.search(self.norm) is not None

    def subjects(self, kind: str) -> list[str]:
        """Entities of a kind the question is about: not letter descriptions or objects."""
        return [e for e in self.ids(kind) if e not in self.descriptors and e not in self.objects]

    def people(self) -> list[str]:
        """People the question is about, else the one a role description clearly fits.

        "The senator who co-sponsored the bill with Cardin" describes someone beside Cardin:
        a person named after "with" is no subject, and the role fits someone else.
        """
        words = self.norm.split()
        beside = {  # but "did Kim meet with Xi": the one met is asked about
            m.entity_id
            for m in self.mentions
            if m.kind == "person"
            and words[max(m.start - 1, 0)] in _BESIDE
            and words[max(m.start - 2, 0)] not in _MET
        }
        named = [p for p in self.subjects("person") if p not in beside]
        role = self._role_that_fits(beside)
        if named and self._named_only_in_the_words():
            if role is not None:
                # "what did HRW's deputy Asia director say Moon should do": Moon is spoken of
                return [role]
            if self._letter_speaks():
                return []  # "what did they say Kim should do": the letter's words, of Kim
        if named and role is not None and role not in named and MEETING.search(self.norm):
            return [*named, role]  # "did Kim meet the Chinese president": two people
        # "the letter to Kim", "the Kim regime": Kim is spoken to or of, not speaking
        ruled = {
            m.entity_id
            for m in self.mentions
            if m.kind == "person" and m.end < len(words) and words[m.end] in _RULED
        }
        not_speaking = ruled | {
            m.entity_id
            for m in self.mentions
            if m.kind == "person" and m.start > 0 and words[m.start - 1] == "to"
        }
        if role is not None and named and set(named) <= not_speaking:
            # "the president of Open North Korea, what was his message to Kim?": Kim is spoken
            # to, and "the Florida senator's quote on Kim regime abuses" speaks of his rule;
            # the one described speaks
            return [role]
        if named and not set(named) <= ruled:
            # "what did Rubio list as the Kim regime's abuses": Rubio speaks, of Kim's rule
            return [p for p in named if p not in ruled]
        return named or ([role] if role is not None else [])

    def recipient_by_role(self) -> str | None:
        """Whom a role names as a letter's recipient ("the letter to the heir-apparent said…")."""
        role = self._role_that_fits()
        if role is None:
            return None
        matched = "|".join(next(r.matched for r in self.roles if r.person_id == role))
        return role if re.search(_TO_ROLE.format(matched=matched), self.norm) else None

    def _role_that_fits(self, beside: Collection[str] = ()) -> str | None:
        """The person a role description clearly fits: well enough, and well ahead.

        Not a role that names a letter ("the heir-apparent letter": the letter to him). "The
        senator who … with Cardin": the one other holder of the role, however weak the fit.
        """
        roles = [r for r in self.roles if r.person_id not in beside]
        other = len(roles) == 1 < len(self.roles)
        if (
            roles
            and (roles[0].score >= ROLE_CUTOFF or other)
            and (len(roles) == 1 or roles[0].score - roles[1].score >= ROLE_MARGIN)
            and not re.search(
                rf"\b(?:{'|'.join(roles[0].matched)})\w* (?:letter|appeal)\b",
                self.norm,
            )
        ):
            return roles[0].person_id
        return None

    def spoken_of(self) -> set[str]:
        """People named only inside the words someone else said ("Ha said Kim should …")."""
        verb = self._saying_at()
        if verb is None:
            return set()
        persons = [m for m in self.mentions if m.kind == "person"]
        before = {m.entity_id for m in persons if m.start < verb}
        after = {m.entity_id for m in persons if m.start > verb} - self.descriptors
        speaks = before or self._letter_speaks() or self._role_that_fits() is not None
        return after - before if after and speaks else set()

    def _saying_at(self) -> int | None:
        """Where the first verb of saying is ("… said Kim should …"), if any."""
        return next((i for i, t in enumerate(self.norm.split()) if t in _SAYING), None)

    def _letter_speaks(self) -> bool:
        """Whether the one who speaks is the letter or its signers ("did they say")."""
        verb = self._saying_at()
        tokens = self.norm.split()
        return verb is not None and bool(_LETTER_SPEAKERS & set(tokens[max(verb - 2, 0) : verb]))

    def _named_only_in_the_words(self) -> bool:
        """Whether every person named comes after the speech verb ("… say Moon should …")."""
        verb = self._saying_at()
        people = [m for m in self.mentions if m.kind == "person" and m.surface]
        return verb is not None and bool(people) and all(m.start > verb for m in people)

    def role_places(self) -> set[str]:
        """Places and bodies named as part of a role, not as a subject.

        "The Seoul press contact", "HRW's Asia deputy director", "the HRW guy in Bangkok".
        """
        tokens = self.norm.split()
        places = set()
        for m in self.mentions:
            # "CSW's East Asia team leader": after the possessive, up to four words on
            start = m.end + (1 if tokens[m.end : m.end + 1] == ["s"] else 0)
            after = " ".join(tokens[start : start + (4 if start > m.end else 3)])
            # "the HRW guy" describes someone; "an HRW staffer" is claimed of someone
            pointed = tokens[m.start - 1 : m.start] in (["the"], ["that"], ["this"])
            role = HEAD_WORDS & set(canonical_words(after)) or (
                pointed and _SOMEONE & set(after.split()[:1])
            )
            if m.kind == "organization" and role:
                places.add(m.entity_id)
        return places

    def corrected(self) -> list[Mention]:
        """Names recognised only after correcting a typo, to show how they were read."""
        return [m for m in self.mentions if m.corrected]


def read_question(scope: Scope, text: str, message: str | None = None) -> Question:
    """The evidence in a question (already trimmed to the query length limit).

    `message` is the whole message when `text` is only the part of it that asks.
    """
    # "wait did hrw sign…", "wat … abt ppl", "any canadain groups"
    text = _SET_ASIDE.sub("", respelled(plain_words(text), scope.names.vocabulary))
    message = respelled(plain_words(message), scope.names.vocabulary) if message else text
    norm = f" {normalize(text.replace('(s)', 's'))} "  # "which letter(s) did ICC sign"
    aside = appositive(text)
    unadorned = norm.replace(f" {normalize(aside)} ", " ", 1) if aside else norm
    asks_verdict = is_declarative_question(text, unadorned) or _VERDICT_ASKED.match(norm)
    if asks_verdict and not norm.endswith(" right "):
        # "CSW was among the signers?", "Yes or no: HRW signed it." ask yes or no, like a
        # tag question
        norm += "right "
    years = tuple(int(y) for y in _YEAR.findall(text))
    # "a million prisoners", "24.5 million": whole, not 24 and 5
    scaled = scaled_figures(text)
    numbers = scaled + tuple(
        value
        for raw in _NUMBER.findall(without_scaled(text) if scaled else text)
        if (value := int(raw.replace(",", ""))) not in years and value < 10_000_000
    )
    mentions = scope.names.find_mentions(text)
    filter_norm = norm
    found_by_description: Mention | None = None
    # "the big human rights group in New York"; "which survivors' group backed the coalition"
    by_description = described_org(scope, norm)
    named_orgs = [m for m in mentions if m.kind == "organization"]
    settings = (
        description_settings(scope, norm.split(), by_description, named_orgs)
        if by_description
        else set()
    )
    if by_description is not None and (
        not named_orgs
        # Beside a named one, only a description that asks which: "is CSW a UK group" says
        # where CSW is, "which survivors' group backed the coalition" asks for a group.
        or (
            by_description.surface.startswith(("which ", "what "))
            and not by_description.surface.endswith("s")  # "which American groups": a filter
            and not any(
                m.start < by_description.end and by_description.start < m.end for m in named_orgs
            )
        )
        # "the Czech NGO on the coalition list": the coalition only says where it is listed
        or settings == {m.entity_id for m in named_orgs}
    ):
        mentions = sorted([*mentions, by_description], key=lambda m: m.start)
        found_by_description = by_description
        # "The UK Christian group" names an organisation, not a country filter; but "the
        # Belgian org" is the country's one group, and its filter finds it too.
        if not names_only_a_place(scope, by_description.surface):
            filter_norm = norm.replace(f" {by_description.surface} ", " the organisation ")
    tokens = norm.split()
    roles, about_at, source_orgs = described_roles(scope, norm, mentions)
    if aside and mentions and mentions[0].start == 0 and mentions[0].kind == "organization":
        # "Conectas, one of the coalition members, is…": the aside describes the group,
        # it names no one by role
        aside_words = set(canonical_words(normalize(aside)))
        roles = [r for r in roles if not set(r.matched) <= aside_words]
    if any(m.kind == "organization" for m in mentions):
        # "is HRW a coalition member?": membership of an organisation names no one
        roles = [r for r in roles if not set(r.matched) <= _MEMBERSHIP]
    for named in [*named_orgs, *(m for m in mentions if m.kind == "person")]:
        if len(named.surface.split()) > 2 and resolve_country(scope, named.surface):
            # "is the Committee for Human Rights in North Korea the Canadian one", "sent to
            # him as president of South Korea": the country inside a name or a post filters
            # nothing
            filter_norm = filter_norm.replace(f" {named.surface} ", " the organisation ")
    countries = countries_in(scope, filter_norm)
    carved = carved_region(countries)
    if carved:
        # "from Asia but not South Korea": the country left out names no government
        mentions = [
            m for m in mentions if m.kind != "organization" or not resolve_country(scope, m.surface)
        ]
    # "the CSW Asia director": only a role at CSW, however well HRW's Asia director fits
    mentions, roles = roles_at_named_org(scope.kb, tokens, mentions, roles)
    mentions = the_one_on_staff(scope.kb, tokens, mentions)
    return Question(
        text=text,
        norm=norm,
        mentions=tuple(trust_roles_over_aliases(scope.kb, mentions, roles, ROLE_CUTOFF)),
        roles=tuple(roles),
        years=years,
        numbers=numbers,
        country=countries[0] if countries else None,
        countries=tuple(countries),
        region=next((r for r, members in REGIONS.items() if list(members) == countries), None)
        or carved,
        # "Asia outside Japan" keeps Asia's other countries: the "outside" is spent
        countries_excluded=bool(countries) and not carved and excludes(norm, countries[0]),
        quoted=quoted_words(text),
        descriptors=frozenset(
            descriptors(tokens, mentions)
            | _in_clauses(norm, mentions)
            | (settings if found_by_description else set())
        ),
        objects=frozenset(m.entity_id for m in mentions if m.start > about_at)
        | asked_of(tokens, mentions),
        source_orgs=source_orgs,
        message=message,
        described=found_by_description,
        aside=aside,
    )


#: Words for someone, right after an organisation: "the HRW guy", "the CSW woman".
_SOMEONE = frozenset("guy man woman person lady dude fella staffer bloke chap".split())
#: Verbs after which a name is in the words said ("said Kim should"), unlike "wrote to Moon".
_SAYING = frozenset(
    "say said says saying think thinks thought argue argued claim claimed warn warned urge "
    "urged believe believed believes".split()
)
#: Who speaks when a letter does: "what did they / it / the signatories say".
_LETTER_SPEAKERS = frozenset("they it letter signatories signers coalition groups ngos".split())
#: A role right after "letter to" or "went to", then what it said about something.
_TO_ROLE = (
    r"\b(?:letter|letters|appeal|sent|addressed|went|written|one) to (?:the |a |an )?"
    r"(?:\w+ ){{0,2}}(?:{matched})\b.* (?:say|said|says) about\b"
)
#: Words after a ruler's name that make it his rule, not him: "the Kim regime".
_RULED = frozenset(
    "regime regimes government administration leadership dictatorship jeonggwon".split()
)
#: A person named right after one of these is beside the subject, not the subject.
_BESIDE = frozenset({"with", "besides", "than", "alongside", "beside", "unlike"})
_MET = frozenset({"meet", "met", "meeting", "meetings", "talks", "summit", "summits"})


def _in_clauses(norm: str, mentions: list[Mention]) -> set[str]:
    """Entities named inside a clause that only describes a letter.

    In "the letter complaining about Seoul dropping the UN resolution", Seoul and the UN
    say which letter is meant; neither is what the question asks about.
    """
    tokens = norm.split()
    found = set()
    for start, end in described_spans(norm):
        first, last = len(norm[:start].split()), len(norm[:end].split())
        where = norm[start:].startswith((" where ", " in which "))
        for m in mentions:
            # "the letter where HRW's Bangkok contact was listed": HRW owns the clue (its
            # contact), it does not describe the letter as "the HRW letter" does.
            owns = where and tokens[m.end : m.end + 1] == ["s"]
            if first < m.start and m.end <= last and not owns:
                found.add(m.entity_id)
    return found
