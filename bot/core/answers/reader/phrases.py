"""The phrases inside a question that name a topic or state a claim.

"How many people were in the camps" (a figure asked of a letter), "did it ask for family
reunions" (what it asked for), "true or false: …" (a claim), what follows "about" or
"mention" (its topic), and what is left of a question once names, years and asking words are
set aside (its topic, when nothing says it).
"""

from __future__ import annotations

import re

from bot.core.answers.reader.carried_context import CLOSING_TAG
from bot.core.answers.reader.question import Question
from bot.core.search.names import normalize
from bot.core.search.stems import stems

HOW_MANY_OF = re.compile(
    r"\bhow many (.+?)(?: (?:per|according to|in|on|from) (?:the )?"
    # "how many ppl in camps per 2012 letter": the letter's words hold no "in" or "per"
    r"(?:\d{4} )?(?:(?!(?:per|in|on|from)\b)\w+ ){0,3}letter\b.*)?\s*$"
)
#: "I remember there being something about relatives", "I have a feeling it was something
#: about the Red Cross": a topic the user half remembers, not what they ask.
RECALLED = re.compile(
    r"\bi (?:remember|recall|have a feeling|think|believe|understand|seem to remember|"
    r"vaguely remember|ve read|read|heard)\b(?: \w+){0,6}? something about\b"
)
#: "went to", "write to", "addressed to": whom a letter went to.
SENT_TO = re.compile(
    r"\b(?:go|goes|went|gone|sent|send|write|wrote|written|addressed|directed) to\b"
)
CLAIM = re.compile(
    r"^ (?:true or false|is it (?:true|correct|accurate|right)(?: that)?|fact check|"
    r"(?:can you |please )?(?:confirm|verify)|claim to (?:verify|check)|"
    r"am i (?:right|correct) (?:that|in thinking)|"
    r"i (?:read|heard|was told|saw) (?:somewhere )?(?:that )?)\s+(?:that\s+)?(.+)$"
)


ASKED_FOR = re.compile(
    r"\b(?:ask|asked|asks|call|called|calls|demand|demanded|demands|urge|urged|urges|mention|"
    r"mentioned|mentions|say|said|says|include|included|includes|want|wanted|wants|cite|cited|"
    r"cites|raise|raised|refer|referred|refers|reference|referenced|touch|touched|address|"
    r"addressed|bring up|brought up|talk about|talked about|discuss|discussed|speak of|deal with|"
    r"request|requested|requests|seek|sought|press for|pressed for|push for|pushed for|"
    # "did the 2018 letter tell Kim to act on the COI findings": not "tell me whether …"
    r"(?:tell|tells|told|press|pressed|push|pushed|encourage|encouraged)(?! me\b| us\b))"
    r"\b (?:for |anything about |about |on |that |to )?(.+)$"
)
#: "Did the 2018 letter make denuclearisation one of its formal demands?"
_MADE_A_DEMAND = re.compile(
    r"\b(?:make|made|list|listed|include|included|count|counted) (.+?) (?:as )?(?:one of its|among "
    r"(?:its|the)|part of its|a|an|its) (?:\w+ )?(?:demands?|requests?|asks?|conditions?|calls?|"
    # "did the 2019 letter list public executions among the abuses?"
    r"abuses|violations)\b"
)


#: After a person's name, words that make them the one asked to act, not the topic.
_OF_WHOM = re.compile(r" (?:to|should|must|would|will|could|free|release|end|stop|close)\b")

#: "Was torture among the violations cited…", "was hunger one of the issues raised…",
#: "was torture mentioned in the letter…": the topic comes before the verb.
_AMONG_THINGS = re.compile(
    r"^ (?:was|were|is|are) ((?:\w+ ){1,6}?)(?:(?:among|one of|part of|in) (?:the )?(?:\w+ ){0,3}?"
    r"(?:violations|abuses|demands|issues|things|concerns|points|topics|problems|crimes|asks|"
    r"requests|calls|people|monitors|bodies|observers|experts|"
    r"inspectors|agencies)|(?:ever |even |actually )?(?:mentioned|cited|raised|discussed|covered|"
    r"addressed|included|listed|brought up|referred to)(?= (?:in|by|anywhere)\b))\b"
)
#: The claim put the other way round: "hunger was one of the abuses the 2012 letter pointed
#: to, right?", "is it true that the release of prisoners was among its demands".
_CLAIMED_AMONG = re.compile(
    r"^ (?:is it true that |true or false )?((?:\w+ ){1,6}?)(?:was|were|is|are) (?:among|one of|"
    r"part of) (?:the )?(?:\w+ ){0,3}?(?:violations|abuses|demands|issues|concerns|problems|"
    r"crimes|asks|requests|calls)\b"
)
#: Words that ask rather than name a topic.
ASKING = frozenset(
    "what how did does do say says said see saw think view tell told about letter letters "
    "joint open the a an to of in on and it its it s s was were is are which who whom when "
    "why anything something write wrote written sent send demand demands demanded ask asked "
    "asks want wanted call called urge urged list order one two three four five six seven "
    "they them their were are teacher friend says heard read before after days weeks months "
    "years tell me please pls summit first earliest oldest second third latest last newest "
    "most recent right yeah correct just checking too also exactly really actually bit part "
    "section passage paragraph line lines sentence portion stuff wording mention mentions "
    "mentioned cite cites cited raise raises raised discuss discussed cover covered talk talks "
    "talked according per abuses abuse violations crimes issues things points quote quotes "
    "quoted besides else verify confirm check double fact yes".split()
) | frozenset(  # months date a letter ("the June 2018 letter"); they name no topic
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def leftover_topic(question: Question) -> str | None:
    """The words of a question that are neither names, years, nor asking words."""
    tokens = question.main_clause.split()
    named = {i for m in question.mentions for i in range(m.start, m.end)}
    left = [
        t
        for i, t in enumerate(tokens)
        if i not in named and t not in ASKING and not t.isdigit() and len(t) > 2
    ]
    if set(left) <= _ADDRESSEE:
        return None  # "what did the letter demand to North Korea government?": of whom, no topic
    return " ".join(left)


#: Words for whoever a letter addresses, which name no topic of it.
_ADDRESSEE = frozenset("government govt regime authorities leadership state leader".split())


def asked_for(question: Question, with_whom: bool = False) -> str | None:
    """What a yes-or-no question asks the letter demanded or said ("family reunions").

    The person asked to act is left out ("that Kim free prisoners": "free prisoners")
    unless `with_whom`.
    """
    norm = question.norm
    among = _AMONG_THINGS.search(norm) or _MADE_A_DEMAND.search(norm) or _CLAIMED_AMONG.search(norm)
    if among:
        return among.group(1).strip()  # "was torture among the violations cited in the letter?"
    # "… let the red cross come in? yes no": the tag asks yes or no, it is not asked for
    match = ASKED_FOR.search(CLOSING_TAG.sub("", question.norm.rstrip()))
    if not match:
        return None
    phrase = re.sub(
        r"\b(?:in|at|from|by) (?:the )?(?:\d{4} )?(?:\w+ ){0,2}letter\b.*$", "", match.group(1)
    )
    phrase = re.sub(
        r"(?:(?:^|\s+)(?:(?:is|was) (?:that|this|it) )?"  # "…: violations cited?": only a tag
        r"(?:at all|anywhere|in it|ever|right|correct|true|accurate|yeah|what exactly|"
        r"(?:didn ?t|doesn ?t|did|does|isn ?t|wasn ?t) (?:it|they)))+\s*$",
        "",
        phrase,
    )
    if not with_whom:
        # "demanded that Kim free all political prisoners": what is asked, not of whom
        phrase = next(
            (
                phrase[len(m.surface) + 1 :]
                for m in question.mentions
                if m.kind in ("person", "organization")  # "ask North Korea to admit …"
                and m.surface
                and _OF_WHOM.match(phrase, len(m.surface))
                and phrase.startswith(m.surface)
            ),
            phrase,
        )
    phrase = re.sub(r"^(?:something|anything|stuff) (?:about|on)\s+", "", phrase).strip()
    # "about the elite, not just ordinary north koreans": the elite is what is asked
    phrase = _SET_AGAINST.split(phrase, maxsplit=1)[0]
    phrase = re.sub(r"^(?:to|that) ", "", phrase)  # "ask Kim to act on …": the act
    if A_QUESTION.match(phrase) or phrase in _POINTING:
        # "who put it together and was it a signer too": a second question; "or just talk
        # about it": nothing but a word pointing back
        return None
    return phrase[:80] or None


#: What a topic is set against, after it: "the elite, not just ordinary North Koreans".
_SET_AGAINST = re.compile(r" (?:not just|not only|rather than|instead of|as opposed to|but not) ")
#: Words that point back or stand for nothing asked: "wants to know", "on there".
_POINTING = frozenset("it that this them those these there here know other others".split())


#: A phrase that is a question of its own ("was it a signer too"), not a topic.
A_QUESTION = re.compile(r"^(?:was|is|did|does|were|are|has|had) (?:it|they|he|she|that)\b")


def claim(question: Question) -> str | None:
    """The claim in "true or false: the letter said …", minus the letter reference.

    A claim of what a letter said, tagged at its end, counts too: "the 2012 letter asked
    North Korea to honour its treaties, right?".
    """
    norm = question.norm.rstrip()
    match = CLAIM.search(norm)
    if match:
        # "… accept humanitarian aid and was there a condition attached": a second question
        claimed = _AND_ASKS.split(match.group(1).strip(), maxsplit=1)[0]
        return _LETTER_SAID.sub("", claimed)[:80] or None
    match = _TAGGED_CLAIM.search(norm)
    if match and _LETTER_SAID.match(match.group(1)):
        return _LETTER_SAID.sub("", match.group(1))[:80] or None
    return None


#: "… and was there a condition attached": a second question after the claim.
_AND_ASKS = re.compile(
    r"\s+(?:and|but|or) (?:was|were|is|are|did|does|do|has|had|what|which|who|how|why|when)\b"
)
#: "the 2012 letter asked (that)": the letter reference before what a claim says it said.
_LETTER_SAID = re.compile(
    r"^(?:the )?(?:\d{4} )?(?:\w+ ){0,2}letter (?:said|says|claimed|claims|stated|states|"
    r"mentioned|mentions|called for|calls for|demanded|demands|asked for|asked|asks|urged|"
    r"urges|told|pressed|called on) (?:that )?"
)
#: A claim the message states first and tags as one to check: "…, right?", "… — correct?".
_TAGGED_CLAIM = re.compile(
    r"^ ?(.+?) (?:right|correct|accurate|true|is that (?:right|correct|accurate|true)|"
    r"am i right|true or false|yes or no|yes no|y n|is this (?:right|correct|accurate|true))$"
)


def people_only_in_topic(q: Question, asked: str | None) -> bool:
    """Whether everyone the question names is in what it asks the letter mentioned.

    In "did the 2012 letter mention the UN special rapporteur", the rapporteur is the topic.
    """
    if not asked:
        return False
    words = set(asked.split())
    by_name = [m for m in q.mentions if m.kind == "person" and m.surface]
    # a role fits on words from all over the question ("the UN special rapporteur … into North
    # Korea"): most of its words in the topic make it the topic
    return all(set(m.surface.split()) <= words for m in by_name) and all(
        2 * len(set(r.title_matched) & words) >= len(r.title_matched) for r in q.roles[:1]
    )


_ABOUT = re.compile(
    # not "I've read about the camps of course": what the user knows, not what is asked
    r"(?<!read )(?<!heard )(?<!know )(?<!seen )(?<! saw )"
    r"\b(?:about|on|regarding|concerning|mentioning|mention|mentions|"
    r"mentioned|address|addressed|cover|covered|discuss|discussed|raise|raised|"
    # "how do the sources connect denuclearisation and human rights": both are the topic
    r"connect|connects)"
    r"\s+(?:the\s+(?:issue|topic|question|subject)\s+of\s+)?(.+?)\s*$"
)
#: "I saw HRW mentioned in the same breath as Amnesty": what the user saw, not what is asked.
_SEEN_BY_THE_USER = re.compile(r"\bi (?:saw|ve seen|read|ve read|heard|ve heard)(?: \w+){0,4} $")
_LETTER_AND = re.compile(
    # not "the 2018 letter vs 2019 one": another letter, no topic
    r"\bletter (?:and|on|re|vs) (?!how\b|what\b|who\b|which\b|when\b|i\b|im\b|we\b|\d{4}\b)(.+?)"
    r"(?: what| how| does| did|$)"
)
#: A topic asked where it is found: before a passive verb, or before "where".
_FOUND = (
    r"(?:mentioned|cited|raised|discussed|referenced|used|brought up|come up|comes up|"
    r"came up|appear|appears|appeared|found)"
)
_WHERE_MENTIONED = re.compile(
    rf"^where (?:is|are|was|were|does|do|did) (?:the (?:phrase|term|words?|idea|topic) )?"
    rf"(.+?) {_FOUND}\b|^(.+?) (?:where|in which letters?)(?: is it| are they| was it| "
    rf"were they| it s)? {_FOUND}\s*$"
)
#: "prison camps: which letters/quotes mention them?": the topic, then where it is found.
_SAYERS = r"(?:letters?|quotes?|sources?|statements?|people)"
_WHICH_MENTION_IT = re.compile(
    rf"^(.+?) (?:which|what) {_SAYERS}(?: (?:and |or )?{_SAYERS})? (?:mention|cite|raise|discuss|"
    r"talk about|cover|refer to)\w* (?:them|it|this|that|these|those)\s*$"
)
#: A word that is not a question's own ("who", "did"): a topic is made of other words.
_NO_ASKING = r"(?!(?:who|what|which|how|when|why|where|did|does|do|and|or)\b)"
#: "prison camps - what do the sources say", "separated families what do the letters say":
#: the topic first, then the question of what is said, about nothing named after it.
_TOPIC_THEN_WHAT = re.compile(
    rf"^((?:{_NO_ASKING}\w+ ){{0,7}}{_NO_ASKING}\w+) (?:so )?(?:what|anything) "
    r"(?:(?:do|does|did|have|has) )?(?:the |these |those )?"  # "aid - what the ltrs say"
    rf"(?:{_SAYERS}|srcs|ltrs|they|data|records?) (?:say|said|have|report|mention)\w*"
    r"(?: (?:about|on) (?:it|them|this|that|these|those))?\s*$"
)
_STRICT_ABOUT = re.compile(r"\b(?:about|regarding|concerning)\s+(.+?)\s*$")
_TRAILING = re.compile(
    r"(?:^|\s+)(?:in|at|from|by|of|across)\s+(?:the\s+)?(?:\w+\s+){0,2}?"
    # "in these quotes", "in the data", "across the different letters", "in all of this"
    r"(?:\d{4}|letter|letters|it|sources|coverage|quotes|statements|data|dataset|database|"
    r"materials?|kb|documents|records|files|collection|all of (?:this|that|it))\b.*$|"
    # "anything about defectors in here?"
    r"\s+in (?:here|there)$"
)
#: "mentioned or credited in the sources": a second verb, not a topic.
_SECOND_VERB = re.compile(r"^(?:or|and) \w+ed\b")
_NEXT_QUESTION = re.compile(
    r"(?<=\w)\s+(?:what|who|whom|how|which|when|why|where)\s+\w+|"
    # "camps of course but i understand there was more", "its agenda i saw it mentioned",
    # "closing the camps or was that someone s statement": an aside ends the topic
    r"(?<=\w)\s+(?:or (?:was|is|were|did) (?:it|that|this|they)|i (?:saw|read|ve|m|understand|"
    r"remember|think|thought|believe|didnt|dont|want|need|was|heard|know)|but i|of course|"
    r"because|since i|as i|or not|(?:and )?if so|and (?:on|under|with) what|"
    # "religion like christians is that covered anywhere", "aid that kind of thing"
    r"(?:is|are) (?:that|this|it|they) (?:covered|mentioned|discussed|addressed|there)|"
    r"that kind of thing|or anything like that|"
    # "the summit agenda question all of them", "… speaker list only": what to list, no topic
    r"all of them|every one of them|speakers? (?:list|only)|names? only|list (?:the )?speakers|"
    # "prison camps: figures, quotes, and which letters": the kinds of answer wanted
    r"(?:(?:figures?|numbers?|quotes?|dates?|names?|details?)(?: and| or)? ){2})\b"
)
#: "about the Seoul letter", "about the 2019 letter to Moon": a letter, no topic.
_ONLY_A_LETTER = re.compile(
    r"(?:the |that |this )?(?:\w+ ){0,3}(?:letter|letters|one|appeal|list)"
    r"(?: (?:to|for|from|by) (?:the )?(?:\w+ ){0,2}\w+)?"
)
#: What is left of "… in any of the letters" once the letters are dropped: no topic.
_ONLY_WHERE = re.compile(r"(?:in|by|within) (?:any|either|some|one|all|both|each|the|these)")
#: "raised in connection with the 2019 letter": what follows names the letter, not a topic.
_IN_CONNECTION = re.compile(
    r"^(?:in connection with|in relation to|with regard to|with respect to|in respect of|"
    r"related to|linked to|tied to)\s+"
)
#: "how do the sources describe North Korea as a kind of prison": what it is likened to.
_DESCRIBED_AS = re.compile(
    r"\b(?:describ|portray|characteri[sz]|depict|pictur|fram)\w* (?:\w+ ){1,4}?as "
    r"(?:(?:a|an|the|some) )?(?:(?:kind|sort|type) of (?:a |an )?)?(.+?)\s*$"
)
_FILLER = frozenset(
    {"it", "this", "that", "the letter", "them", "him", "her", "letter", "anywhere", "at all"}
)


def about_phrase(question: Question, strict: bool = False) -> str | None:
    """The words after "about", "mention"… with trailing letter references dropped.

    `strict` takes only "about", "regarding", "concerning": what quotes are about, where
    "raised with Kim" is no topic.
    """
    clause = question.main_clause.strip()
    # "prison camps: which letters mention them?": the topic comes first, "them" after
    match = None if strict else _WHICH_MENTION_IT.search(clause) or _TOPIC_THEN_WHAT.search(clause)
    match = match or (_STRICT_ABOUT if strict else _ABOUT).search(clause)
    if (
        match
        and match.group(0).startswith("mention")
        and _SEEN_BY_THE_USER.search(clause[: match.start()])
    ):
        return None
    if not match and not strict:
        # "where is 'crimes against humanity' mentioned?", "'guilt by association' — where?",
        # "how do the sources describe North Korea as a kind of prison?"
        match = (
            _WHERE_MENTIONED.search(clause)
            or _LETTER_AND.search(question.norm.strip())
            or _DESCRIBED_AS.search(clause)
        )
    if not match:
        return None
    # "family reunions what exactly did it ask for": a new question ends the phrase.
    asked = next(group for group in match.groups() if group)
    phrase = _NEXT_QUESTION.split(asked, maxsplit=1)[0]
    phrase = _TRAILING.sub("", CLOSING_TAG.sub("", phrase)).strip()  # "… about them, right?"
    phrase = re.sub(r"^(?:the|a|an)\s+", "", _IN_CONNECTION.sub("", phrase))
    if (
        not phrase
        or phrase in _FILLER
        or phrase in _POINTING
        or _SECOND_VERB.match(phrase)
        or A_QUESTION.match(phrase)
        or re.fullmatch(r"(?:the )?\d{4}(?: letter)?", phrase)
        or _ONLY_A_LETTER.fullmatch(phrase)  # "about the Seoul letter" names no topic
        or _ONLY_WHERE.fullmatch(phrase)  # "discussed in any of the letters": where, not what
    ):
        return None
    quoted = normalize(question.quoted or "").strip()
    if quoted and len(quoted.split()) <= _QUOTED_TOPIC_WORDS and f" {quoted} " in f" {phrase} ":
        # "statements concerning the 'open prison' characterisation": the quoted words
        return quoted
    return phrase[:80]


#: Quoted words up to this long inside a topic are the topic itself.
_QUOTED_TOPIC_WORDS = 6


def as_typed(text: str, phrase: str) -> str:
    """`phrase` (normalised words) as the user typed it in `text`: "the Korean peninsula"."""
    words = phrase.split()
    if not words:
        return phrase
    typed = re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", text, re.IGNORECASE)
    return typed.group(0) if typed else phrase


#: Words that stand for no topic: "who was quoted about anything", "stuff about the letters".
_VAGUE = frozenset({"anyth", "everyth", "someth", "stuff", "thing", "whatev"})


def names_a_topic(phrase: str) -> bool:
    """Whether the words after "about" name a topic, not only "anything" or "the letters"."""
    return bool(set(stems(phrase)) - _VAGUE)


#: "What was said about …", asked without "who" or "quoted": what was said, not who said it.
WHAT_WAS_SAID = re.compile(
    r"^ (?:so |and |ok )?what (?:was|has been|have been|were|is being|got) (?:said|written)\b"
    r"(?!.*\b(?:who|whom|quoted)\b)"
)
