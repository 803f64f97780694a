"""Names typed with slips: a word split in two, a typo inside a longer name."""

from __future__ import annotations

from bot.core.kb.corpus import KnowledgeBase
from bot.core.search.names import NameIndex


def _found(names: NameIndex, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.entity_id) for m in names.find_mentions(text)]


def test_a_name_word_split_in_two_is_joined(bundled_kb: KnowledgeBase) -> None:
    names = NameIndex(bundled_kb.entities())
    found = _found(names, "did christian solidarity world wide sign it")
    assert found == [("christian solidarity world wide", "christian-solidarity-worldwide")]
    # two words that are each a name word, but not one together, stay two
    assert ("north korea", "north-korean-government") in _found(names, "north korea said")


def test_a_corrected_name_wins_over_a_shorter_one_inside_it(bundled_kb: KnowledgeBase) -> None:
    """ "comittee … in north korea": not the government, found first inside the name."""
    names = NameIndex(bundled_kb.entities())
    found = _found(names, "is the comittee for human rights in north korea american")
    assert found == [
        ("comittee for human rights in north korea", "committee-for-human-rights-in-north-korea")
    ]


def test_an_acronym_in_capitals_with_swapped_letters(bundled_kb: KnowledgeBase) -> None:
    """ "FHID" is FIDH; the same letters in lower case are left to the usual correction."""
    names = NameIndex(bundled_kb.entities())
    assert _found(names, "did FHID sign") == [("fhid", "fidh")]
    assert _found(names, "what did nick say") == []


def test_a_first_name_then_a_misspelt_rest_names_the_whole_person(
    bundled_kb: KnowledgeBase,
) -> None:
    """ "Kim Jung Un" is Kim Jong Un, not "Kim" and the UN; "Kim Yong Cho" is Kim Yong Chol."""
    names = NameIndex(bundled_kb.entities())
    assert _found(names, "who is kim jung un") == [("kim jung un", "kim-jong-un")]
    assert _found(names, "who is kim yong cho") == [("kim yong cho", "kim-yong-chol")]
    # a first name followed by other words stays the name it is
    assert _found(names, "did kim meet trump") == [
        ("kim", "kim-jong-un"),
        ("trump", "donald-trump"),
    ]
