"""People found by a description of their role, not only by an exact alias."""

from __future__ import annotations

import pytest

from bot.core.kb.corpus import KnowledgeBase
from bot.core.search.roles import canonical_words, match_roles


@pytest.mark.parametrize(
    ("description", "person"),
    [
        ("the deputy Asia director at HRW", "phil-robertson"),
        ("HRW's Asia director", "brad-adams"),
        ("the UN's North Korea human rights investigator", "tomas-ojea-quintana"),
        ("the Republican senator from Florida", "marco-rubio"),
        ("the Maryland Democrat", "ben-cardin"),
        ("R-Fla.", "marco-rubio"),
        ("the former US envoy for North Korea", "joseph-yun"),
        ("the president of South Korea", "moon-jae-in"),
        ("CSW's East Asia team leader", "benedict-rogers"),
        # "American" is the president's, not the envoy's: the envoy is North Korea's
        ("the North Korean envoy the American president met", "kim-yong-chol"),
    ],
)
def test_role_descriptions_find_their_holder(
    bundled_kb: KnowledgeBase, description: str, person: str
) -> None:
    """The best match is the person whose role the words describe."""
    matches = match_roles(bundled_kb, description)
    assert matches and matches[0].person_id == person, matches


def test_a_word_the_role_lacks_counts_against_it(bundled_kb: KnowledgeBase) -> None:
    """ "Deputy" keeps the Asia director well below the deputy."""
    matches = {m.person_id: m.score for m in match_roles(bundled_kb, "deputy Asia director HRW")}
    assert matches["phil-robertson"] > matches.get("brad-adams", 0) + 3


def test_no_role_word_no_match(bundled_kb: KnowledgeBase) -> None:
    """A question without a role word describes nobody."""
    assert match_roles(bundled_kb, "who signed the 2018 letter?") == []


def test_synonyms_map_to_the_data_words() -> None:
    """Users' words for roles become the words the data uses."""
    assert canonical_words("UN investigator, lawmaker (D-Md.)") == [
        "un",
        "rapporteur",
        "senator",
        "democrat",
        "maryland",
    ]
