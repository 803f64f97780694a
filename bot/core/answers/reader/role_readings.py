"""Readings for everyone a plural role fits.

"Who were the press contacts?" lists them; "what did the senators say?" gives their words.
"""

from __future__ import annotations

import itertools
import re

from bot.core.answers.facts import people_lists
from bot.core.answers.facts.quote_answers import answer_quotes
from bot.core.answers.reader.context import HOW_MANY, SUBJECT_FIT, Context, Reading, letter_fit
from bot.core.answers.reader.question import Question
from bot.core.answers.reader.quote_subjects import subject_of_quotes
from bot.core.search.roles import HEAD_WORDS, match_roles, plural_heads, plural_role

#: Words that ask for people: "who were the press contacts", "list the senators".
_ASKS_FOR_PEOPLE = re.compile(r"\b(?:who|whom|which|list|name|names|how many)\b")


def role_list_readings(context: Context) -> list[Reading]:
    """Everyone a plural role description fits ("who were the press contacts")."""
    q, scope = context.question, context.scope
    if len(q.roles) < 2 or not plural_role(q.text) or q.subjects("person"):
        return []  # "what did Joseph Yun say to the senators" asks about Yun
    # Everyone whose role has the words the best fit matched: the same kind of role.
    wanted = set(q.roles[0].title_matched or q.roles[0].matched) & HEAD_WORDS or set(
        q.roles[0].matched
    )
    tokens = q.norm.split()
    titles = {
        word
        for m in q.mentions
        if m.kind == "person"
        for word in (*tokens[max(m.start - 1, 0) : m.start], *tokens[m.start : m.end])
    }
    if wanted <= titles:
        return []  # "every individual quoted on the letter to President Moon": his title
    plural = plural_heads(q.text)
    if plural and not plural & wanted:
        return []  # "the former envoy warned senators": the senators are not the role asked
    people = [
        m.person_id
        for m in match_roles(scope.kb, q.text, limit=50, weigh_unasked=False)
        if wanted <= set(m.matched)
    ]
    best = context.fits[0] if context.fits else None
    strong = best is not None and ("named" in best.clues or str(best.letter.year) in best.clues)
    letter = context.letter if strong else None
    described = " ".join(sorted(wanted))
    out = [
        Reading(
            "people",
            6.0
            + letter_fit(context)
            - (4.0 if context.cue("met_whom") else 0.0)
            # "when did the two Korean heads of state sign the declaration?": the
            # people only say which event; they are not asked for
            - (
                4.0
                if (context.events or context.cue("date") >= 4) and not q.has(_ASKS_FOR_PEOPLE)
                else 0.0
            )
            # "how many press contacts did the 2012 release list": the list counts them
            + (1.0 if q.has(HOW_MANY) and not context.events else 0.0),
            f"everyone who was {described}",
            lambda: people_lists.people_in_role(scope, people, letter, described),
        )
    ]
    speakers = [p for p in people if scope.kb.quotes_by(p)]
    if context.cue("quotes") and speakers:
        # "What did the senators say about the act?": their words, not who they are.
        subject = subject_of_quotes(context)
        out.append(
            Reading(
                "quotes",
                6.5 + letter_fit(context),
                f"quotes by the {described}s",
                lambda: answer_quotes(scope, speakers, subject),
            )
        )
    return out


def people_readings(context: Context) -> list[Reading]:
    """Several people named and asked about: "who are Gina Goh and Olivia Miller?"."""
    people, q = context.people, context.question
    asked = (
        q.has(_WHO_ARE)
        or q.has(_EACH_ONES_ROLE)
        or (q.has(_THEIR_ROLES) and not q.asks_of_a_letter())
        or q.has(_VERSUS)  # "kanae doi vs kiri kankhwende — org + city for each"
    )
    # "… their titles, and which letter did each speak on?": what they are, asked first
    quoted = context.cue("quotes") and not q.has(_EACH_ONES_ROLE)
    if len(people) < 2 or context.cue("yes_no"):
        return []
    names = " and ".join(context.scope.kb.name_of(p) for p in people[:MAX_PEOPLE])
    if quoted and len(people) <= MAX_PEOPLE and named_together(q, people):
        # "what did Brad Adams and Phil Robertson say?": the words of each, not the first's
        return [
            Reading(
                "quotes",
                context.cue("quotes") + SUBJECT_FIT + (5.0 if q.has(_VERSUS) else 2.0),
                f"quotes by {names}",
                lambda: answer_quotes(context.scope, people, None),
            )
        ]
    if not asked or quoted:
        return []
    return [
        Reading(
            "person",
            # above any one of them ("Gina Goh's role at ICC"): the question asks of all
            max(context.cue("profile"), 4.0)
            + SUBJECT_FIT
            + 2.0
            # "their titles, and which letter…": what each is, before which letter
            + (1.0 if q.has(_EACH_ONES_ROLE) else 0.0)
            # "what roles did Doi and Kankhwende have in 2012?": above one's role that year
            + (2.5 if q.years and (q.has(_ROLE_WORDS) or q.has(_WHO_ARE)) else 0.0),
            f"who are {names}",
            lambda: people_lists.people_named(context.scope, people[:MAX_PEOPLE]),
        )
    ]


#: "Who are …", "… — who are they?": several people asked about at once.
#: (and "who Kanae Doi and Kiri Kankhwende were", as a request puts it)
_WHO_ARE = re.compile(
    r"\bwho (?:are|were|r)\b|\bwho s who\b|^ who (?:\w+ ){1,4}and (?:\w+ ){1,4}(?:are|were) $"
)
#: "Rubio vs Cardin — party and state?", "brad adams vs phil robertson titles": what each
#: of them is (not how a letter's people differ: "did his role differ between letters").
_THEIR_ROLES = re.compile(
    r"\b(?:titles?|roles?|jobs?|positions?|posts?|part(?:y|ies)|states?|affiliations?|"
    r"employers?)\b"
)
#: A role asked for in words ("what roles did they have in 2012"), not a "post" or "party".
_ROLE_WORDS = re.compile(r"\b(?:titles?|roles?|jobs?|positions?)\b")
#: "what were their HRW titles, and which letter…", "what are they listed as": what each
#: of the people named is, however much else is asked.
_EACH_ONES_ROLE = re.compile(
    r"\b(?:their|each one s|each s) (?:\w+ )?(?:titles?|roles?|jobs?|positions?|posts?)\b|"
    r"\bwhat (?:are|were) (?:they|both|each) (?:listed|named|described|recorded|credited) as\b"
)


def named_together(q: Question, people: list[str]) -> bool:
    """Whether the people are named side by side ("Adams and Robertson", "Adams vs Robertson").

    Not one as whom the other spoke to ("what did Xi say to Kim").
    """
    spans = sorted((m.start, m.end) for m in q.mentions if m.entity_id in people)
    words = q.norm.split()
    return all(
        set(words[end:start]) <= _JOINING for (_, end), (start, _) in itertools.pairwise(spans)
    )


_JOINING = frozenset({"and", "vs", "versus", "or", "plus", "also"})
#: "brad adams vs phil robertson": the two set side by side.
_VERSUS = re.compile(r"\b(?:vs|versus)\b")
#: People described at once; a longer list is a search, not a question about each.
MAX_PEOPLE = 5
