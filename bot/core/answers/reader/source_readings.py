"""Readings of what one organisation said: "what did CSW say …", "according to ICNK, …".

An organisation that speaks in the question (a speech verb right after its name, or
"according to" before it) is asked for its own words, not for its profile, its letters'
signers or another source's telling.
"""

from __future__ import annotations

import re
from functools import partial

from bot.core.answers.facts.org_says import org_says
from bot.core.answers.reader.context import Context, Reading
from bot.core.answers.reader.org_descriptions import PLACE_KINDS
from bot.core.answers.reader.question import Question
from bot.core.answers.reader.shapes import SOURCE_WORDS
from bot.core.kb.corpus import KnowledgeBase
from bot.core.search.names import normalize
from bot.core.search.stems import STOP_WORDS

#: Words after an organisation's name that make it the speaker ("CSW said", "HRW asking").
SPEECH = frozenset(
    "say says said saying ask asks asked asking claim claims claimed report reports reported "
    "argue argues argued urge urges urged tell tells told describe describes described note "
    "notes noted want wants wanted".split()
)
#: Words before a name that make it where someone works ("the guy from CSW") or the one
#: asked ("was Pyongyang asked"), not the speaker.
_NOT_SPEAKING = frozenset("from of at was were is are been be".split())
#: A role before the name: its holder speaks ("the president of that group, Open North Korea").
_ROLE_WORDS = frozenset(
    "president director head chief spokesperson spokesman spokeswoman chair founder leader "
    "member staff guy man woman person official rep representative campaigner".split()
)
#: Only "what …" and "according to X, what …" ask what was said; "when did ICNK write",
#: "why", "how many" and "who" ask something else of the same names.
_ASKS_WHAT = re.compile(
    r"^ (?:according to (?:the )?(?:\w+ ){1,6}?)?(?:what|how (?:does|did|do))\b|"
    # "For the letter CSW joined, what did CSW want the US to do?": after a lead-in
    r"^ (?:\w+ ){1,12}?(?:what|how (?:does|did|do)) (?:did|does|do|was|were|they|it)\b"
)
#: Words that ask or point at the source rather than name what it says.
_ASKING = frozenset("according happens happened does did how what".split())
#: Words that only point at a letter ("the 2019 letter", "the joint one").
_LETTER = frozenset("letter letters one joint open appeal".split())
#: Cues of questions that ask a fact of a letter, not an organisation's words.
_OTHER_ASKS = ("exact_day", "date", "count", "recipient", "sender", "contact")
#: Above the cue of a letter's own readings ("demands → the 2018 letter", "who signed").
_OVER_LETTER = 5.5


#: Verbs by which the authors of a letter ask something of its recipient.
_DIRECTIVE = frozenset("asking asked ask urging urged urge demanding demanded want wanted".split())


def org_says_readings(context: Context) -> list[Reading]:
    """What an organisation that speaks in the question said, about what the rest asks."""
    q, scope = context.question, context.scope
    if context.cue("yes_no") or context.people or not _ASKS_WHAT.search(q.norm):
        return []  # "did CSW say it signed?" is a claim to check; a person speaks for himself
    if any(context.cue(k) for k in _OTHER_ASKS):
        return []  # "what day did RFA say it was sent": the date, as the sources give it
    for org_id, (start, end) in _speaking_orgs(scope.kb, q):
        org = scope.kb.organizations[org_id]
        if org.kind in PLACE_KINDS:
            continue  # a government's words are not in the sources, only about it
        letter_of = context.letter
        if (
            letter_of is not None
            and _DIRECTIVE.intersection(q.norm.split()[end : end + 1])
            and org_id in {letter_of.coordinator, *(s.organization for s in letter_of.signatories)}
            and _asks_the_recipient(context, q.norm.split()[end + 1 : end + 4])
        ):
            continue  # "what was ICNK asking Moon's government to do": its letter's demands
        phrase = _asked_of(q, start, end)
        # "What did HRW say about the 2019 letter?": only its words on that letter
        letter = context.letter if context.letter and (q.years or " letter" in q.norm) else None
        if letter is not None and phrase:
            phrase = " ".join(w for w in phrase.split() if not w.isdigit() and w not in _LETTER)
            phrase = phrase or None
        cue = max(context.cue(k) for k in ("quotes", "letter_says", "demands", "topic", "abuses"))
        return [
            Reading(
                "topic",
                max(cue, 3.0) + _OVER_LETTER + (0.5 if phrase else 0.0),
                f"what {org.name} says" + (f" about {phrase}" if phrase else ""),
                partial(org_says, scope, org_id, phrase, letter),
            )
        ]
    return []  # the first organisation that speaks and has words of its own


def _asks_the_recipient(context: Context, asked: list[str]) -> bool:
    """Whether those asked ("Moon's government", "him") are whom the letter went to.

    "What was CSW asking Washington to do?" asks someone else: CSW's own words.
    """
    letter, kb = context.letter, context.scope.kb
    if letter is None or not letter.recipient or not asked:
        return True
    names = {w for n in kb.people[letter.recipient].names for w in normalize(n).split()}
    return bool((names | _THE_RECIPIENT) & set(asked))


#: Words for a letter's recipient or their government.
_THE_RECIPIENT = frozenset("him her them he pyongyang seoul north south korea regime kim".split())


def _speaking_orgs(kb: KnowledgeBase, q: Question) -> list[tuple[str, tuple[int, int]]]:
    """Organisations the question has speak ("CSW said", "according to ICNK"), with where."""
    tokens = q.norm.split()
    found = []
    subjects = [
        m
        for m in q.mentions
        if m.entity_id not in q.source_orgs | q.descriptors
        and m.kind in ("person", "event", "organization")
        and not (m.kind == "organization" and kb.organizations[m.entity_id].kind in PLACE_KINDS)
    ]
    for m in q.mentions:
        if m.kind != "organization" or not m.surface:
            continue
        after = tokens[m.end : m.end + 1]
        if after in (["s"], ["own"]) or (after and after[0] in SOURCE_WORDS):
            # "the RFA article says", "RFA's own piece said": the source speaks for it
            rest = [t for t in tokens[m.end : m.end + 4] if t not in ("s", "own")]
            after = rest[1:2] if rest and rest[0] in SOURCE_WORDS else after
        before = tokens[max(m.start - 2, 0) : m.start]
        held = _ROLE_WORDS & set(tokens[max(m.start - 5, 0) : m.start])
        # "what was CSW asking": the progressive speaks; "a source from HRW said" does not
        progressive = bool(after) and after[0].endswith("ing") and before[-1:] != ["from"]
        not_speaking = _NOT_SPEAKING & set(before[-1:]) and not progressive
        speaks = after and after[0] in SPEECH and not not_speaking and not held
        # "… per RFA" with another subject ("what has the Security Council done") is where
        # it was read, not who speaks
        sourced = m.entity_id in q.source_orgs and not subjects
        if speaks or before == ["according", "to"] or sourced:
            found.append((m.entity_id, (m.start, m.end)))
    return found


def _asked_of(q: Question, start: int, end: int) -> str | None:
    """What the organisation is asked about: the other words, other names included.

    Not the names that only say which letter ("the moon letter").
    """
    describing = {
        i for m in q.mentions if m.entity_id in q.descriptors for i in range(m.start, m.end)
    }
    words = [
        t
        for i, t in enumerate(q.norm.split())
        if not start <= i < end
        and i not in describing
        and t not in STOP_WORDS
        and t not in SPEECH
        and t not in SOURCE_WORDS
        and t not in _ASKING
        and len(t) > 2
    ]
    return " ".join(words) or None
