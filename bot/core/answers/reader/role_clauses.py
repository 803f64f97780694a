"""Who a question describes by role: the words of the description, matched to roles.

"What did the UN guy who briefed reporters in Geneva say about the summit?": the speaker is
described before "about" (what follows is what they spoke of); a relative clause says what
they did, not their role, unless it says what they were ("who had been the envoy"), and a
time clause or a source ("from the RFA article") is no part of the role.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.core.answers.reader.letter_clause import ASKS
from bot.core.answers.reader.shapes import AUTHORSHIP, source_spans
from bot.core.scope import Scope
from bot.core.search.names import Mention
from bot.core.search.roles import HEAD_WORDS, RoleMatch, canonical_words, match_roles


class DescribedRoles(NamedTuple):
    """The people a question describes by role, and where its description stops."""

    #: Best first.
    roles: list[RoleMatch]
    #: The index of the word after which the question says what was spoken of (the end,
    #: if it does not).
    about_at: int
    #: Organisations named as the source of the words ("the RFA article").
    source_orgs: frozenset[str]


def described_roles(scope: Scope, norm: str, mentions: list[Mention]) -> DescribedRoles:
    """The people the question describes by role, best first, and where "about" starts."""
    tokens = norm.split()
    about_at = next((i for i, t in enumerate(tokens) if t in _ABOUT_WORDS), len(tokens))
    if not any(t in _SPEAKING for t in tokens[:about_at]) or _THE_RECORD & set(tokens[:about_at]):
        # "tell me about FIDH", "what do the sources say about CSW": the subject, not a topic
        about_at = len(tokens)
    on_at = tokens.index("on") if "on" in tokens[1:] else 0
    if about_at == len(tokens) and on_at and not ASKS.search(" ".join(tokens[:on_at])):
        # "hrw deputy asia director on moon": who spoke, then of what, with no verb
        about_at = (
            on_at if HEAD_WORDS & set(canonical_words(" ".join(tokens[:on_at]))) else about_at
        )
    # Who speaks is described before "about"; what follows is what they speak of. A relative
    # clause ("the UN guy who briefed reporters") describes what they did, not their role.
    sourced = source_spans(tokens, mentions)
    # "That UN investigator guy from the RFA article": the article is where, not who; but
    # in "who wrote the RFA article" it is all the description there is.
    authorship = AUTHORSHIP & set(tokens)
    described = [t for i, t in enumerate(tokens[:about_at]) if authorship or i not in sourced[1]]
    # "The US president … after meeting the North Korean envoy": the time clause is no role.
    when = next((i for i, t in enumerate(described) if i > 1 and t in _WHEN_CLAUSE), None)
    described = described[:when]
    relative = next(
        (
            i
            for i, t in enumerate(described)
            if i > 1
            and t in _RELATIVE
            # "what did that UN investigator say": after a verb or preposition, "that" points
            and not (t == "that" and described[i - 1] in _POINTING)
        ),
        None,
    )
    if (
        relative is not None
        and not HEAD_WORDS & set(canonical_words(" ".join(described[:relative])))
        and relative + 1 < len(described)
        and (
            described[relative + 1] in _BEING
            or " ".join(described[relative + 1 : relative + 3]) in _BEING
        )
    ):
        relative = None  # "the man who had been Washington's envoy": the role is in the clause
    if relative is not None and described[relative - 1] in _GROUP_NOUNS:
        relative = None  # "the president of the Seoul group that was the secretariat": whose
    roles = match_roles(scope.kb, " ".join(described[:relative]))
    meeting = MEETING.search(norm)
    if not roles and meeting:
        # "is it true that before Singapore Kim had met the Chinese president": whoever
        # was met is described after the verb, past the clauses cut off above.
        roles = match_roles(scope.kb, norm[meeting.start() :])
    return DescribedRoles(roles, about_at, frozenset(sourced[0]))


_SPEAKING = frozenset(
    "say said says saying quote quotes quoted comment comments commented statement statements "
    "think thinks thought talk talked talks speak spoke write wrote written remark remarks "
    "warn warned argue argued claim claimed react reacted respond responded view views "
    "told words".split()
)
#: After "who", words that make the clause a role ("who had been the envoy").
_BEING = frozenset(
    "was|is|had been|has been|served as|used to|worked as|was the|is the|were|had|has".split("|")
)
_RELATIVE = frozenset({"who", "that", "which", "whose"})
#: Before "that", a group the clause describes: the employer of the role before it.
_GROUP_NOUNS = frozenset("group org organisation organization ngo coalition charity outfit".split())
#: Words after which "that" points at something ("did that envoy") rather than relating.
_POINTING = frozenset(
    "did does do was is were are has have had about of for from by with to in on at "
    # "I read that the UN's special rapporteur gave a briefing": what was read follows
    "read heard hear saw seen learned learnt noticed remember know think believe".split()
)
_WHEN_CLAUSE = frozenset({"after", "before", "when", "while", "during", "since"})
#: Who "says" when the knowledge base is asked what it holds about someone.
_THE_RECORD = frozenset("sources knowledge data records kb database bot".split())
_ABOUT_WORDS = frozenset({"about", "regarding", "concerning", "mentioning", "re"})
#: A meeting between the person named and one described by role.
MEETING = re.compile(r"\b(?:meet|met|meeting|meetings) (?:with )?(?:the|a|an|any)\b")
