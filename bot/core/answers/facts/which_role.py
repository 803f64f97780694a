"""Which of the people a question lists held a role, or did not.

"Which of these was NOT a US senator: Rubio, Cardin, Yun?": each person's roles, as the
sources give them, are checked for every word of the role described that any role in the
knowledge base has ("senator", "us"); a word no role has describes nothing checkable.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.kb.sentences import and_list
from bot.core.scope import Scope
from bot.core.search.roles import build_role_bags, canonical_words


def held_role(scope: Scope, person_ids: list[str], described: str, negated: bool) -> Answer:
    """Of the people listed, those whose roles fit the description, or (`negated`) do not."""
    kb = scope.kb
    bags = kb.derived("role_bags", build_role_bags)
    wanted = {w for w in canonical_words(described) if w in bags.idf}
    fits: dict[str, bool] = {}
    for person_id in person_ids:
        held = [words for who, _, words in bags.bags if who == person_id]
        fits[person_id] = bool(wanted) and any(wanted <= words for words in held)
    builder = AnswerBuilder(
        kb, "people", f"Which of them {'was not' if negated else 'was'} {described}"
    )
    items = []
    for person_id in person_ids:
        person = kb.people[person_id]
        role = person.roles[0] if person.roles else None
        shown = (
            role.describe(kb.name_of(role.organization) if role.organization else None)
            if role
            else "no role recorded"
        )
        items.append(Item(person.name, shown, builder.cite(person.sources)))
    builder.section("Their roles in the sources", items)
    yes = [kb.name_of(p) for p in person_ids if fits[p]]
    no = [kb.name_of(p) for p in person_ids if not fits[p]]
    asked, other = (no, yes) if negated else (yes, no)
    was = lambda names: "was" if len(names) == 1 else "were"  # noqa: E731
    if asked:
        builder.direct = (
            f"{and_list(asked)} {was(asked)}{' not' if negated else ''} {described}, as the "
            f"sources describe {'him' if len(asked) == 1 else 'them'}"
            + (f"; {and_list(other)} {was(other)}{'' if negated else ' not'}." if other else ".")
            + f" {builder.marks([s for p in person_ids for s in kb.people[p].sources])}"
        )
    else:
        builder.direct = (
            f"{'Every one' if negated else 'None'} of them was "
            f"{described}, as the sources describe them. "
            f"{builder.marks([s for p in person_ids for s in kb.people[p].sources])}"
        )
    builder.interpretation = f"which of those listed {'was not' if negated else 'was'} {described}"
    return builder.build(found=True)
