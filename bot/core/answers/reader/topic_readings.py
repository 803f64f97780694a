"""What the sources say about a topic, and who spoke of it.

"What do the sources say about forced labour?", "is there any letter about China sending
refugees back?" ask of every letter, quote and event at once; "who talked about isolation?",
"which quotes refer to crimes against humanity?" ask who spoke of it, first.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.everywhere import everywhere
from bot.core.answers.polarity import IN_ANY_OF, PUT_AS_TOPIC
from bot.core.answers.reader.context import Context, Reading, only_guessed
from bot.core.answers.reader.phrases import about_phrase, as_typed, names_a_topic
from bot.core.answers.reader.question import Question


def topic_readings(context: Context) -> list[Reading]:
    """The reading that gathers what every source says about the question's topic, if any."""
    scope, q = context.scope, context.question
    spoke_of = _WHO_SPOKE_OF.search(q.norm) or _QUOTES_ON.search(q.norm)
    # "which quotes refer to crimes against humanity": what follows is the topic
    phrase = about_phrase(q)
    spoken = _topic_after(q.norm[spoke_of.end() :]) if spoke_of else None
    if spoken and (not phrase or spoken.endswith(f" {phrase}")):
        phrase = spoken  # "who spoke of peace on the peninsula": all of it, not "peninsula"
    # "was humanitarian aid ever a topic in these letters?": the topic is the subject
    phrase = phrase or (put.group(1) if (put := PUT_AS_TOPIC.match(q.norm)) else None)
    # "peace on the peninsula — who is talking about this?": the topic first, then who
    first = _TOPIC_THEN_WHO.match(q.norm)
    before = _topic_after(_TOPIC_WORD.sub("", first.group(1))) if first and not spoke_of else None
    if before and (not phrase or before.endswith(phrase)):
        phrase = before
    if phrase:
        phrase = _WANTS_ALSO.sub("", phrase)  # "… camps i d like the numbers and the voices"
    if not phrase or not names_a_topic(phrase):
        return []
    if context.events and set(phrase.split()) <= _EVENT_WORDS:
        return []  # "what did the senators say about the bill?": the event is the subject
    # A letter found only through the topic's own words is no subject: "what do the
    # sources say about forced labour" asks across all of them.
    content_only = context.letter is None or only_guessed(context)
    # "has ICNK written any letter about China's deportations?": whoever wrote, the topic
    any_letter = (q.has(_ANY_LETTER_ABOUT) or q.has(_IN_ANY_LETTER)) and not context.people
    # (not "all human rights watch staff mentioned anywhere": its people, not a topic)
    any_letter = any_letter or (q.has(_ANYWHERE) and not context.people and not context.orgs)
    asks_who = spoke_of is not None or first is not None or q.has(_AND_BY_WHOM)
    who = asks_who and _asks_who_spoke_of(q, phrase)
    cued = max(context.cue("topic"), context.cue("quotes"), context.cue("sources"))
    if (
        not (content_only or any_letter)
        or context.people
        or (context.orgs and not any_letter)
        or (context.events and context.cue("event"))  # "what did X do on March 23"
        or not (cued or any_letter or who)
    ):
        return []
    return [
        Reading(
            "topic",
            max(cued, _QUOTES_CUE if who else 0.0)
            + 2.5
            + (_ANY_LETTER if any_letter else 0.0)
            + (_WHO_SPOKE if who else 0.0),
            f"{'who spoke of' if who else 'what the sources say about'} {phrase}",
            lambda: everywhere(scope, as_typed(q.text, phrase), strict=any_letter, who=who),
        )
    ]


def _asks_who_spoke_of(q: Question, phrase: str) -> bool:
    """Whether "who talked about …" asks after a topic, not words or a letter's speakers."""
    return not (
        # an event only described by the topic's words ("peace on the peninsula") is no
        # subject of its own
        q.quoted
        or q.years
        or q.ids("letter")
        or q.ids("event")
        or _A_LETTER_TOPIC.match(phrase)  # "who spoke on each one"
        # "who said talking about human rights wouldn't mess up the talks": words, a claim
        or _A_CLAIM.search(f" {phrase} ")
    )


def _topic_after(words: str) -> str | None:
    """The topic after "who spoke of": "the prison camps" → "prison camps"."""
    topic = re.sub(r"^(?:the|a|an) ", "", words.strip())
    return topic if 0 < len(topic.split()) <= _LONGEST_TOPIC else None


#: "Who talked about isolation?", "did anyone speak of peace on the peninsula?", "who said
#: stuff about the summit": who spoke of a topic, not whose remembered words these are.
_WHO_SPOKE_OF = re.compile(
    r"^ (?:(?:so|and|ok|okay|but) )?(?:who|which (?:people|person|officials?|speakers?|"
    r"campaigners?)|(?:did|has|have|had) (?:anyone|anybody|someone|somebody)|"
    r"(?:is|was) (?:anyone|anybody|someone|somebody) (?:quoted|on record)|"
    # "what did people say about …", "which quotes refer to …"
    r"what (?:did|do|have|has) (?:people|anyone|anybody|campaigners|officials|activists)|"
    r"(?:which|what|any) (?:quotes?|statements?|comments?|remarks?)(?: (?:in|from)(?: \w+){1,3}?)?)"
    r" (?:\w+ ){0,3}?(?:(?:said|say|says|talk\w*|spoken|spoke|speak\w*|comment\w*|remark\w*|"
    r"mention\w*|quoted|rais\w*|brought up|bring up|are|were|deal\w*)"
    r"(?: (?:stuff|something|anything|things|much|a lot|the most|publicly|on the record))? "
    # not "who was it addressed to": the recipient
    r"(?:about|on|regarding|concerning|re|of|with)|refer\w* to)\b"
)


#: "Peace on the peninsula - who is talking about this?": a topic, then who spoke of it.
_TOPIC_THEN_WHO = re.compile(
    r"^ (?!(?:what|which|who|how|did|does|do|is|are|was|were|has|have|can|could|tell|list)\b)"
    r"((?:\w+ ){1,8}?)(?:who|whom) (?:is |are |was |were |all |else )?(?:talking|talked|talks|"
    r"weighed in|weighs in|spoke|speaks|mentioned|mentions|commented|brought (?:it|this|that) up|"
    r"brought up)\b"
)
#: Words that only name an event the question found: "the bill", "the summit".
_EVENT_WORDS = frozenset(
    "the bill act law legislation reauthorisation reauthorization summit meeting declaration "
    "resolution hearing testimony briefing vote inquiry talks".split()
)
#: "Denuclearization topic, who spoke about it?": a word saying it is a topic, no part of it.
_TOPIC_WORD = re.compile(r"\s(?:topic|issue|subject|question|thing|stuff|matter)s?\s*$")
#: What the asker wants besides, said after the topic: "I'd like the numbers and the voices".
_WANTS_ALSO = re.compile(r"\s+(?:i ?d like|i would like|i want|and by whom|and who said)\b.*$")
#: "What has been said about X, and by whom?", "… and who said it?": the speakers too.
_AND_BY_WHOM = re.compile(
    r"\b(?:and )?by whom\s*$|"
    r"\band who (?:said|says|spoke|talked|mentioned) (?:it|that|this|so|them)\s*$|"
    r"\bwho weighed in\b|\b(?:and )?(?:the )?voices\s*$"
)
#: More words than this after "who spoke of" are a claim or a second question, not a topic.
_LONGEST_TOPIC = 8
#: "any statements from officials about the summit agenda?", "quotes on isolation": the
#: quotes on a topic, asked without a verb.
_QUOTES_ON = re.compile(
    r"^ (?:(?:so|and|ok|okay) )?(?:(?:which|what|any|all|list(?: all)?)(?: the)? )?"
    r"(?:quotes?|statements?|comments?|remarks?)(?: (?:in|from|by)(?: \w+){1,3}?)? "
    r"(?:about|on|regarding|concerning|re)\b"
)
#: Words that make a topic a claim: a verb of being, a modal, a negation.
_A_CLAIM = re.compile(
    r" (?:is|are|was|were|be|been|should|must|would|will|can|could|not|never|wouldn t|"
    r"wouldnt|won t|isn t|wasn t|don t|doesn t|didn t|cannot|can t|has|have|had) "
)
#: A topic that stands for letters: "who spoke on each one", "… about both letters".
_A_LETTER_TOPIC = re.compile(r"^(?:each|both|it|them|that|this|these|those|all|every|either)\b")
#: The cue of a question that asks who spoke of a topic, in words the cues miss.
_QUOTES_CUE = 4.0
#: Above "who said these words" and an event claim the topic's words happen to describe.
_WHO_SPOKE = 3.0


#: Above a letter the topic's words fit, or one the writer signed: it asks of every letter.
_ANY_LETTER = 6.5
#: "Any letters on …", "is there a letter about …": whether any letter speaks of a topic.
_ANY_LETTER_ABOUT = re.compile(
    r"\b(?:any|some|other|(?:is|was) there an?|are there|were there)"
    r"(?: of (?:the|these|those|our|your))? (?:\w+ )?letters? "
    r"(?:\w+ )?(?:on|about|regarding|concerning|over|mention\w*|addressing|discuss\w*|"
    # "did any letter talk about nuclear weapons?": a verb of speaking, then the topic
    r"refer\w* to|(?:talk\w*|spe\w*k\w*|spoke) (?:of|about))\b"
)
#: "was the nuclear programme discussed in any of the letters?": the verb before the letters.
_IN_ANY_LETTER = re.compile(rf"\b{IN_ANY_OF} (?:\w+ )?letters?\b")
#: "is hunger mentioned anywhere?": in any letter, quote or note.
_ANYWHERE = re.compile(rf"\b{IN_ANY_OF}\b")
