"""Which letter a question points at, from every clue it gives.

A letter may be named ("the ICNK open letter"), dated ("the 2018 letter"), or described: by
its recipient or the recipient's country ("the letter to Moon", "pressing Pyongyang"), its
sender or coordinator ("the HRW letter"), a count ("the 76 co-signers"), an event it came
before or after ("before the Trump summit"), or what it says ("the letter about
humanitarian aid"). Each clue adds to a letter's score; the best score wins when it is clear.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.answers.cards.letters import letters_oldest_first
from bot.core.answers.reader.contact_clues import CONTACT_WORDS, contact_clue
from bot.core.answers.reader.coverage_clues import COVERAGE_WORDS, coverage_clues, released_by_all
from bot.core.answers.reader.descriptors import claimed_recipients
from bot.core.answers.reader.letter_candidates import candidates, recipient_places
from bot.core.answers.reader.letter_words import (
    QUESTION_WORDS,
    question_words,
    topic_score,
)
from bot.core.answers.reader.question import Question
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import date_in, month_in
from bot.core.kb.models import Letter
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.resolve import resolve_country
from bot.core.search.stems import stems

#: Points per clue. A name or a year is near-certain; a topic word only leans.
NAMED, YEAR, RECIPIENT, SENDER = 10.0, 5.0, 4.0, 3.0
#: A month named without a year ("the coalition's December letter"): less than a year.
MONTH = 3.0
COUNT, EVENT, SIGNER, KIND, COUNTRY = 4.0, 2.0, 1.0, 1.0, 2.0
#: A letter must lead the next by this much to be "the" letter a description means.
MARGIN = 0.6

_BEFORE = re.compile(
    r"\b(before|ahead of|prior to|in the run up to|leading up to|preceding|in advance of|"
    r"on the eve of)\b"
)
_AFTER = re.compile(r"\b(after|following|since)\b")
#: The kind of letter named: "the open letter", "the joint letter to Kim".
_KIND = re.compile(r"\b(open|joint) letter\b")


@dataclass(slots=True)
class LetterFit:
    """A letter and the clues that point at it."""

    letter: Letter
    score: float = 0.0
    clues: list[str] = field(default_factory=list)

    def add(self, points: float, clue: str) -> None:
        """Count one clue."""
        self.score += points
        self.clues.append(clue)


def rank_letters(scope: Scope, question: Question, anchor: str | None) -> list[LetterFit]:
    """Letters with any clue pointing at them, best first.

    `anchor` is the event the question dates a letter by in words, if any
    (`event_clues.anchoring_event`, found once by the caller, who uses it too).
    """
    kb = scope.kb
    named = set(question.ids("letter"))
    # A place that qualifies a role ("the Seoul press contact") or filters signers ("from
    # Japan and South Korea") describes no recipient.
    filters = {
        m.entity_id
        for m in question.mentions
        if question.countries and resolve_country(scope, m.surface) in question.countries
    }
    # A place something happens in ("Christians in the North") is no recipient either.
    tokens = question.norm.split()
    located = {
        m.entity_id
        for m in question.mentions
        if m.kind == "organization" and tokens[max(m.start - 1, 0) : m.start] in _IN_PLACE
    }
    # A place that describes a group ("Open North Korea, the Seoul group", "a Seoul-based
    # NGO") is where the group is, not where a letter went.
    located |= {
        m.entity_id
        for m in question.mentions
        if m.kind == "organization" and tokens[m.end : m.end + 1] and tokens[m.end] in _GROUP_NOUNS
    }
    # A place a person's policy is about ("Moon's North Korea policy") is his topic too.
    located |= {
        m.entity_id
        for m in question.mentions
        if m.kind == "organization"
        and tokens[max(m.start - 1, 0) : m.start] == ["s"]
        and any(p.kind == "person" and p.end == m.start - 1 for p in question.mentions)
    }
    to_check = claimed_recipients(
        tokens, list(question.mentions), len(question.years) + len(question.numbers)
    )
    spoken = question.spoken_of() | _choices(question) | to_check
    # "the letter where HRW was the coordinator": a role's place that describes the letter
    mentioned = (
        {m.entity_id for m in question.mentions}
        - (question.role_places() - question.descriptors)
        - filters
        - located
        - spoken  # "the letter where Ha said Kim should …": Kim is in the words
    )
    mentioned.update(p for p in question.people() if p not in spoken)
    fits = []
    # An event described rather than named ("before Singapore") places a letter too.
    described = [anchor] if anchor and anchor not in question.ids("event") else []
    ordinal = _ordinal_letter(kb, question, mentioned)
    asked = date_in(question.text)
    month = month_in(question.text)
    asked_month = asked if asked and len(asked) >= 7 else None
    # "Was the letter to Moon signed by 52 organisations?": the number is what is claimed.
    claimed = {int(n) for found in _CLAIMED_COUNT.findall(question.norm) for n in found if n}
    guessed_year = _GUESSED_YEAR.search(question.norm) is not None
    words, described_words = question_words(question)
    stems_asked = set(stems(question.norm)) - QUESTION_WORDS
    reported_only = question.has(_REPORTED) and not question.has(_SIGN_WORD)
    contacts = question.has(CONTACT_WORDS)
    # "does the letter to Moon call for North Korea to …": once a recipient is named, a
    # place no longer points at whoever led it.
    recipient_named = any(kb.letters_to(entity_id) for entity_id in mentioned)
    signed_by = {o: {x.id for x in kb.letters_signed_by(o)} for o in mentioned}
    coordinated_by = question.has(_COORDINATED_BY)
    not_signed = question.has(_NOT_SIGNED)
    kind = _KIND.search(question.norm)
    coverage = question.has(COVERAGE_WORDS) or bool(
        question.source_orgs and question.asks_of_a_letter()
    )
    for letter in candidates(kb, question, named, mentioned, stems_asked):
        fit = LetterFit(letter)
        if letter.id in named:
            fit.add(NAMED, "named")
        if letter.year in question.years and not _other_month(letter, asked_month):
            # "when was the Moon letter sent, 2018?": a guess at the answer, not a clue
            fit.add(GUESSED_YEAR if guessed_year else YEAR, str(letter.year))
        elif month and not question.years and letter.date[5:7] == f"{month:02d}":
            fit.add(MONTH, f"in {calendar.month_name[month]}")  # "the December letter"
        _recipient_clues(kb, letter, mentioned, recipient_named, fit)
        behind = set(kb.derived("released_by", released_by_all).get(letter.id, ()))
        if behind and len(behind & mentioned) >= min(3, len(behind)):
            # "the letter Amnesty, HRW and FIDH put out": those it names as behind it
            fit.add(
                SENDER * 2, "released by " + ", ".join(kb.name_of(o) for o in behind & mentioned)
            )
        elif letter.coordinator and letter.coordinator in mentioned:
            # "The HRW letter" describes a letter; "did HRW sign…" only asks about HRW.
            weight = SENDER if letter.coordinator in question.descriptors else SENDER / 3
            fit.add(weight, f"by {kb.name_of(letter.coordinator)}")
        for number in question.numbers:
            if number not in claimed and _counts(letter, number):
                fit.add(COUNT, f"{number:,}")
        _event_clues(kb, letter, question, fit, described)
        # "the letter coordinated by HRW" describes the letter HRW ran, not one it signed.
        signing = set() if coordinated_by else {o for o in mentioned if letter.id in signed_by[o]}
        if not_signed:
            # "the letter ICC reposted but didn't sign": not the one it signed.
            for org_id in signing - {letter.coordinator}:
                fit.add(-SIGNER, f"not signed by {kb.name_of(org_id)}")
            signing = set()
        for org_id in signing - {letter.coordinator}:
            # "The letter Odhikar signed" describes the one letter Odhikar signed; an
            # organisation that signed several says less, and a yes/no subject little.
            if reported_only:
                weight = SIGNER / 3  # "the letter RFA, CSW and ICC reported": no signing
            elif org_id in question.descriptors or len(kb.letters_signed_by(org_id)) == 1:
                weight = SIGNER * 2
            else:
                weight = SIGNER / 3
            fit.add(weight, f"signed by {kb.name_of(org_id)}")
        if kind and kind.group(1) in letter.kind:
            fit.add(KIND, f"{kind.group(1)} letter")
        if question.countries and (from_there := _signed_from(kb, letter, question.countries)):
            fit.add(COUNTRY, f"signed from {from_there}")
        if coverage:
            for points, clue in coverage_clues(kb, letter, mentioned, stems_asked):
                fit.add(points, clue)
        if contacts and (by_contacts := contact_clue(kb, letter, stems_asked)):
            fit.add(*by_contacts)
        if question.quoted and _says_verbatim(letter, question.quoted):
            fit.add(QUOTED, "the words quoted")
        if letter.id in ordinal:
            fit.add(ORDINAL, ordinal[letter.id])
        topic = topic_score(kb, letter, words, described_words)
        if topic:
            fit.add(topic, "its content")
        if fit.score:
            fits.append(fit)
    fits.sort(key=lambda f: (-f.score, f.letter.date))
    return fits


#: "when was the Moon letter sent, 2018?", "what year did it go out, 2019 or so?": the
#: date asked, then the year guessed for it.
_GUESSED_YEAR = re.compile(
    r"^ (?:when|what (?:year|date|day|month))\b.* (?:was it |in |maybe |or )?(?:19|20)\d\d"
    r"(?: or so| maybe| i think| right)? $"
)
#: How much a guessed year weighs: enough to choose between letters nothing else tells apart.
GUESSED_YEAR = 1.0
_CLAIMED_COUNT = re.compile(
    r"^ (?:was|were|is|did|does|has|had)\b.*\b(?:signed by|backed by|endorsed by|have|had|has|"
    r"get|got) (?:over |more than |about |around |some |only )?(\d+)\b|"
    # "moon letter 52 signers true?": a count with a tag is claimed, not a clue
    r"\b(\d+) (?:signers|signatories|co ?signers|cosigners|orgs|groups|organi[sz]ations|ngos)\b"
    r"(?: \w+){0,2} (?:true|right|correct|really)\s*$|"
    # "how many signed the Moon letter, 52?": the count guessed at the end, as a year may be
    r"^ how many\b.* (\d+)(?: or so| maybe| i think| right)?\s*$"
)
_NOT_SIGNED = re.compile(
    r"\b(?:didn ?t|did not|never|not|without|rather than) (?:\w+ ){0,2}?(?:sign|signed|signing|"
    r"co ?sign\w*|cosign\w*)\b"
)
_COORDINATED_BY = re.compile(
    r"\b(?:coordinated|organi[sz]ed|led|spearheaded|initiated|run|drafted) by\b|"
    r"\b(?:was|were|is) the (?:coordinator|organi[sz]er|sponsor|initiator)\b"
)
#: Points for the letter an ordinal picks ("the first letter", "the latest one").
ORDINAL = 5.0
_ORDINAL = re.compile(
    # "the first letter", "their latest joint one"; not "which came first, the HRW letter"
    r"\b(?:the|their|its|his|her|our|that|this) (?:very )?"
    r"(first|earliest|oldest|second|third|latest|last|newest|most recent|recent)"
    r" (?:\w+ ){0,2}?(?:letter|one|appeal)\b"
)
#: Nouns for a group a place before them describes ("the Seoul group").
_GROUP_NOUNS = frozenset(
    "group groups org orgs organisation organization ngo ngos charity based outfit".split()
)
_POSITION = {"first": 0, "earliest": 0, "oldest": 0, "second": 1, "third": 2}


def _ordinal_letter(kb: KnowledgeBase, question: Question, mentioned: set[str]) -> dict[str, str]:
    """The letter an ordinal points at, among the letters to whoever the question names.

    "The second letter to Kim" is the later of the two to Kim Jong Un; "the latest one" the
    newest of all. Returns {letter id: clue} (empty when there is no ordinal).
    """
    match = _ORDINAL.search(question.main_clause)
    if match is None:
        return {}
    ordered = letters_oldest_first(kb)
    to_named = [x for x in ordered if x.recipient in mentioned]
    pool = to_named or ordered
    word = match.group(1)
    position = _POSITION.get(word, len(pool) - 1)
    if position >= len(pool):
        return {}
    return {pool[position].id: word}


_IN_PLACE = (["in"], ["inside"], ["within"], ["across"], ["throughout"])


def _other_month(letter: Letter, asked_month: str | None) -> bool:
    """Whether the question dates another month than the letter's ("in March 2018")."""
    return bool(asked_month and len(letter.date) >= 7 and letter.date[:7] != asked_month[:7])


#: Points for a letter whose text (or its sources' notes) holds the words the user quoted.
QUOTED = 6.0


def _says_verbatim(letter: Letter, quoted: str) -> bool:
    """Whether the words a user put in quotation marks are in anything about the letter."""
    wanted = f" {normalize(quoted)} "
    if len(wanted.split()) < 2:
        return False
    texts = [
        letter.title,
        letter.summary,
        letter.background or "",
        *letter.notes,
        *(s.text for s in (*letter.demands, *letter.abuses_cited, *letter.excerpts)),
        *(s.note or "" for s in (*letter.demands, *letter.abuses_cited)),
        *(s.note or "" for s in letter.signatories),
    ]
    return any(wanted in f" {normalize(t)} " for t in texts)


#: Words of reporting on a letter, and of signing one ("the signers" is no signing).
_REPORTED = re.compile(r"\b(?:report\w*|cover\w*|repost\w*|published|carried|wrote about)\b")
_SIGN_WORD = re.compile(r"\b(?:co ?)?(?:sign|signed|signing|joined|endorsed|backed)\b")


#: "sent to Kim Jong Un or to the South Korean president?": the people offered as answers.
_CHOICE = re.compile(
    r"\b(?:sent|addressed|written|went|go|delivered|directed) to ((?:\w+ ){1,5}or (?:to )?"
    r"(?:\w+ ){1,5})$"
)


def _choices(question: Question) -> set[str]:
    """People a question offers as the answer to choose from: no clue to its letter."""
    match = _CHOICE.search(question.norm)
    if match is None:
        return set()
    start = len(question.norm[: match.start(1)].split())
    return {m.entity_id for m in question.mentions if m.start >= start}


def clear_letter(fits: list[LetterFit]) -> Letter | None:
    """The one letter the clues point at, if one clearly leads."""
    if not fits:
        return None
    if len(fits) == 1 or fits[0].score - fits[1].score >= MARGIN:
        return fits[0].letter
    return None


def _signed_from(kb: KnowledgeBase, letter: Letter, countries: Sequence[str]) -> str | None:
    """The first of `countries` one of the letter's signatories is based in, if any."""
    signed_from = {kb.organizations[s.organization].country for s in letter.signatories}
    return next((c for c in countries if c in signed_from), None)


def _recipient_clues(
    kb: KnowledgeBase, letter: Letter, mentioned: set[str], recipient_named: bool, fit: LetterFit
) -> None:
    if letter.recipient in mentioned:
        fit.add(RECIPIENT, f"to {kb.name_of(letter.recipient)}")
        return
    if recipient_named:
        return
    places = kb.derived("recipient_places", recipient_places).get(letter.recipient, set())
    if places & mentioned:
        fit.add(RECIPIENT - 1, f"to {kb.name_of(letter.recipient)}")


def _counts(letter: Letter, number: int) -> bool:
    """Whether a number is one the letter's sources report, or its named signatories."""
    return number == len(letter.signatories) or any(
        c.count == number for c in letter.reported_counts
    )


def _event_clues(
    kb: KnowledgeBase, letter: Letter, question: Question, fit: LetterFit, described: list[str]
) -> None:
    """An event the letter came before or after, named or described ("before Trump met Kim")."""
    for event_id in (*question.ids("event"), *described):
        event = kb.events[event_id]
        related = event_id in letter.related_events or letter.id in event.related_letters
        if not related:
            continue
        points = EVENT
        if event.date and question.has(_BEFORE) and letter.date < event.date:
            points += 1
        if event.date and question.has(_AFTER) and letter.date > event.date:
            points += 1
        fit.add(points, f"around {event.title}")
