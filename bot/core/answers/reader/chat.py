"""Chat shorthand in plain words, before a question is read.

"wait did hrw sign the moon letter", "wat did the 2012 letter say abt ppl in nk": the
fillers that open a chat message are dropped and common shorthand is spelled out, so the
cue lexicon and the name index see the words they know. Only whole words are replaced, and
never inside names or abbreviations ("R-Fla.", "U.S." keep their letters).
"""

from __future__ import annotations

import calendar
import re

from bot.core.answers.reader.carried_context import YEAR
from bot.core.answers.reader.courtesy import OPENS_AS_QUESTION, put_plainly
from bot.core.answers.reader.shorthand import SHORTHAND
from bot.core.search.numbers import TEENS, TENS, UNITS
from bot.core.search.resolve import DEMONYMS

_SHORTHAND = re.compile(
    # Not after or before "-", ".", "'" or a letter: "R-Fla.", "U.S." and "Kim's" stay.
    r"(?<![\w.'’-])(" + "|".join(re.escape(k) for k in SHORTHAND) + r")(?![\w.'’-])",
    re.IGNORECASE,
)
#: "✅/❌", "👍 or 👎": a yes or no asked for with marks.
_YES_NO_MARKS = re.compile(r"\s*[✅✔☑👍]\ufe0f?\s*(?:/|or)\s*[❌✖✗✘👎]\ufe0f?")
#: Words that open a chat message without asking anything.
_OPENING = re.compile(
    r"^\s*(?:(?:wait|ok|okay|so|hey|hi|hello|um+|hmm+|also|btw|and|but|oh|yo|lol|pls|tbh|ngl|"
    r"bruh|bro|lowkey|honestly|again|it['’]?s me|me again|"
    # "hey bot so I was wondering …": the bot addressed by what it is
    r"(?<=hey )bot|(?<=hi )bot|(?<=ok )bot|(?<=okay )bot|so i was wondering|i was wondering|"
    r"please|kindly|sorry|quick question|question|one more thing|real quick|quick one|"
    r"mod (?:question|q)|moderator (?:question|q)|"
    # a skeptic's preambles: "not trying to be rude but", "genuine q", "tl;dr", "ELI5"
    r"not trying to be rude(?:,)? but|no offense(?:,)? but|genuine q(?:uestion)?|"
    r"honest q(?:uestion)?|serious q(?:uestion)?|tl;? ?dr|eli5|\[citation needed\]|"
    # "@bot is …", "<@1234> who signed …": a mention of the bot addresses it, asks nothing
    r"(?<!\w)@\w+|<@!?\d+>)(?!\w)[\s,.!:;—–-]*)+",
    re.IGNORECASE,
)


#: "24.5m people", "# of countries": a figure's "m" and the number sign, spelled out.
_MILLIONS = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?) ?m\b", re.IGNORECASE)
_NUMBER_SIGN = re.compile(
    r"(?<!\w)#\s?(?:of\b|(?=(?:orgs|groups|ngos|signers|signatories|countries|organi)))",
    re.IGNORECASE,
)


#: "fifty-two organisations", "the seventy six co-signers": a count of signers in words is
#: one in digits to the reader ("seventy years" stays as the letters word it).
_COUNTED = (
    r"(?= (?:\w+ )?(?:organi[sz]ations|orgs|groups|ngos|signers|"
    r"co-?signers|cosigners|signatories|countries|members|names|others)\b)"
)
_COUNT_IN_WORDS = re.compile(
    r"\b(?:("
    + "|".join(TENS)
    + r")(?:[- ]("
    + "|".join(UNITS)
    + r"))?|("
    + "|".join(TEENS)
    + r"))"
    + _COUNTED,
    re.IGNORECASE,
)
#: "the letter of the fifty-two": "the" and a count standing for the signers themselves.
_THE_COUNT_IN_WORDS = re.compile(
    r"(?<=\bthe )(?:("
    + "|".join(TENS)
    + r")(?:[- ]("
    + "|".join(UNITS)
    + r"))?|("
    + "|".join(TEENS)
    + r"))\b(?! (?:years?|months?|days?|weeks?|million|thousand|hundred|percent|per cent)\b)",
    re.IGNORECASE,
)
#: "the three major international groups", "the big three international orgs": a small
#: count of groups names the letter they released, as "the 52 groups" does.
_FEW_GROUPS_IN_WORDS = re.compile(
    r"\b(" + "|".join(UNITS[1:]) + r")(?= (?:\w+ ){0,2}(?:organi[sz]ations|orgs|groups|ngos)\b)",
    re.IGNORECASE,
)
#: "three hundred groups": hundreds, as sources round the groups signers represent.
_HUNDREDS_IN_WORDS = re.compile(r"\b(" + "|".join(UNITS) + r") hundred" + _COUNTED, re.IGNORECASE)

#: "the twenty twelve letter", "two thousand and nineteen": a year said, as voice typing
#: writes it.
_YEAR_IN_WORDS = re.compile(
    # "twenty eighteen", "twenty-nineteen", "two-thousand-and-twelve"
    r"\b(?:(twenty|two[ -]thousand(?:[ -]and)?)[ -]("
    + "|".join(TEENS)
    + r")|two[ -]thousand(?:[ -]and)?[ -]("
    + "|".join(UNITS)
    + r")|twenty[ -](twenty))\b",
    re.IGNORECASE,
)
#: "human writes watch", "human rites": "rights" as voice typing hears it.
_RIGHTS_MISHEARD = re.compile(r"\bhuman (?:writes|rites|wrights)\b", re.IGNORECASE)
#: "h r w", "c s w", "the i c n k": an abbreviation spelled out letter by letter.
_SPELLED_LETTERS = re.compile(r"(?<![\w.'’-])[a-z](?: [a-z])+(?![\w.'’-])", re.IGNORECASE)
#: Letters that are words or shorthand of their own ("r u", "was i a").
_LETTER_WORDS = frozenset("a i r u".split())


#: "Mar '18", "June '18", "'19": a year in two digits, with a month cut short or not.
_SHORT_YEAR = re.compile(
    r"(?:\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? )?['’]([01]\d)\b",
    re.IGNORECASE,
)


def _short_year(match: re.Match[str]) -> str:
    """ "Mar '18" → "March 2018", "'19" → "2019"."""
    short = (match.group(1) or "")[:3].title()
    month = calendar.month_name[list(calendar.month_abbr).index(short)] if short else ""
    return (f"{month} " if month else "") + f"20{match.group(2)}"


def _year(match: re.Match[str]) -> str:
    """The year a year in words names ("twenty eighteen" → "2018")."""
    _, teen, unit, _ = (g.lower() if g else None for g in match.groups())
    if teen:
        return str(2010 + TEENS.index(teen))
    return str(2001 + UNITS.index(unit)) if unit else "2020"


def _joined_letters(match: re.Match[str]) -> str:
    """A run of single letters as the abbreviation it spells, unless each is a word."""
    letters = match.group(0).split()
    if all(letter.lower() in _LETTER_WORDS for letter in letters):
        return match.group(0)
    return "".join(letters).upper()


def _digits(match: re.Match[str]) -> str:
    """The number a count in words names ("fifty-two" → "52")."""
    tens, unit, teen = (g.lower() if g else None for g in match.groups())
    if teen:
        return str(10 + TEENS.index(teen))
    value = 20 + 10 * TENS.index(tens or "twenty")
    return str(value + (UNITS.index(unit) + 1 if unit else 0))


#: Words that close a chat message without asking anything ("… nk had fr", "… idk").
_CLOSING = re.compile(r"[\s,]+(?:fr|tbh|ngl|lol|lmao|idk|pls|plz|thx|ty|rn)\b[\s?!.]*$", re.I)
#: "Good afternoon!", "Dear sir or madam,": a letter-writer's greeting asks nothing.
_GREETING = re.compile(
    r"^\s*(?:good (?:morning|afternoon|evening|day)|greetings|(?:hi|hello) there|"
    # "Hello from Ontario!": where the writer is, not what they ask about
    r"(?:hi|hello|greetings|(?:warm )?(?:greetings|hello)s?) from [\w' -]{1,40}?(?=\s*[!.,])|"
    r"dear (?:\w+ ){0,3}?\w+(?=\s*[,.!:]))\b[\s,.!:;—–-]*",
    re.I,
)
#: "Filter: 2012 list, country = Japan": a spreadsheet's filter, said as "from Japan".
_COUNTRY_EQUALS = re.compile(r"\bcountry\s*(?:==?|:)\s*", re.I)
#: "the group of people who lived through the prison camps": the survivors' group.
_LIVED_THROUGH = re.compile(
    r"(?<=\bgroup of )(?:people|those|men and women|folks) who (?:had )?(?:lived through|survived) "
    r"(?:the )?",
    re.I,
)
#: "is Moon Jae-in North Korean?": whether someone is from a country, asked by adjective.
_NATIONALITY = re.compile(
    r"^\s*((?:is|was|are|were)\s+.+?)\s+(?:an?\s+)?("
    + "|".join(
        sorted(
            (re.escape(d) for d in DEMONYMS if d.replace(" ", "").isalpha() and len(d) > 3),
            key=len,
            reverse=True,
        )
    )
    + r")(?:\s+(?:citizen|national|person|man|woman|guy))?\s*\?*\s*$",
    re.I,
)
#: "put its name to", "added their names to": signing, in a writer's idiom.
_NAME_TO = re.compile(
    r"\b(?:put|puts|putting|add|adds|added|adding|lend|lends|lent|lending|attach|attached|"
    r"attaches|sign(?:ed)? off) (?:its|their|his|her|our) names? (?:to|on|under)\b",
    re.I,
)
#: "Who, may I ask, said …": an aside between commas.
_ASIDE = re.compile(
    r",\s*(?:(?:may|might|can|could) i ask|if i may(?: ask)?|i wonder|pray tell|please|exactly|"
    r"precisely|to your knowledge|if you know),",
    re.I,
)
#: ", I'm trying to see whether the campaign changed its tune": why the user asks, after
#: the question, which the question already says.
_WHY_I_ASK = re.compile(
    r"[,;]\s*(?:i['’]?m|i am|im) (?:just )?(?:trying|wanting|hoping|looking) to "
    r"(?:see|work out|figure out|understand|find out|check|get a sense)\b[^?.!]*[?.!]*\s*$|"
    # ", since … my students are bound to ask": why the asker's audience needs it
    r"[,;]\s*(?:since|as|because)\b[^?.!;]*\b(?:my|our) (?:students?|pupils|class|kids|"
    r"listeners|readers|audience|viewers|followers|members)\b[^?.!]*(?=[?.!]*\s*$)|"
    # ", so that I can hand it out to my students": what the asker will do with it
    r"[,;]\s*so (?:that )?(?:i|we) (?:can|could|may)\b[^?.!]*(?=[?.!]*\s*$)",
    re.I,
)
#: "… ? Thank you ever so much.", "Warm regards and thanks.": courtesy after the question.
_SIGN_OFF = re.compile(
    r"[\s,.!?]+(?:(?:thank you|thanks|many thanks|with thanks|much appreciated|appreciate it|"
    r"cheers|(?:warm|kind|best) regards)(?: (?:so|very|ever so) much| in advance| kindly| again|"
    r" a lot| and thanks| for your help)*[\s,.!]*)+$",
    re.I,
)
#: "the 2012 thing": a year and a vague noun for a letter.
_YEAR_THING = re.compile(r"\b((?:19|20)\d\d) (?:thing|doc|document|message|missive|text)\b", re.I)
#: "the alliance's open message to the young heir": the coalition's open letter.
_OPEN_MESSAGE = re.compile(r"\b(open|joint) (?:message|missive|note)\b", re.I)
#: "the alliance's roster": the coalition, where no defectors' alliance is meant.
_ALLIANCE = re.compile(
    r"(?<!defectors )(?<!defectors' )(?<!defectors’ )(?<!defector's )\balliance\b(?! for\b)", re.I
)
#: "list the events tied to the 2018 one": the one letter of that year; not "in 2018 one
#: group …", nor "the 2012 letter asked what the 2018 one did not" (one set against another).
_YEAR_ONE = re.compile(r"(?<=\bthe )((?:19|20)\d\d) one\b", re.I)
#: "just drop every signer": "drop" as "list", when it opens the request.
_DROP = re.compile(r"^(\s*)(?:just )?drop\b(?= (?:me |us )?(?:the|every|all|a list)\b)", re.I)


#: Who a claim was heard from: "my friend from church said …", "I was told …".
_HEARSAY = (
    r"(?:(?:my|a|our|one of my) (?:\w+ ){0,2}?(?:friend|colleague|teacher|professor|son|"
    r"daughter|mom|mum|dad|father|mother|husband|wife|partner|cousin|uncle|aunt|brother|sister|"
    r"neighbou?r|boss|classmate|pastor|grandson|granddaughter|student|coworker|co-worker)"
    r"(?: \w+){0,3}? (?:said|says|told me|tells me|claims|claimed|insists|thinks)|"
    r"i (?:heard|was told|ve heard|have heard))"
)
#: Where a claim was read: "Story says …", "a post claimed …".
_READ_IN = r"(?:a |the |this |one )?(?:story|post|article|report|tweet|headline|blog|news)"
#: A claim hedged before or after ("pretty sure HRW is in London", "…, correct me if I'm
#: wrong"): a claim to check, as "…, right?" is.
_HEDGE_BEFORE = re.compile(
    r"^\s*(?:i ?['’]?m (?:pretty |quite |fairly |almost |100% )?(?:sure|certain|positive)|"
    r"(?:pretty|quite|fairly) sure|i (?:think|believe|reckon|remember)|iirc|"
    r"if i (?:remember|recall) (?:right|rightly|correctly)|"
    # "Story says Yun testified on June 5. Confirm?": a claim read somewhere, to check
    rf"{_READ_IN} (?:says|said|claims|claimed|reports|reported|states)|"
    # "my friend from church said CSW was on it", "I was told …": hearsay, to check
    rf"{_HEARSAY})(?: that)?[\s,]+",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(
    r"[\s,.;!—–-]*\b(?:i ?['’]?m (?:pretty |quite |fairly |almost |100% )?"
    r"(?:sure|certain|positive)|"
    r"i (?:think|believe|reckon|guess)|iirc|if i (?:remember|recall) (?:right|rightly|correctly)|"
    r"correct me if i ?['’]?m wrong|prove me wrong|(?:or )?am i wrong|unless i ?['’]?m wrong|"
    # "… is that right or is she mixing it up with something else"
    r"(?:is|was) (?:that|this|it|she|he|they) (?:right|true|correct|accurate)"
    r"(?: or (?:is|was|are) (?:she|he|they|it) (?:\w+ ){0,6}\w+)?|"
    # "… an amnesty thing. wrong?", not "the letter got the date wrong"
    r"(?<=[,.;!—–-] )wrong)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
#: A message that closes by asking ("… who was that", "… when was it"): no claim to check.
_ASKS_AT_THE_END = re.compile(
    r"\b(?:who|what|which|when|where|why|how)(?: \w+){0,2} (?:was|is|were|are|did|does|said|"
    r"says)(?: (?:that|it|this|he|she|they|them))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def _hedged_claim(text: str) -> str:
    """A hedged claim as a tag question: "pretty sure X" → "X, right?"."""
    claim = _HEDGE_AFTER.sub("", _HEDGE_BEFORE.sub("", text, count=1), count=1)
    if claim == text or not claim.strip() or OPENS_AS_QUESTION.match(claim):
        return text
    if _ASKS_AT_THE_END.search(claim):
        return text  # "i remember reading that an official told senators … who was that"
    if _READ_SOMEWHERE.match(text) and _ASKED_AFTER.search(claim):
        return text  # "Headline says X. Was that one of its demands?": asked already
    if _HEARD.match(text) and ASKS_ANYTHING.search(claim):
        return text  # "my son says the UNSC had it on its agenda, what's that about"
    return f"{claim.rstrip(' ,.;!?')}, right?"


#: "Story says …", "Post says …": a claim read somewhere.
_READ_SOMEWHERE = re.compile(rf"^\s*{_READ_IN}\b", re.I)
#: A claim heard from someone, and any question asked beside it.
_HEARD = re.compile(rf"^\s*{_HEARSAY}\b", re.I)
#: A question word anywhere: the message asks something besides the claim.
ASKS_ANYTHING = re.compile(r"\b(?:what|who|whom|whose|which|when|where|why|how)\b", re.I)
#: A question of three words or more after the claim ("… . Was that one of its demands?").
_ASKED_AFTER = re.compile(r"[.!?]\s+\w+(?:\s+\S+){2,}\?\s*$")


#: "UK or uh belgium": a hesitation, no word of the question.
_HESITATION = re.compile(r"\b(?:uh+|um+|uhm+|erm+|hmm+)\b[,.]?\s*", re.IGNORECASE)
#: "how much organisations signed": a count, in a learner's words.
_HOW_MUCH = re.compile(
    r"\bhow much (?=(?:\w+ )?(?:orgs?|organi[sz]ations?|groups|ngos|signers|signatories|"
    r"countries|people|persons|demands|letters|names|members)\b)",
    re.IGNORECASE,
)


#: "did the letter ask kim to take food aid or something": a vague tail adds nothing.
_VAGUE_TAIL = re.compile(
    r",?\s+or (?:something|smth|sth|whatever|anything)(?: like that)?(?=[\s?.!]*$)", re.I
)


#: "Of the three letters, which one went to Moon?": which letter, asked plainly.
_OF_THE_LETTERS = re.compile(
    r"^\s*(?:of|among|out of|from) (?:the|these|those|all)(?: (?:three|two|3|2))? letters,?\s+"
    r"which (?:one|letter)\b",
    re.I,
)


#: "Is the UN special rapporteur's name really Quintana?": whether he is the rapporteur.
_ROLE_NAMED = re.compile(
    r"^\s*(is|was) (the .{3,80}?)['’]?s (?:full |real )?name,? (?:really |actually |in fact )?"
    r"([^?,]{3,60}?)(\s*[?.!]*)$",
    re.I,
)


#: "is Phil Robertson the same guy who was the HRW Bangkok press contact?": was he that.
_SAME_PERSON = re.compile(
    r"^\s*(?:is|was) ([^?,]{3,60}?) the same (?:guy|person|man|woman|one|individual|bloke|fellow"
    r"|chap) (?:who|that|as) (?:was|is|served as|acted as|worked as)? ?(?:the |an? )?"
    r"([^?]{3,80}?)(\s*[?.!]*)$",
    re.I,
)


#: "per ICC, why does North Korea matter …": according to ICC.
_PER = re.compile(r"^(\s*)per (?=[\w'’ .&-]{2,40},)", re.I)


#: "already held the title of Asia deputy director in 2012": was, then.
_HELD_THE_TITLE = re.compile(
    r"\b(?:already |still )?held the (?:title|post|position|job|office) of\b", re.I
)
#: "the letter … was directed at the North Korean leader": addressed to him.
_DIRECTED_AT = re.compile(r"\bdirected at\b", re.I)


#: "Source of 'America's moral responsibility …'?": who said those words.
_SOURCE_OF_WORDS = re.compile(
    r"^(\s*)(?:the )?(?:source|origin|speaker|author) (?:of|for)(?: the (?:quote|line|words|"
    r"phrase))?:?\s*(?=[\"“‘'])",
    re.I,
)
#: "which group from Brazil signed one of these letters": any of them.
_ONE_OF_THE_LETTERS = re.compile(
    r"\b((?:co-?)?sign(?:ed)?|backed|joined|on) one of (the|these|those) letters\b", re.I
)
#: Words joined by underscores, as in code: "radio_free_asia", "kim_jong_un".
_SNAKE_CASE = re.compile(r"(?<=[A-Za-z])_(?=[A-Za-z])")


def plain_words(text: str) -> str:
    """The message with its opening fillers dropped and chat shorthand spelled out."""
    text = _SNAKE_CASE.sub(" ", text)  # "radio_free_asia in the 2018 signers?"
    text = _VAGUE_TAIL.sub("", _HESITATION.sub("", _WHY_I_ASK.sub("", text)))
    polite = _SIGN_OFF.sub(lambda m: "?" if "?" in m.group(0) else "", _GREETING.sub("", text))
    text = _ASIDE.sub("", polite) if polite.strip() else text
    text = _NAME_TO.sub("signed", text)
    stripped = put_plainly(_OPENING.sub("", text))
    text = _hedged_claim(stripped if stripped.strip() else text)
    closed = _CLOSING.sub(lambda m: "?" if "?" in m.group(0) else "", text)
    text = closed if closed.strip() else text
    text = _PER.sub(r"\1according to ", _OF_THE_LETTERS.sub("Which letter", text))
    text = _ROLE_NAMED.sub(r"\1 \3 \2\4", text)
    text = _SAME_PERSON.sub(r"was \1 the \2\3", text)
    if len(set(YEAR.findall(text))) == 1:
        text = _YEAR_ONE.sub(r"\1 letter", text)
    text = _DROP.sub(
        r"\1list",
        _YEAR_THING.sub(r"\1 letter", _HOW_MUCH.sub("how many ", text)),
    )
    text = _MILLIONS.sub(r"\1 million", _NUMBER_SIGN.sub("number of ", text))
    text = _COUNTRY_EQUALS.sub("from ", _LIVED_THROUGH.sub("survivors of the ", text))
    text = _NATIONALITY.sub(lambda m: f"{m[1]} from {DEMONYMS[m[2].lower()]}?", text)
    text = _DIRECTED_AT.sub("addressed to", _HELD_THE_TITLE.sub("was", text))
    text = _ALLIANCE.sub("coalition", _OPEN_MESSAGE.sub(r"\1 letter", text))
    text = _ONE_OF_THE_LETTERS.sub(r"\1 any of \2 letters", text)
    text = _SOURCE_OF_WORDS.sub(r"\1Who said ", text)
    text = _SPELLED_LETTERS.sub(_joined_letters, _YEAR_IN_WORDS.sub(_year, text))
    text = _RIGHTS_MISHEARD.sub("human rights", text)
    text = _SHORT_YEAR.sub(_short_year, text)
    text = _THE_COUNT_IN_WORDS.sub(_digits, _COUNT_IN_WORDS.sub(_digits, text))
    text = _HUNDREDS_IN_WORDS.sub(lambda m: f"{UNITS.index(m[1].lower()) + 1}00", text)
    text = _FEW_GROUPS_IN_WORDS.sub(lambda m: str(UNITS.index(m[1].lower()) + 1), text)
    text = _YES_NO_MARKS.sub(" yes or no", text)
    return _SHORTHAND.sub(lambda m: SHORTHAND[m.group(1).lower()], text)
