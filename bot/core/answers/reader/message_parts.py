"""The question inside a message: the whole message, or the part of it that asks.

"quick one, is CSW a UK org? someone said US", "… anyway, who signed the 2012 letter?": chat
around a question adds noise, so the parts that may be the question are read too, and the
best-scoring reading wins.
"""

from __future__ import annotations

import re

from bot.core.answers.reader.carried_context import (
    ADDED_CONTEXT,
    REFERS_BACK,
    YEAR,
    with_context_of,
)
from bot.core.answers.reader.claim_checks import checked_claim
from bot.core.answers.reader.event_clues import rank_events
from bot.core.answers.reader.org_descriptions import PLACE_KINDS
from bot.core.answers.reader.question import Question, read_question
from bot.core.answers.reader.readings import Reading, readings
from bot.core.kb.sentences import split_sentences
from bot.core.scope import Scope

#: Where a question mark ends a sentence (users often go on in lower case).
_AFTER_QUESTION_MARK = re.compile(r"(?<=\?)\s+")


def best_part(scope: Scope, text: str) -> tuple[str, Question, list[Reading], bool]:
    """The question inside chat around it: "quick one, is CSW a UK org? someone said US".

    The whole text is read, and so are the parts that may be the question itself: the first
    sentence ending in a question mark and, in a long message, each clause that opens like a
    question ("…, and anyway what did it ask for about prisons, because…"). The best-scoring
    reading wins; on a tie a part beats the whole (the chat around it only adds noise).
    The flag says whether the part is a long message's point, the rest of it chat: then
    the whole is not read at all, as whatever it reads into the chat is noise.
    """
    claim = checked_claim(text)
    if claim is not None:
        # '"52 groups signed the 2018 letter" — correct?': the quotation marks hold a claim
        part = read_question(scope, claim, message=claim)
        return claim, part, readings(scope, part), True
    point = _point_alone(scope, text)
    if point is not None:
        part = read_question(scope, point, message=text)
        return point, part, readings(scope, part), True
    parsed = read_question(scope, text)
    best = (text, parsed, readings(scope, parsed))
    for part_text, margin in _question_parts(scope, text):
        part = read_question(scope, part_text, message=text)
        if _SOMEONE_EARLIER.search(part.norm) and not part.people() and parsed.people():
            continue  # "… the senator from Maryland … What did he say?": "he" is in the rest
        ranked = readings(scope, part)
        if ranked[0].kind == "clarify" and best[2][0].kind != "clarify":
            continue  # "… the 2012 open letter …? And who else?": alone, it cannot say which
        if (
            best[0] == text
            and ranked[0].kind in (best[2][0].kind, "clarify")
            and REFERS_BACK.search(part_text)
            and not text.startswith(part_text)  # the first sentence has nothing to refer to
            and 2 * len(ADDED_CONTEXT.sub("", part_text).split()) <= len(text.split())
            # "… the 2019 letter … the earlier 2012 letter. Was he involved in that one?": the
            # whole names two letters, and the part the one it points back at
            and len(set(YEAR.findall(text))) < 2
        ):
            # "… Who was it addressed to?" asks what the whole does, of what it names; read
            # alone, "which government was it criticising?" could only ask which letter
            continue
        if ranked[0].score + margin > best[2][0].score or (
            best[0] == text and ranked[0].score + margin == best[2][0].score
        ):
            best = (part_text, part, ranked)
    return (*best, False)


#: A question word standing alone before a comma: "Why, then, …", "How, exactly, …".
_WH_BEFORE = re.compile(
    r"\b(?:why|how|when|where|what|who)\s*,\s*(?:(?:then|though|exactly|again|so|really)\s*,\s*)?$",
    re.IGNORECASE,
)
_CARRIED = re.compile(r"\(([^()]*)\)\??$")


def _names_back(part: str) -> bool:
    """Whether context carried into a part holds a name it asks of, not only years.

    " (Liberty in North Korea)" says whom "her organisation" is; " (Radio Free Asia's, 2018)"
    only whose article the rest was about.
    """
    carried = _CARRIED.search(part)
    return carried is not None and any(
        item[:1].isalpha() and not item.endswith(("'s", "’s"))
        for item in carried.group(1).split(", ")
    )


#: A word for a letter, in a lead-in that says which letter a question asks of.
_A_LETTER = re.compile(r"\b(?:letters?|ltrs?)\b", re.I)
#: A short follow-on that only adds to the question before it ("and Brazil?").
_ADDS_TO_IT = re.compile(
    # "oh and Indonesia?", "also any from Latin America?"
    r"^\s*(?:(?:oh|ah|um|ok|okay),?\s+)?(?:and|or|also|plus|what about|how about)\b"
    r"[^?]{0,40}\?\s*$",
    re.I,
)
#: Words that point back to someone named earlier in the message.
_SOMEONE_EARLIER = re.compile(r"\b(?:he|she|him|his|her)\b")


def _question_parts(scope: Scope, text: str) -> list[tuple[str, float]]:
    """Parts of a message that may be its question, each with the margin the whole must beat.

    At most `_MAX_PARTS`, none the whole. The margin is how much better the whole must read
    to be chosen instead.

    The sentence with the question mark is what was asked: it wins unless the whole text
    reads clearly better; so does the point a long message comes to in the end.
    """
    point = _point(text)
    parts = [] if point is None else [_in_context(scope, text, point)]
    pieces = _AFTER_QUESTION_MARK.split(text)
    first = next((s for s in pieces if s.endswith("?")), text)
    if first != text and not all(_ADDS_TO_IT.match(s) for s in pieces[pieces.index(first) + 1 :]):
        # "which 2012 signer is from Bangladesh? and Brazil? and Thailand?": one question
        parts.append(first)
    lead_in = _LEAD_IN.match(text)
    lead, asked = (text[: lead_in.end()], text[lead_in.end() :]) if lead_in else ("", "")
    if asked and asked not in parts and not _names_the_subject(scope, lead, asked):
        # "quick check for a mod post: was X on the list?"; but "Free NK Gulag: which
        # country?" names its subject in the lead-in, and only the whole is read
        if _A_LETTER.search(lead) and not (_A_LETTER.search(asked) or YEAR.search(asked)):
            # "pre-summit kim letter: ICC a signer or just a repost?": which letter it asks
            # of is said only in the lead-in, so the question keeps it
            asked = f"{asked.rstrip()} ({lead.rstrip(': ')})"
        parts.append(asked)
    sentences = [s for _, s in split_sentences(text)]
    last_asked = next((s for s in reversed(sentences[1:]) if s.endswith("?")), None)
    if last_asked and last_asked not in parts:
        # "Robertson is quoted on the 2019 letter. Was HRW a co-signer of that letter?"
        in_context = _in_context(scope, text, last_asked)
        # With chat after it ("… She would be so proud to know."), only when the rest names
        # whom it asks of: "those" may point at things no context carries.
        if last_asked == sentences[-1] or _names_back(in_context):
            parts.append(in_context)
    if len(text.split()) >= _LONG_MESSAGE:
        for clause in _CLAUSE_BREAK.split(text):
            if _WH_BEFORE.search(text[: text.find(clause)]):
                continue  # "Why, then, did the coalition write?": the "why" is its question
            if _relative_clause(text, clause):
                continue  # "a declaration signed at the border village, which both HRW …"
            clause = _CLAUSE_OPENING.sub("", clause.strip())
            if len(clause.split()) >= 4 and _ASKS.match(clause) and clause not in parts:
                # "… the panmunjom declaration … what's the actual day it was signed?": typed
                # in lower case, with no sentences to split, "it" is found only so
                lowered = text == text.lower()
                parts.append(_in_context(scope, text, clause) if lowered else clause)
    unique = [p for p in dict.fromkeys(parts) if p != text][:_MAX_PARTS]
    return [(p, _QUESTION_PREFERENCE if p.endswith("?") else 0.0) for p in unique]


def _relative_clause(text: str, clause: str) -> bool:
    """Whether a clause is a relative one inside a statement: ", which both … mention,"."""
    at = text.find(clause)
    after = text[at + len(clause) :].lstrip()[:1]
    return (
        bool(_RELATIVE.match(clause.strip())) and text[:at].rstrip().endswith(",") and after != "?"
    )


#: Words that open a relative clause after a comma as well as a question.
#: (Not "when": "asked me, since I …, when the summit took place" asks the date.)
_RELATIVE = re.compile(r"(?:which|whom|whose)\b", re.I)


def _names_the_subject(scope: Scope, lead_in: str, asked: str) -> bool:
    """Whether a lead-in names what the question after it asks of, and the question nothing.

    "Canada: 2012 signers?", "HRW + CSW: in both 2012 and 2018 letters?": a headline's
    lead-in that is only names or a country is what the question after it asks of, year or
    not; so is an event the lead-in describes, when the question describes none.
    """
    named = scope.names.find_mentions
    lead = read_question(scope, lead_in)
    covered = {i for m in lead.mentions for i in range(m.start, m.end)}
    rest = [w for i, w in enumerate(lead.norm.split()) if i not in covered and w not in _JOINERS]
    if len(lead.norm.split()) <= _HEADLINE_WORDS and (lead.countries or (covered and not rest)):
        return True
    if named(asked) or YEAR.search(asked):
        return False
    # "UNHRC accountability resolution: date?": an event described in the lead-in
    return bool(named(lead_in)) or bool(
        rank_events(scope, lead) and not rank_events(scope, read_question(scope, asked))
    )


def _point_alone(scope: Scope, text: str) -> str | None:
    """The point of a long message when all before it is chat, or after an "anyway"."""
    point = _point(text)
    if point is None:
        return None
    if _only_chat_before(scope, text, point):
        return point
    if _TO_THE_POINT.search(text[: text.rindex(point)]):
        # "… rereading stuff about the ICNK. anyway, who signed that 2012 letter?": what
        # comes after "anyway" is the question, with whatever it points back to
        return _in_context(scope, text, point)
    return None


def _only_chat_before(scope: Scope, text: str, point: str) -> bool:
    """Whether all that comes before a message's point is chat.

    Chat names nothing the knowledge base knows, and the point does not ask about what it
    said ("who was that?").

    "Which coalition penned that one?" asks of what came before, though it names nothing
    the alias table knows ("a letter telling South Korea's president…"); "who put their names
    to that 2012 letter?" says by its year what it asks of.
    """
    asked = read_question(scope, point)
    if _THAT_SAID.search(point) or (REFERS_BACK.search(point) and not asked.years):
        return False
    before = read_question(scope, text[: text.rindex(point)] if point in text else "")
    named = {m.entity_id for m in asked.mentions}
    # "people keep saying ICNK … what even is the icnk": what the point names again is no
    # context; nor is a country ("a podcast about korean history")
    context = [
        m
        for m in before.mentions
        if m.entity_id not in named
        and not (
            m.kind == "organization" and scope.kb.organizations[m.entity_id].kind in PLACE_KINDS
        )
    ]
    return not context and not set(before.years) - set(asked.years)


#: Where a sentence of chat ends, whatever case the next begins in.
_CHAT_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: "Does that mean HRW co-signed?": the point asks about what was said before it.
_THAT_SAID = re.compile(
    r"\b(?:does|did|is|was|would) (?:that|this)\b|\bif so\b|\b(?:that|this|it)\W*$", re.I
)


#: A tail that closes a quotation is the end of the words quoted, not a question of its own.
_QUOTE_ENDS = re.compile(r"[\"'”’][.!]?\s*$")


def _point(text: str) -> str | None:
    """What a long, rambling message asks in the end.

    That is what follows its last "anyway", or its last sentence, when that opens like a
    question or ends in a question mark.
    """
    if len(text.split()) < _LONG_MESSAGE:
        return None
    turns = list(_TO_THE_POINT.finditer(text))
    end = turns[-1].end() if turns else 0
    tail = text[end:].strip() if turns and len(text[end:].split()) >= 3 else None
    if tail is None:
        # chat goes on in lower case after a full stop, which `split_sentences` wants capital
        sentences = [s for s in _CHAT_SENTENCE_END.split(text) if s.strip()]
        tail = sentences[-1] if len(sentences) > 1 else None
    if tail is None or _QUOTE_ENDS.search(tail):
        return None  # "Attribute this: 'It is essential that … is addressed …'": the words
    clauses = [_CLAUSE_OPENING.sub("", c.strip()) for c in _CLAUSE_BREAK.split(tail)]
    # "Why, then, did the coalition write?": a question word alone still opens the question
    asking = [
        c for c in clauses if _ASKS.match(c) and (len(c.split()) >= 2 or _WH_BEFORE.search(f"{c},"))
    ]
    if asking:
        # "china made me think — was xi jinping one of the leaders…": the asking clause on
        return tail[tail.index(asking[0]) :]
    return tail if tail.endswith("?") else None


def _in_context(scope: Scope, text: str, part: str) -> str:
    """The part with what the rest of the message names, where it says "it".

    See `with_context_of`: capitals say what the rest names; a message typed in lower case
    is read for the names the alias table finds (only then, as that costs a reading).
    """
    if not REFERS_BACK.search(part):
        # "ICC posted about the June 2018 HRW letter. Does that mean ICC was a signatory?":
        # a signatory of the letter the rest dates
        signing = _A_SIGNER.search(part) and not YEAR.search(part) and YEAR.search(text)
        return with_context_of(text, part, follow_on=True) if signing else part
    if text != text.lower():
        return with_context_of(text, part)
    rest = read_question(scope, text.replace(part, " "))
    names = (m.surface for m in rest.mentions if m.surface and m.kind != "letter")
    return with_context_of(text, part, mentioned=tuple(dict.fromkeys(names)))


#: A part asking whether someone signed, of no letter it names itself.
_A_SIGNER = re.compile(r"\b(?:a|one of the) (?:co-?)?(?:signatory|signer|signee)\b", re.I)
#: A lead-in that ends in a colon or a dash before the question ("true or false:" is part
#: of it): "quick check for a mod post: …", "arguing with someone about strategy - who…".
_LEAD_IN = re.compile(
    r"^(?!\s*(?:true|fact ?check|is it true|verify|confirm|check|double ?check|quick check)\b)"
    r"[^:?\n]{1,100}:\s+(?=\w)",
    re.I,
)
#: The most words of a headline's lead-in that only names ("HRW + CSW:", "South Korea:").
_HEADLINE_WORDS = 6
#: Words that join the names of a headline's lead-in.
_JOINERS = frozenset({"and", "or", "vs", "versus", "right"})
#: How much better the whole message must read than its question sentence to be chosen.
_QUESTION_PREFERENCE = 1.0
#: Words after which a rambling message comes to its point: "… anyway, who signed it?"
_TO_THE_POINT = re.compile(
    r"\b(?:anyway|anyways|anyhow|quick q|quick question|long story short|my question is|"
    r"the question is|point is|so yeah|but yeah|all that to say|real question)\b[\s,.:;!?—–-]*",
    re.I,
)
#: A message this long may bury its question among other clauses.
_LONG_MESSAGE = 25
#: How many parts of one message are read apart (each costs a reading).
_MAX_PARTS = 4
_CLAUSE_BREAK = re.compile(r"[,;:.!?()—–]+\s+|\s+-\s+|\s+(?:because|but|though|although)\s+")
_CLAUSE_OPENING = re.compile(r"^(?:and |so |anyway |and anyway |but |ok |okay |also |then )+", re.I)
_ASKS = re.compile(
    r"(?:what|who|whom|whose|which|when|where|why|how|did|does|do|was|were|is|are|has|have|"
    r"can|could|tell me|list|name|any|anything|anyone|is there|are there)\b",
    re.IGNORECASE,
)
