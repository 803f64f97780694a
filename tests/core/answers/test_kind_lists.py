"""People and organisations of a kind: by the body their role is at, and its country."""

from __future__ import annotations

from bot.core.answers.facts import kind_lists
from bot.core.scope import Scope


def test_lawmakers_are_those_at_a_legislature(scope: Scope) -> None:
    answer = kind_lists.people_of_kind(scope, frozenset({"legislature"}), "lawmakers", None, None)
    named = {i.title for s in answer.sections for i in s.items}
    assert named == {"Marco Rubio", "Ben Cardin"}  # not Xi Jinping, whose office has no body
    assert answer.direct.startswith("The sources name 2 lawmakers")


def test_a_country_is_the_role_s_own_not_a_policy_it_covers(scope: Scope) -> None:
    kinds = frozenset({"government", "legislature"})
    answer = kind_lists.people_of_kind(scope, kinds, "officials", "North Korea", None)
    named = {i.title for s in answer.sections for i in s.items}
    # Joseph Yun was the U.S. special representative *for North Korea policy*.
    assert named == {"Kim Jong Un", "Kim Yong Chol"}


def test_every_listed_person_is_cited(scope: Scope) -> None:
    kinds = frozenset({"government"})
    answer = kind_lists.people_of_kind(scope, kinds, "leaders", None, None)
    items = [i for s in answer.sections for i in s.items]
    assert items and all(i.refs for i in items)
    assert "Xi Jinping" in {i.title for i in items}


def test_organisations_of_a_kind(scope: Scope) -> None:
    answer = kind_lists.organizations_of_kind(scope, "media", "news outlets")
    named = {i.title for s in answer.sections for i in s.items}
    assert {"Reuters", "Radio Free Asia", "The Washington Post"} <= named
    assert "Human Rights Watch" not in named
