"""Instructions written to an assistant, which ask nothing of the knowledge base.

People used to chat assistants write prompts: "Act as a research assistant. Task: list …
Return only the names.", "Be concise: per ICC, why does North Korea matter so much for
Christians?", "Instruction: Y/N answer, then one line. In the 2012 ICNK release, is Kim
Jong-un called 'General Kim'?". The role to play and the wished-for shape of the answer are
taken off; the question is what is left.
"""

from __future__ import annotations

import re

#: A sentence that only sets a role or the answer's shape.
_INSTRUCTION = (
    r"(?:act|acting|respond|answer) as (?:an? |my )?[\w' -]{1,40}"
    r"|you are (?:an? |my )[\w' -]{1,40}"
    r"|(?:please )?(?:be (?:concise|brief|precise|short)|keep it (?:short|brief|concise)"
    r"|think step by step|no (?:preamble|commentary|fluff)|nothing else|names only"
    r"|cite (?:your )?sources?|(?:use|using) only the (?:data|sources|knowledge base))"
    r"|(?:return|output|give|answer|respond)(?: with)? (?:only|just) [\w' ,/+-]{1,60}"
    r"|(?:output|format)(?: as| format)?\s*(?:->|:)?\s*(?:an? )?"
    r"(?:table|list|bullets?|bullet (?:list|points)|json|csv|comma-separated|numbered list)[\w ]*"
    r"|instructions?\s*:[^.?!]*|bullet(?: point)?s?\b[^.?!]*"
)
#: Such sentences, wherever they stand in the message.
_SENTENCE = re.compile(rf"(?:^|(?<=[.?!]))\s*(?:{_INSTRUCTION})\s*[.!]", re.IGNORECASE)
#: Such an instruction leading the question: "Be concise:", "Step by step:", "One line:".
#: (Not "Return only the recipient's name and title: the letter …": that is the question.)
_LEAD = re.compile(
    r"^\s*(?:(?:act|respond) as (?:an? |my )?[\w' -]{1,40}|you are (?:an? |my )[\w' -]{1,40}"
    r"|(?:please )?(?:be (?:concise|brief|precise|short)|keep it (?:short|brief|concise))"
    r"|step by step|one (?:line|sentence)(?:, no preamble)?"
    r"|in one (?:line|sentence))\s*[:,-]\s*",
    re.IGNORECASE,
)


def without_instructions(text: str) -> str:
    """`text` without the role and answer-shape instructions around its question."""
    plain = _LEAD.sub("", _SENTENCE.sub(" ", text)).strip()
    return plain if plain else text
