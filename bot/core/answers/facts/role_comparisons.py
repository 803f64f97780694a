"""Two people's posts side by side: "did Adams and Robertson have the same title at HRW?".

Each person's latest recorded post is named with its source; "same" is answered Yes only
when the two titles, up to any party or state after a comma, are the same words (a
"deputy" makes another post).
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, cite_in, merged, with_direct
from bot.core.answers.cards import people as people_cards
from bot.core.kb.models import Person, Role
from bot.core.scope import Scope
from bot.core.search.names import normalize


def compare_posts(
    scope: Scope, first: Person, second: Person, same_asked: bool, party: bool = False
) -> Answer:
    """Both people's posts, with whether they are the same when that was asked.

    `party`: "were Rubio and Cardin from the same party?": the party in each title decides.
    """
    kb = scope.kb
    card = merged(
        [people_cards.person(scope, first.id), people_cards.person(scope, second.id)],
        kb,
        f"{first.name} and {second.name}",
        f"the posts of {first.name} and {second.name}",
    )
    posts = [(p, p.roles[-1]) for p in (first, second) if p.roles]
    if len(posts) < 2:
        missing = first if not first.roles else second
        return with_direct(card, f"The sources give no post for {missing.name}.", None)
    described = []
    for person, role in posts:
        card, marks = cite_in(card, kb, role.sources)
        described.append(f"{person.name} is described as {_post(scope, role)} {marks}")
    sentence = "; ".join(described) + "."
    if same_asked:
        # "U.S. senator, Republican of Florida" and "…, Democrat of Maryland": one office
        aspects = [
            _party(role) if party else normalize(role.title.split(",")[0]) for _, role in posts
        ]
        alike = len(set(aspects)) == 1 and aspects[0] != ""
        what = "part" + ("y" if alike else "ies") if party else "title" + ("" if alike else "s")
        verdict = f"Yes, the same {what}" if alike else f"No, different {what}"
        unknown = [p.name for (p, _), aspect in zip(posts, aspects, strict=True) if not aspect]
        if unknown:
            verdict = f"The sources give no party for {' or '.join(unknown)}"
        sentence = f"{verdict}: {sentence}"
    return with_direct(card, sentence, f"the posts of {first.name} and {second.name}")


def _post(scope: Scope, role: Role) -> str:
    """ "Asia director at Human Rights Watch": the title and where it is held."""
    where = scope.kb.name_of(role.organization) if role.organization else ""
    return role.title + (f" at {where}" if where and where not in role.title else "")


_PARTIES = ("republican", "democrat")


def _party(role: Role) -> str:
    """The party a title names ("Republican of Florida"), or "" when it names none."""
    title = normalize(role.title)
    return next((p for p in _PARTIES if p in title), "")
