"""The /about card: what the bot knows here, questions to try, how moderators add to it.

Computed from the knowledge base the server sees (the curated corpus and its own
entries), so a server whose moderators added a letter finds it listed and counted.
"""

from __future__ import annotations

from bot import __version__
from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.kb.dates import human_date
from bot.core.kb.models import Letter
from bot.core.scope import Scope

#: Questions the reader answers from the curated letters, in the words people use.
EXAMPLE_QUESTIONS = (
    "Who signed the 2018 letter?",
    "Who said “the most repressive system in the world”?",
    "How many more signed the 2019 letter than the 2018 one?",
    "What did the 2012 letter demand?",
    "Who is Brad Adams?",
)
#: The commands for one kind of question each, with an example.
COMMANDS = (
    ("/ask", "any question in your own words"),
    ("/signatories 2018", "who signed a letter, and the counts the sources report"),
    ("/demands 2012", "what a letter asked for"),
    ("/quotes person: Brad Adams", "what someone said, verbatim, with their role"),
    ("/compare 2018 2019", "two letters side by side"),
    ("/letters", "every letter as a timeline"),
)
#: How moderators grow the knowledge base (Manage Server, or the configured role).
MODERATOR_COMMANDS = (
    (
        "/kb add-letter, add-quote, add-signatory, add-demand, add-person, add-org",
        "one entry at a time, through a form; searchable at once, in this server only",
    ),
    (
        "/kb import",
        "a YAML or CSV file (as /kb export writes them): every change shown "
        "first, applied only when you press Apply",
    ),
    (
        "/kb draft",
        "a press release or article (a file, a web address, or a message's menu: "
        "Draft knowledge-base entries): the bot drafts the letter, signatories, "
        "demands, people and quotes, links them to what is here and flags what "
        "to check; nothing is written before you apply",
    ),
    ("/kb history, /kb undo", "every change, who made it and when; any can be undone"),
    ("/stats", "what this server asks, and the questions that found nothing"),
)


def about(scope: Scope) -> Answer:
    """What the bot knows in this server and how to use it; always "found"."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "about", f"About campaign-bot {__version__}")
    builder.lead.append(
        "I answer questions about joint NGO letters on human rights: who signed them, what "
        "they demanded, and what officials and campaigners said about them."
    )
    own = sum(
        1 for record in kb.records.values() if getattr(record.entity, "guild_id", None) is not None
    )
    builder.lead.append(
        f"Here I know {_count(len(kb.letters), 'letter')}, "
        f"{_count(len(kb.organizations), 'organization')}, "
        f"{_count(len(kb.people), 'person', 'people')}, {_count(len(kb.quotes), 'quote')} "
        f"and {_count(len(kb.events), 'event')}, from {_count(len(kb.sources), 'source')}"
        + (f"; {own} of these entries were added by this server's moderators." if own else ".")
    )
    letters = sorted(kb.letters.values(), key=lambda letter: (letter.date, letter.id))
    builder.section("The letters", [_letter_item(scope, letter) for letter in letters])
    builder.section("Try asking", [Item("", f"/ask {q}") for q in EXAMPLE_QUESTIONS])
    builder.section("Commands", [Item(name, text) for name, text in COMMANDS])
    builder.section("For moderators", [Item(name, text) for name, text in MODERATOR_COMMANDS])
    return builder.build()


def _letter_item(scope: Scope, letter: Letter) -> Item:
    """A letter's date, title, recipient and counts, in one item."""
    named = len(letter.signatories)
    parts = [
        f"To {scope.kb.name_of(letter.recipient)}.",
        f"{_count(named, 'named signatory', 'named signatories')}",
    ]
    reported = [count.describe() for count in letter.reported_counts]
    if reported:
        parts[-1] += "; sources report " + ", ".join(reported)
    parts[-1] += "."
    return Item(
        f"{human_date(letter.date)} — {letter.title}",
        " ".join(parts),
        community=letter.guild_id is not None,
        entity_id=letter.id,
    )


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else many or one + 's'}"
