"""Readings of what a letter says: a figure it gives, a phrase it speaks of, a claim.

"Did the 2018 letter say anything about aid?", "what did it say about prisons", "how many
were in the camps", "the letter's exact words": each reads the letter's own statements. A
topic reading is scored by how much of the topic they cover (a topic the letter covers only
in part is often chat around another question).
"""

from __future__ import annotations

import re

from bot.core.answers.facts import letter_wording, topic_match, topics
from bot.core.answers.reader.context import (
    COUNTABLE,
    OTHERS_BESIDE,
    SIGNING,
    SUBJECT_FIT,
    Context,
    Reading,
    only_guessed,
)
from bot.core.answers.reader.countries import is_signer_country
from bot.core.answers.reader.org_descriptions import PLACE_KINDS
from bot.core.answers.reader.phrases import (
    HOW_MANY_OF,
    RECALLED,
    about_phrase,
    asked_for,
    claim,
    leftover_topic,
    people_only_in_topic,
)
from bot.core.answers.reader.question import Question
from bot.core.kb.models import Letter
from bot.core.search.names import normalize
from bot.core.search.roles import plural_heads
from bot.core.search.stems import STOP_WORDS


def figure_and_phrase_readings(context: Context, letter: Letter, fit: float) -> list[Reading]:
    """Readings of a figure, a phrase or a claim in the letter ("how many were in the camps")."""
    scope, q = context.scope, context.question
    title = letter.title
    yes_no = bool(context.cue("yes_no"))
    out: list[Reading] = []
    phrase = about_phrase(q)
    # "Amnesty signed…" is a yes/no of its own; a government can be what the letter asked of
    groups = [o for o in context.orgs if scope.kb.organizations[o].kind not in PLACE_KINDS]
    claim_text = claim(q) if not groups else None
    strong = fit >= SUBJECT_FIT or " letter" in q.norm
    counted = HOW_MANY_OF.search(q.norm)
    # What "how many" counts decides ("the letter 40 groups put out said a population lives
    # in fear. How many people?"); "how many were there" counts what came before.
    counts_before = counted and counted.group(1).split()[0] in _AUXILIARIES
    countable = (
        q.has(COUNTABLE) if counts_before else counted and COUNTABLE.search(counted[1])
    ) or q.has(OTHERS_BESIDE)
    # "how many people actually backed it", "who signed … like how many ppl": its signers
    countable = countable or q.has(SIGNING)
    # "how many press contacts were listed": people in a role, listed by `role_readings`
    of_people = bool(counted and plural_heads(counted.group(1)))
    # "how many letters did HRW join": letters are counted by the readings of who signed what
    of_letters = bool(counted and _LETTERS.match(counted.group(1)))
    if counted and not (countable or of_people or of_letters or context.cue("compare")):
        what = counted.group(1).strip()
        # "the letter says people live in fear - how many people?": the whole question
        # is the topic, not just the noun after "how many".
        context_words = HOW_MANY_OF.sub(" ", q.norm).strip()
        core = [w for w in what.split() if w not in STOP_WORDS]  # "how many people is that"
        what = f"{context_words} {what}".strip() if len(core) < 3 else what
        if q.quoted:  # words quoted from the letter say which letter, not what is counted
            what = " ".join(what.replace(normalize(q.quoted), " ").split())
        out.append(
            Reading(
                "topic",
                # A figure asked of the letter beats the passage about its last words; with
                # an event named and no letter, the event's figure comes first.
                context.cue("count")
                + fit
                + 2.5
                - (2.0 if context.events and not q.asks_of_a_letter() else 0.0)
                # "how many nuclear weapons does North Korea have": no letter is asked of
                - (3.0 if only_guessed(context) else 0.0),
                f"how many {what} → {title}",
                lambda: topics.topic(scope, letter, what, figure=True, yes_no=yes_no),
            )
        )
    figure_of = _figure_of(q) if q.has(_FIGURE_ASKED) else None
    # What the figure counts decides: signers are counted elsewhere, but "the coalition's
    # letter gave a figure for the men, women and children held" counts prisoners.
    if (
        figure_of
        and not COUNTABLE.search(figure_of)
        and topic_match.gives_figure_on(scope.kb, letter, figure_of, q.numbers)
    ):
        # "which letter put a number on the prisoners", "the 24.5 million figure": the
        # statement that gives it, not the letter's card.
        out.append(
            Reading(
                "topic",
                fit + 6.5,  # above "which letter": the figure names its letter too
                f"the figure on {figure_of} → {title}",
                lambda: topics.topic(scope, letter, figure_of, figure=True, yes_no=False),
            )
        )
    # "what did they say Kim should do about aid": the letter speaks, about aid
    said = context.cue("topic") or (context.cue("quotes") if q.has(_LETTER_SAYS) else 0.0)
    yes_no_cue = context.cue("yes_no")
    if claim_text and not phrase:
        out.append(
            Reading(
                "topic",
                # "Confirm: the letter said more than 100,000 were held": a claim about it
                max(context.cue("topic"), said + yes_no_cue if q.has(_LETTER_SAID) else 0.0) + fit,
                f"is it true that {title} says {claim_text}",
                lambda: topics.topic(scope, letter, claim_text, yes_no=yes_no, claimed=q.numbers),
            )
        )
    if phrase and said and strong and not context.people:
        out.append(
            Reading(
                "topic",
                # what the letter does not cover may still be asked ("anything on nukes?")
                said
                + fit
                + 2.5 * topic_match.letter_fit(scope, letter, phrase)
                # "what abuses did it list, I remember something about relatives": what the
                # user remembers, after what they ask
                - (_RECALLED_AFTER_ASKING if q.has(RECALLED) and _kind_asked(context) else 0.0)
                # "what do the letters say about camps": all of them, not the one guessed
                - (_ALL_LETTERS_ASKED if q.has(_LETTERS) and only_guessed(context) else 0.0),
                f"what {title} says about {phrase}",
                lambda: topics.topic(scope, letter, phrase, yes_no=yes_no, claimed=q.numbers),
            )
        )
    return out


#: "(actually) raised at the Singapore summit": what happened at an event, not in the letter.
_RAISED_AT = re.compile(
    r"^(?:\w+ )?(?:raised|discussed|brought up|addressed|taken up|put) (?:\w+ )?(?:at|during) "
)
#: How much less one letter guessed from its words is asked than "the letters".
_ALL_LETTERS_ASKED = 3.0
_LETTERS = re.compile(r"\bletters\b")
#: How much less a remembered topic is asked than the kind of answer asked before it.
_RECALLED_AFTER_ASKING = 4.0


def _kind_asked(context: Context) -> bool:
    """Whether the question asks for a letter's demands, abuses or signers outright."""
    return any(context.cue(kind) >= 4.0 for kind in ("demands", "abuses", "signatories"))


def said_readings(context: Context, letter: Letter, fit: float) -> list[Reading]:
    """What the letter says on the question's topic, quotes of it, or its full text."""
    scope, q = context.scope, context.question
    title = letter.title
    yes_no = bool(context.cue("yes_no"))
    out: list[Reading] = []
    if (
        context.cue("yes_no")
        and (context.cue("demands") or context.cue("topic") or context.cue("abuses"))
        and (not context.people or people_only_in_topic(q, asked_for(q, with_whom=True)))
    ):
        asked = asked_for(q)
        if asked and _SOMETHING_ABOUT.match(asked):
            # "say anything positive at all about X's dialogue": X's dialogue is the topic
            asked = about_phrase(q) or asked
        if asked and _RAISED_AT.match(asked):
            asked = None  # "were its demands actually raised at the summit?": what happened there
        if asked:
            out.append(
                Reading(
                    "topic",
                    context.cue("yes_no") + fit + 3.0,
                    f"does {title} speak of {asked}",
                    lambda: topics.topic(scope, letter, asked, yes_no=yes_no, claimed=q.numbers),
                )
            )
    # "Ha Tae Keung's full quote from the 2012 release" asks for his words, not the letter's.
    if context.cue("excerpts") and not context.cue("full_text") and not context.people:
        out.append(
            Reading(
                "identify",
                context.cue("excerpts") + fit,
                f"what the sources quote of {title}",
                lambda: letter_wording.full_text(scope, letter, passages=True),
            )
        )
    if context.cue("full_text") and not context.people:  # "Cardin, word for word": his quotes
        out.append(
            Reading(
                "not_covered",
                context.cue("full_text") + fit,
                f"the full text of {title} (not in the sources)",
                lambda: letter_wording.full_text(
                    scope, letter, asked=q.norm if context.cue("yes_no") else ""
                ),
            )
        )
    leftover = leftover_topic(q) if not about_phrase(q) and not context.people else None
    if leftover and any(is_signer_country(scope, c) for c in q.countries):
        leftover = None  # "any signer from Latin America": a filter of the signatories
    noted = topics.in_the_notes(scope, letter, leftover, q.norm) if leftover else None
    if noted is not None:
        # Below any reading a cue asked for: the notes answer what nothing else does.
        out.append(
            Reading("letter", 3.5 + fit, f"what the sources note about {title}", lambda: noted)
        )
    said = max(context.cue("letter_says"), context.cue("quotes"), context.cue("topic"))
    if (
        leftover
        and not said
        and fit > SUBJECT_FIT
        and topic_match.statement_speaks_of(scope, letter, leftover)
    ):
        # "What condition did the 2018 letter attach to aid?": no "say", but its words.
        out.append(
            Reading(
                "topic",
                fit + 3.0,
                f"what {title} says about {leftover}",
                lambda: topics.topic(scope, letter, leftover, yes_no=yes_no, claimed=q.numbers),
            )
        )
    # A letter guessed from the words alone, in a question that names no letter, is no
    # subject to quote passages of ("the Human Rights Council did something on March 23").
    if (
        leftover
        and said
        and not only_guessed(context)
        and not context.cue("sources")  # "which outlets are mentioned in …": the sources
        and not context.cue("quoted_about")  # "which NGO people were quoted about it"
        and (covered := topic_match.letter_fit(scope, letter, leftover)) >= topic_match.TOPIC_FIT
    ):
        # "2018 letter to Kim + prisons, what did it say?": what is left is the topic. The
        # less of it the letter covers, the more of it is chat around another question.
        out.append(
            Reading(
                "topic",
                said + fit + 2.0 * covered,
                f"what {title} says about {leftover}",
                lambda: topics.topic(scope, letter, leftover, yes_no=yes_no, claimed=q.numbers),
            )
        )
    return out


#: "anything positive at all about X": what is said about X is asked.
_SOMETHING_ABOUT = re.compile(r"(?:any|some)thing\b.* about ")


#: Words asking for a figure ("what number", "the 200,000 figure", "put a number on").
_FIGURE_ASKED = re.compile(
    r"\b(?:numbers?(?! (?:one|two|three)\b)|figures?|statistics?|stats?|how big|how large|"
    # "what population did the letter say NK had": a size asked of what it measures
    r"(?:what|which) (?:population|size|total|death toll|toll))\b"
)
#: Words around a figure asked for that say nothing of what it counts.
_FIGURE_FILLER = frozenset(
    "number numbers figure figures statistic statistics stat stats big large give gave given "
    "put like whole exactly refer refers source".split()
)


def _figure_of(q: Question) -> str | None:
    """What a figure asked for counts ("the prisoners", "the population")."""
    left = leftover_topic(q)
    words = [w for w in (left or "").split() if w not in _FIGURE_FILLER]
    return " ".join(words) or None


#: A claim of what the letter said: "the 2012 letter said more than 100,000 …".
_LETTER_SAID = re.compile(
    r"\bletter (?:said|says|claimed|claims|stated|states|asked|urged|demanded|called for|"
    r"told|pressed|called on|asked for|wanted|requested|pushed for|pressed for|sought)\b"
)
#: Words that open "how many were there", "how many do the sources name".
_AUXILIARIES = frozenset("do did does were are was is have has had of".split())
#: The letter or its signers as the ones who speak.
_LETTER_SAYS = re.compile(
    r"\b(?:they|it|the letter|the signatories|the signers) (?:say|said|ask|asked|tell|told)\b"
)


#: Counted by readings of their own: letters, quotes, events, people quoted.
_LETTERS = re.compile(
    r"\s*(?:of (?:the |these |those |all |all the )?)?(?:\w+ )?"  # "how many of these letters"
    r"(?:letters?|quotes|quotations|statements|events|people (?:are |were )?quoted)\b"
)
