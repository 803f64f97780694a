"""The question commands every front end offers: names, options and the core function.

The CLI builds its subcommands from this table; the Discord cogs declare the same commands
by hand (with descriptions, limits and autocomplete) and a test checks the two agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.answers import kinds as answers
from bot.core.answers.answer import Answer
from bot.core.answers.ask import ask
from bot.core.answers.cards.about import about

#: Longest free text a user may send in any option (Discord allows more; we need less).
MAX_TEXT = 300
#: Longest name (letter, person, organization) an option accepts.
MAX_NAME = 100


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a command."""

    name: str
    description: str
    required: bool = False
    kind: type = str
    max_length: int = MAX_NAME
    #: Entity kind offered by autocomplete ("letter", "person", "organization"), if any.
    complete: str | None = None


@dataclass(frozen=True, slots=True)
class Command:
    """A question command: its name, help, options and the answer function it calls."""

    name: str
    description: str
    function: Callable[..., Answer]
    options: tuple[Option, ...] = ()


_LETTER = Option(
    "letter", "The letter: a year, recipient or title (e.g. 2018)", True, complete="letter"
)

COMMANDS: tuple[Command, ...] = (
    Command(
        "ask",
        "Ask a question in your own words",
        ask,
        (
            Option(
                "question",
                "Your question, e.g. Who signed the 2018 letter?",
                True,
                max_length=MAX_TEXT,
            ),
        ),
    ),
    Command(
        "search",
        "Full-text search of letters, people, organizations and quotes",
        answers.search,
        (Option("query", "Words to look for", True, max_length=MAX_TEXT),),
    ),
    Command("letter", "Everything about one letter", answers.letter, (_LETTER,)),
    Command(
        "letters",
        "List letters as a timeline, optionally filtered",
        answers.letters,
        (
            Option("recipient", "Only letters to this person", complete="person"),
            Option("year", "Only letters sent in this year", kind=int),
            Option("signed_by", "Only letters this organization signed", complete="organization"),
        ),
    ),
    Command(
        "signatories",
        "Who signed a letter, and how many the sources report",
        answers.signatories,
        (_LETTER, Option("country", "Only signatories from this country", max_length=60)),
    ),
    Command(
        "demands", "What a letter demanded and the abuses it cited", answers.demands, (_LETTER,)
    ),
    Command(
        "quotes",
        "What people said, verbatim, with their role and source",
        answers.quotes,
        (
            Option("person", "Who said it", complete="person"),
            Option("about", "A letter, event or topic", max_length=MAX_TEXT),
        ),
    ),
    Command(
        "person",
        "Who someone is: roles, quotes, letters to them",
        answers.person,
        (Option("name", "The person's name or role", True, complete="person"),),
    ),
    Command(
        "org",
        "An organization: what it is, letters it signed, its people",
        answers.org,
        (Option("name", "The organization's name or abbreviation", True, complete="organization"),),
    ),
    Command(
        "compare",
        "Compare two letters: signers, order, time between, counts, demands",
        answers.compare,
        (
            Option("letter_a", "The first letter", True, complete="letter"),
            Option("letter_b", "The second letter", True, complete="letter"),
            Option("aspect", "signers, order, gap, counts, demands or organisers", max_length=20),
        ),
    ),
    Command(
        "who-said",
        "Who said these words: a quote you remember, exact or paraphrased",
        answers.who_said_words,
        (Option("words", "The words you remember", True, max_length=MAX_TEXT),),
    ),
    Command(
        "event",
        "What happened: a summit, resolution, inquiry or law, and the letters around it",
        answers.event,
        (Option("name", "The event's name, e.g. Singapore summit", True, complete="event"),),
    ),
    Command(
        "about",
        "What the bot knows here, questions to try, and how moderators add entries",
        about,
    ),
)

COMMANDS_BY_NAME = {command.name: command for command in COMMANDS}
