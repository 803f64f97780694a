"""Who said the words a question remembers, and whether someone said the words it gives them.

"Who said Kim should look to his legacy?" (`who_said_readings`); "Did Robertson say 'he
cannot ignore the appalling human rights crisis'?", "I have 'X' attributed to Rogers —
right?", "is it true that Rubio said the North Korean people have suffered for decades?"
(`attribution_readings`). The answer is who said those words, opening with whether the
person named is right (`who_said`); never that person's profile or quotes, which would put
the words in their mouth.
"""

from __future__ import annotations

import re

from bot.core.answers.facts import who_said
from bot.core.answers.reader.chat import ASKS_ANYTHING
from bot.core.answers.reader.context import Context, Reading, letter_fit
from bot.core.answers.reader.question import Question
from bot.core.kb.sentences import split_sentences
from bot.core.search.names import Mention, normalize

#: Above a claim about the person's role, their quotes, and a comparison the words happen to cue
#: ("… said peace matters more than human rights"): the words decide.
_SCORE = 11.5
#: Fewer remembered words than this are a topic ("did Rubio say anything about Kim"), not words.
_FEWEST_WORDS = 4
#: The question checks a claim: asked yes or no, or in a fact-checker's words.
_CHECKS = re.compile(
    r"^ (?:did|does|do|was|is|has|had|were|are)\b|\b(?:attribut\w*|right|correct|accurate\w*|"
    r"true|false|confirm|verify|really|actually|sure|yeah|innit|real|legit|genuine|authentic|"
    r"source|sources|says who|proof|citation|evidence)\b"
)
#: A statement put as a question ("Rubio called North Korea … ? source?"): a claim to check.
_DECLARED = re.compile(
    r"^\s*(?!(?:who|whom|whose|what|when|where|which|why|how|did|does|do|was|were|is|are|has|"
    r"have|had|can|could|would|will|should|tell|list|show|give)\b)"
    # "Ben Cardin said human rights should be kept off the agenda." is put up to be checked
    r"(?:[^?]{12,}\?|[^?.!]{12,}\.\s*$)",
    re.IGNORECASE,
)
#: A verb of saying right after the person's name, and what may stand between them.
_SAID = re.compile(
    r"^(?:(?:really|actually|ever|once|publicly|also|then|indeed) )*(?:said|say|says|"
    r"stated|state|claimed|claim|warned|warn|argued|argue|told|tell|remarked|declared|"
    # "called it America's moral responsibility": what it was called are the words
    r"insisted|call(?:ed|s)? (?:it|this|them)|called|call|described|describe|put it|"
    r"(?:wrote|write) that|cautioned|caution|"
    r"urged|urge|urges|accused|accuse|accuses|stressed|noted|emphasi[sz]ed|suggested|"
    r"maintained|asserted|admitted|acknowledged|conceded|"
    # "Rubio listed forced abortions among the abuses, didn't he?": what he listed
    r"listed|list|cited|cite|enumerated|enumerate|mentioned|mention|demanded|demand|"
    # "characterised the findings as …": the words he put on them
    r"characteri[sz]ed|characteri[sz]e|portrayed|labell?ed|branded|"
    # "Quintana thought raising rights was needed for a lasting deal, right?": his words say
    r"predicted|thought|believed|felt) (?:that )?"
)
#: A role restated as a pronoun before the verb: "… director, did he really say".
_RESTATED = re.compile(r"(?:^| )(?:did|does|has|had|was) (?:he|she|they)$")
#: Before a name, words that make it the object of something else ("the letter to Kim").
_OBJECT_OF = frozenset({"to", "for", "about", "with", "at", "on", "of", "against"})
#: The words are given to someone without a verb of saying.
_ATTRIBUTED = re.compile(r"\battribut\w*|\b(?:quote|words|line|statement|remark) (?:from|by|of)\b")
#: Before the words, the question asks something else.
_ASKS_ELSE = re.compile(r"\b(?:how many|how much|which|when|where|why|what)\b")
#: Words after the verb that ask about a topic rather than give words.
_NOT_WORDS = re.compile(
    r"^(?:anything|something|nothing|much|a lot|a word|any|whether|if|what|how|why|when|where|"
    r"who|about|so|that|(?:this|it)(?! (?:s|is|was|would|will|could|should|must|has|had)\b)|"
    # "said it is America's moral duty": "it" opens the words, not stands for them
    r"the same|them|him|her|us|me|you)\b"
)
#: A tag that ends the claim rather than belonging to the words: "…, is that right?",
#: "…, that's his quote right?".
_TAG = re.compile(
    r"(?: (?:is|was) (?:that|this|it)| (?:that|this|it) s (?:his|her|their|the) "
    r"(?:quote|line|words)| (?:didn ?t|did|wasn ?t|isn ?t|doesn ?t|hasn ?t) (?:he|she|they|it))?"
    r"(?: (?:right|correct|true|accurate|yeah|innit|source|sources|says who|proof|citation))* *$"
)


def who_said_readings(context: Context) -> list[Reading]:
    """Who said the words a question remembers, checking the speaker it guesses, if any."""
    scope, q = context.scope, context.question
    guessed = _guessed_speakers(context)
    # "'any security discussion needs…' — pretty sure that was the UN rapporteur": words
    # quoted and a speaker guessed ask who said them, whatever else the wording cues
    words_and_guess = bool(q.quoted and guessed)
    if context.cue("who_said") or words_and_guess:
        return [
            Reading(
                "who_said",
                max(context.cue("who_said"), 6.0 if words_and_guess else 0.0)
                + 2.0
                + (2.0 if q.quoted else 0.0)
                # "someone said Kim could be remembered as …": words reported, whatever
                # role or letter they mention
                + (1.5 if q.has(_SOMEONE_SAID) else 0.0)
                # "who said … (Moon letter)": the letter only narrows whose words they are
                + (letter_fit(context) if q.norm.startswith(" who said ") else 0.0),
                "who said these words",
                # The words may be in the sentence before "Who said that?".
                lambda: who_said.who_said(scope, q.message, q.quoted, guessed),
            )
        ]
    # "'without parallel' — who?"; not "another 'spokesperson' with no title?"
    words_given = q.quoted is not None and len(q.quoted.split()) >= 2
    if words_given and (
        q.norm.startswith(" who ")
        or _WHO_AFTER_WORDS.search(q.norm)
        or q.has(_SPEAKER_ASKED)
        or q.has(_WHO_WROTE)
    ):
        return [
            Reading(
                "who_said",
                # Asked after the words, "who" asks for nothing else the words mention;
                # "speaker for '…'", "which individual called … '…'" ask only the speaker.
                9.0 if _WHO_AFTER_WORDS.search(q.norm) or q.has(_SPEAKER_ASKED) else 7.0,
                "who said these words",
                lambda: who_said.who_said(scope, q.message, q.quoted),
            )
        ]
    return []


def _guessed_speakers(context: Context) -> tuple[str, ...]:
    """The people a question guesses said the words: "wasn't it Trump who said…".

    After "I think that was", only the people named from there on: "the line about Moon
    trying to 'mollify Kim' — I think that was Rogers" guesses Rogers, not Moon.
    """
    q = context.question
    think = _I_THINK_IT_WAS.search(q.norm) or _MY_NOTES.search(q.norm)
    if think is not None and (people := _people_from(q, q.norm[: think.start()])):
        return people
    # "'…' was Benedict Rogers, right?": the person named right after the words
    quoted = f" {normalize(q.quoted)} " if q.quoted else ""
    at = q.norm.find(quoted) if quoted.strip() else -1
    if at >= 0 and _SPEAKER_AFTER_WORDS.match(q.norm[at + len(quoted) - 1 :]):
        if people := _people_from(q, q.norm[: at + len(quoted)]):
            return people
    # "pretty sure that was the UN rapporteur": a person named by role
    return tuple(q.subjects("person") or context.people) if q.has(_GUESSED_SPEAKER) else ()


def _people_from(q: Question, before: str) -> tuple[str, ...]:
    """The people named after `before`, the start of the question's words, once each."""
    after = len(before.split())
    return tuple(
        dict.fromkeys(m.entity_id for m in q.mentions if m.kind == "person" and m.start >= after)
    )


def attribution_readings(context: Context) -> list[Reading]:
    """The reading that checks who said the words the question gives someone, if it does."""
    found = attributed_words(context.question)
    if found is None:
        return []
    words, speakers = found
    scope, q = context.scope, context.question
    names = " or ".join(scope.kb.name_of(p) for p in speakers)
    shown = words if len(words) <= 60 else words[:57] + "…"
    return [
        Reading(
            "who_said",
            _SCORE,
            f"did {names} say “{shown}”",
            lambda: who_said.who_said(scope, q.message, words, speakers),
        )
    ]


def attributed_words(q: Question) -> tuple[str, tuple[str, ...]] | None:
    """The words the question attributes to someone, and the people it names as speaker.

    Quoted words count when the question checks a claim and names a person outside them;
    unquoted ones when they follow a named person's verb of saying ("Rubio said …").
    """
    # a statement with a question mark that asks anything ("The letter Rogers said set out
    # … — how many signed it?") puts no claim up for checking
    if not q.has(_CHECKS) and not (_DECLARED.match(q.text) and not q.has(ASKS_ANYTHING)):
        return None
    tokens = q.norm.split()
    people = [m for m in q.mentions if m.kind == "person"]
    if q.quoted and len(q.quoted.split()) >= _FEWEST_WORDS:
        inside = _span(tokens, normalize(q.quoted).split())
        outside = [m for m in people if inside is None or not _within(m.start, inside)]
        if inside is not None and _ASKS_ELSE.search(" ".join(tokens[: inside[0]])):
            return None  # "how many signed the letter where Ha said 'look to his legacy'"
        # "I have 'X' attributed to Rogers"; else the name must be the verb's subject.
        attributed = q.has(_ATTRIBUTED)
        speakers = [m for m in outside if attributed or _said_after(tokens, m.end)]
        ids = tuple(dict.fromkeys(m.entity_id for m in speakers))
        if ids:
            return q.quoted, ids
        # else the quotation marks hold a claim: "Claim: 'Yun said it would be …' True?"
    ends = _sentence_ends(q.text, len(tokens))
    for mention in people:
        if mention.start > 0 and tokens[mention.start - 1] in _OBJECT_OF:
            continue  # "did the letter to Kim say …": the letter speaks, not Kim
        if _named_passively(tokens, mention):
            continue  # "was Kim called the heir apparent": he is the one named, not the speaker
        # "Did Trump say he raised human rights? I doubt it.": the words end with the sentence.
        end = next((e for e in ends if e > mention.end), len(tokens))
        said = _said_after(tokens[:end], mention.end)
        if said is None:
            continue
        words = _TAG.sub("", said).strip()
        if len(words.split()) >= _FEWEST_WORDS and not _NOT_WORDS.match(words):
            return words, (mention.entity_id,)
    return _said_by_role(q, tokens)


def _named_passively(tokens: list[str], mention: Mention) -> bool:
    """Whether the person is the one called something ("was Kim called …"), not a speaker."""
    before = tokens[mention.start - 1] if mention.start > 0 else ""
    after = tokens[mention.end] if mention.end < len(tokens) else ""
    return before in _BEING and after in _NAMING


#: "was Kim called …", "is Moon described as …": the person is named so, not speaking.
_BEING = frozenset({"was", "is", "were", "been"})
_NAMING = frozenset({"called", "described", "referred", "named", "termed", "dubbed"})


def _said_by_role(q: Question, tokens: list[str]) -> tuple[str, tuple[str, ...]] | None:
    """ "Open North Korea's president said Kim should close the camps?": a role speaks.

    The verb of saying must follow the role's own words, with no one named and nothing
    asked before it ("the UN investigator, what did he say at …" asks what he said).
    """
    role = q.roles[0] if q.roles else None
    speaker = q.people()
    if role is None or speaker != [role.person_id]:
        return None
    for position in range(1, len(tokens)):
        said = _said_after(tokens, position)
        if said is None:
            continue
        before = tokens[:position]
        if before[0] in _BEING and tokens[position] in _NAMING:
            return None  # "is Open North Korea described as the secretariat": no one speaks
        # (the role's own holder, named by an alias like "UN special rapporteur", is no other)
        named = any(
            m.kind == "person" and m.entity_id != role.person_id and m.start < position
            for m in q.mentions
        )
        # "the HRW deputy Asia director - did he really tell Moon …": the role, restated
        restated = _RESTATED.search(" ".join(before))
        if restated is not None:
            before = before[: len(before) - len(restated.group().split())]
        # "the deputy Asia director at Human Rights Watch urged": the role, then its group
        role_ends = (bool(before) and before[-1] in role.matched) or any(
            m.kind == "organization" and m.end == len(before) for m in q.mentions
        )
        asks = _ASKS_ELSE.search(" ".join(before)) or not role_ends
        if named or asks or not set(role.title_matched) & set(before):
            return None
        words = _TAG.sub("", said).strip()
        if len(words.split()) >= _FEWEST_WORDS and not _NOT_WORDS.match(words):
            return words, (role.person_id,)
        return None
    return None


def _said_after(tokens: list[str], position: int) -> str | None:
    """What follows a verb of saying right after `position` ("… said that X": "X"), if any."""
    after = " ".join(tokens[position:])
    said = _SAID.match(after)
    return after[said.end() :] if said else None


def _sentence_ends(text: str, size: int) -> list[int]:
    """Where each sentence of `text` ends among its normalised words (`size` of them)."""
    ends, total = [], 0
    for _, sentence in split_sentences(text):
        total += len(normalize(sentence).split())
        ends.append(total)
    return ends if total == size else []  # normalised otherwise: no cut is safer


def _span(tokens: list[str], words: list[str]) -> tuple[int, int] | None:
    """Where `words` stand in `tokens`, as (start, end), if they do."""
    size = len(words)
    return next(
        ((i, i + size) for i in range(len(tokens) - size + 1) if tokens[i : i + size] == words),
        None,
    )


def _within(position: int, span: tuple[int, int]) -> bool:
    return span[0] <= position < span[1]


#: "'overload the agenda' - who", "“betray the long suffering people” whos that",
#: "'…' speaker?": quoted words, then a short ask for whose they are.
_WHO_AFTER_WORDS = re.compile(
    r"\b(?:who(?: is| was| s)?(?: that| this| it)?|who (?:has |had )?said (?:it|that|this)|whose|"
    r"whom|by whom|"
    r"by who|(?:the )?speaker|said by|source|who did|who says|who said)\s*$"
)
#: "'…' - who wrote that bit of wishful thinking?": the words' author (not a letter's).
_WHO_WROTE = re.compile(
    r"\bwho (?:wrote|penned|coined|uttered|came up with) (?:that|this|it|those|these)\b"
    r"(?! (?:\w+ )?(?:letter|one|appeal|release|statement)s?\b)"
)
#: Words that ask for the one who spoke, wherever they stand beside quoted words.
_SPEAKER_ASKED = re.compile(
    r"\b(?:speaker|which (?:individual|person|official|senator|campaigner|spokesperson)|"
    r"(?:of|by|from) whom is (?:this|that|the) (?:quote|line|remark)|"
    r"(?:whose|what) (?:words|line|quote|remark)|source of the (?:line|quote|words|remark))\b"
)
_GUESSED_SPEAKER = re.compile(
    r"^ (?:wasn ?t|was|isn ?t|is|didn ?t) it (?:\w+ ){1,4}?who\b|"
    # "the 'overload the agenda' line was Quintana, right?", "Cardin's the one who called…"
    r"\b(?:line|quote|words|phrase|remark|comment) (?:was|is|came from|was from|is from) \w+|"
    r"\b\w+ (?:s|is|was) the (?:one|person|guy|man|woman|official) who (?:said|called|described|"
    r"warned|argued|claimed|compared|urged|told|stated|accused|likened)\b|"
    r"\b(?:that|this|it) (?:was|is) (?:\w+ ){0,2}(?:the )?\w+(?: \w+)?,? (?:right|not|no)\b|"
    # "… — my notes say Brad Adams. is that right?"
    r"\bmy notes (?:say|said|have)\b"
)
#: "… — my notes say Brad Adams": the guess, after the words.
_MY_NOTES = re.compile(r"\bmy notes (?:say|said|have)\b")
#: "'…' was Rogers, right?", "'…' — that's Yun?": who is named right after the words.
_SPEAKER_AFTER_WORDS = re.compile(
    r"^ (?:was|is|that was|that s|it was|came from|said by|made by|uttered by|spoken by) |"
    # "'…' — Cardin or Rubio?": a choice of speakers
    r"^ (?:(?:was|is) (?:it|that|this) )?(?=(?:\w+ ){1,3}?or \w+)"
)
#: "… — I think that was Benedict Rogers": a guess that follows the words.
#: "Someone said …", "somebody once told …": words reported of an unnamed speaker.
_SOMEONE_SAID = re.compile(
    r"^ (?:i (?:heard|read|remember) )?(?:someone|somebody|a person|some guy|one of them) "
    r"(?:once |also )?(?:said|say|told|claimed|argued|wrote|warned|called)\b"
)
_I_THINK_IT_WAS = re.compile(
    r"\b(?:i think|i believe|pretty sure|i m sure|i guess|i suspect) (?:that|it|this) "
    r"(?:was|is|came from) \w+"
)
