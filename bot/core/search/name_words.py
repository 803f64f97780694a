"""Words that are not names, or not typos of names, whatever a name table holds."""

from __future__ import annotations

#: Words common in questions, never corrected into a name: "signed" is near a name word at
#: 10,000 entities, "joining" near Jinping.
NEVER_CORRECTED = frozenset(
    "signed signing signs sign signatories signatory signers letter letters which what when where "
    "whose about said says saying demand demands demanded asked asking wrote written sent send "
    "addressed organised organized coordinated quoted quotes quote statement countries country "
    "people person group groups organisation organization organisations organizations there their "
    "they these those were does did have has been from with against before after between first "
    "last many much more most connect connects connected connection join joined joining school "
    "schools".split()
)
#: Endings that make a short name word an ordinary English word ("linked", "linking"); not
#: "s", which surnames take for "'s" ("rubios reasoning").
ENDINGS = frozenset({"ed", "ing", "er", "ers", "ly"})
#: Name words this short or shorter take no English ending ("link" in "linked").
SHORT_NAME_WORD = 5
#: Words shorter than this are never typo-corrected ("un", "nk", "the").
MIN_CORRECTABLE = 4
#: Words that are English before they are half of a name split in two ("do i" is no "Doi").
FUNCTION_WORDS = frozenset(
    "a an and at be do he i in is it me my no of on or so the to us we".split()
)
#: Words that never form a name on their own, even if some alias is exactly that word.
NOT_NAMES = frozenset(
    "the a an of for and in on to by who what letter letters north korea korean human rights "
    "international".split()
)


def the_noun_link(tokens: list[str], start: int, end: int, surface: str) -> bool:
    """Whether "link" at tokens[start:end] is the word, not the group LiNK.

    "the link between talks and rights", "any link to the summit".
    """
    if surface != "link":
        return False
    before = tokens[start - 1] if start > 0 else ""
    after = tokens[end] if end < len(tokens) else ""
    return after in ("between", "with") or before in ("a", "any", "no", "some", "direct")


def is_function_word_pair(tokens: list[str], i: int) -> bool:
    """Whether tokens i and i+1 hold a function word: "do i" is no split "Doi"."""
    return tokens[i] in FUNCTION_WORDS or tokens[i + 1] in FUNCTION_WORDS
