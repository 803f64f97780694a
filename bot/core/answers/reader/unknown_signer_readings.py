"""Reading "did <an organisation we do not know> sign?": "was NKDB among the 2012 signers?".

The words in the place of the signer name nothing in the knowledge base: no person, no
organisation, no place. Answering with the letter's whole list would leave the user to look
for the name; the answer says first that no signatory the sources name goes by it.
"""

from __future__ import annotations

import re

from bot.core.answers.facts import unnamed
from bot.core.answers.reader.context import Context, Reading, letter_fit
from bot.core.search.resolve import resolve_country

#: "Was NKDB among…", "did Open Doors sign…", "is the Red Cross on the 2012 list…".
_ASKED = re.compile(
    r"^ (?:was|were|is|are|did|does|has|have) (?P<name>(?:\w+ ){1,7}?)"
    r"(?:also |ever |actually |really |even )?"
    r"(?:(?:among|on|one of|part of) the (?:\w+ ){0,3}?(?:sign\w*|co ?sign\w*|list|"
    r"supporters|members|groups|organi[sz]ations|orgs|ngos|backers)|sign|signed|co ?sign\w*|"
    r"cosign\w*|a (?:co ?)?signator\w*|a (?:co ?)?signer|listed|named as)\b"
)
#: "Burma Partnership on the 2012 list?", "Open Doors among the signers, right?".
_STATED = re.compile(
    r"^ (?P<name>(?:\w+ ){1,7}?)(?:was |is |were |are )?(?:on|among|in) the "
    r"(?:\w+ ){0,4}(?:list|signers|signatories|co ?signers|supporters)\b"
)
#: Words that open no name: "did any group sign", "was it signed", "is there a signer".
_NOT_A_NAME = frozenset(
    "any anyone anybody anything there it they he she we you i this that these those all "
    "every each someone somebody no none one which what who both either neither its their "
    "his her my our your the a an".split()
)
#: Small words a name may hold that are no name on their own.
_JOINING = frozenset("of and for to by in on from with".split())
#: A pronoun in the place of the name refers to one named before it ("Kontras - were they…").
_PRONOUNS = frozenset("it they he she them".split())
#: Words that alone describe, not name: "was the letter signed", "were the groups listed".
_GENERIC = frozenset(
    "letter letters group groups org orgs organisation organisations organization "
    "organizations ngo ngos coalition campaign signer signers signatory signatories list "
    "people person individual individuals open joint first second last other others "
    "also ever".split()
)
#: Above any reading of the letter or its whole list when the name is really unknown.
_SCORE = 10.5


def unknown_signer_readings(context: Context) -> list[Reading]:
    """ "Did <a name the knowledge base does not hold> sign?" — no named signatory is it."""
    q, scope = context.question, context.scope
    if not context.cue("yes_no") or q.people() or q.roles or q.countries:
        return []
    match = _ASKED.search(q.norm) or _STATED.search(q.norm)
    if match is None:
        return []
    start = len(q.norm[: match.start("name")].split())
    words = match.group("name").split()
    named = {i for m in q.mentions for i in range(m.start, m.end)}
    end = start + len(words)
    for mention in q.mentions:
        inside = start <= mention.start and mention.end <= end
        if start <= mention.start <= start + 1 or (
            not inside and mention.kind in ("person", "organization")
        ):
            return []  # the signer is named ("did HRW sign"), or someone else is
    own = [w for i, w in enumerate(words, start) if i not in named]
    if {"letter", "letters"} & set(words) or set(own) <= _GENERIC | _NOT_A_NAME | _JOINING:
        return []  # "Citizens' Alliance for North Korean Human Rights" has words of its own
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if not words or words[-1].endswith("ed") or _PRONOUNS & set(words) or words[0] in _NOT_A_NAME:
        return []
    if any(w.isdigit() for w in words) or (
        len(words) <= 3 and resolve_country(scope, " ".join(words))
    ):
        return []
    name = _as_written(q.text, words)
    letter = context.letter
    return [
        Reading(
            "signed",
            _SCORE + letter_fit(context) / 10,
            f"did “{name}” sign {letter.title if letter else 'any letter'}",
            lambda: unnamed.unknown_signer(scope, name, letter),
            subject=letter.id if letter else None,
        )
    ]


def _as_written(text: str, words: list[str]) -> str:
    """The name as the user wrote it ("NKDB", "Citizens' Alliance"), else its words.

    Only letters, digits, spaces and the marks names use are echoed back: nothing a user
    types ("@everyone", markup) comes back through the name.
    """
    pattern = r"[\s'’.&-]+".join(re.escape(w) for w in words)
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(0) if found else " ".join(words)
