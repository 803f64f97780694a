"""The /ask reader's tables of a laid-over knowledge base, patched from the base's.

Computed afresh, the tables stem every text of the corpus: seconds each at 100,000
entities. A server's entries or an edited data file touch a handful of entities, so each
extender runs the table's own code on those entities only (a small knowledge base) and
patches the base's table with the result. Where a table keeps rarities instead of counts,
the counts are recovered and checked exactly (see `rarity`); where an extender cannot be
sure (a rule it does not know, a word that was too common to list) it returns None and the
table is computed afresh. Tests compare every extended table with a fresh computation.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Any

from bot.core.answers.reader import letter_words, org_descriptions
from bot.core.kb.knowledge import KnowledgeBase
from bot.core.kb.layered import Delta, Extender
from bot.core.kb.models import Entity, Letter, Quote
from bot.core.views import roles
from bot.core.views.rarity import add_counts, counts, plain, rarities, small_kb, smoothed

Compute = Callable[[KnowledgeBase], Any]


def _ids(entities: Iterable[Entity]) -> set[str]:
    return {e.id for e in entities}


def _touched(delta: Delta, table: str) -> set[str]:
    return _ids((*delta.old.get(table, ()), *delta.new.get(table, ())))


def letter_word_bags(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Compute
) -> Any:
    """`letter_words.word_bags`: each letter's stems, and `log(total / n)` per stem."""
    base_bags, _ = value
    fresh, _ = compute(small_kb(letters=delta.new.get("letters", ())))
    bags = {i: fresh[i] if i in fresh else base_bags[i] for i in view.letters}
    base_counts = base.derived("letter_word_counts", _letter_word_counts)
    if base_counts is None:
        return None
    word_counts = dict(base_counts)
    for old in delta.old.get("letters", ()):
        add_counts(word_counts, base_bags[old.id], -1)
    for bag in fresh.values():
        add_counts(word_counts, bag, 1)
    return bags, rarities(word_counts, len(bags), plain)


def _letter_word_counts(kb: KnowledgeBase) -> dict[str, int] | None:
    """How many letters use each stem, behind `letter_word_bags` (kept for the next view)."""
    bags, idf = kb.derived("letter_word_bags", letter_words.word_bags)
    return counts(idf, len(bags), plain)


def letters_by_word(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Compute
) -> Any:
    """`letter_words.letters_by_word`: each stem → its letters, stems of many letters left out."""
    bags, idf = view.derived("letter_word_bags", letter_words.word_bags)
    _, base_idf = base.derived("letter_word_bags", letter_words.word_bags)
    base_bags, _ = base.derived("letter_word_bags", letter_words.word_bags)
    touched = _touched(delta, "letters")
    words: set[str] = set()
    for letter_id in touched:
        words.update(base_bags.get(letter_id, ()), bags.get(letter_id, ()))
    position = {letter_id: i for i, letter_id in enumerate(view.letters)}
    index = dict(value)
    for word in words:
        count = 0
        if word in idf:
            found = counts({word: idf[word]}, len(bags), plain)
            if found is None:
                return None
            count = found[word]
        if not count or count > letter_words.COMMON_WORD:
            index.pop(word, None)
            continue
        if word in value:
            ids = [i for i in value[word] if i not in touched]
        elif word not in base_idf:
            ids = []
        else:  # too common to list in the base: read the letters again
            ids = [i for i, bag in bags.items() if word in bag and i not in touched]
        ids += [i for i in touched if word in bags.get(i, ())]
        if len(ids) != count:
            return None
        index[word] = tuple(sorted(ids, key=position.__getitem__))
    return index


def _statements(kb: KnowledgeBase) -> int:
    """How many texts `topic_match.statement_idf` weighs: statements, summaries, quotes."""
    said = sum(len(x.demands) + len(x.abuses_cited) + len(x.excerpts) for x in kb.letters.values())
    return said + len(kb.letters) + len(kb.quotes)


def _patched_rarities(
    name: str,
    compute: Compute,
    delta: Delta,
    tables: tuple[str, ...],
    total: Callable[[KnowledgeBase], int],
    base: KnowledgeBase,
) -> dict[str, float] | None:
    """A smoothed rarity table over texts of `tables`: the touched entities' counts swapped."""
    base_total = total(base)
    # Kept on the base for the next view; read through `kb`, so it depends on what it read.
    base_counts = base.derived(
        f"{name}_counts", lambda kb: counts(kb.derived(name, compute), max(total(kb), 1), smoothed)
    )
    if base_counts is None:
        return None
    word_counts = dict(base_counts)
    for side, sign in ((delta.old, -1), (delta.new, 1)):
        part = small_kb(**{t: side.get(t, ()) for t in tables})
        part_total = total(part)
        if not part_total:
            continue
        part_counts = counts(compute(part), part_total, smoothed)
        if part_counts is None:
            return None
        for word, count in part_counts.items():
            word_counts[word] = word_counts.get(word, 0) + sign * count
        base_total += sign * part_total
    return rarities(word_counts, max(base_total, 1), smoothed)


def statement_idf(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Compute
) -> Any:
    """`topic_match.statement_idf`: rarity of stems across statements, summaries and quotes."""
    return _patched_rarities(
        "statement_idf", compute, delta, ("letters", "quotes"), _statements, base
    )


def quote_word_idf(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Compute
) -> Any:
    """`who_said.quote_idf`: rarity of stems across quotes."""
    return _patched_rarities(
        "quote_word_idf", compute, delta, ("quotes",), lambda kb: len(kb.quotes), base
    )


def event_word_bags(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Compute
) -> Any:
    """`event_clues.event_bags`: title and summary stems per event, `log(1 + total / n)`."""
    base_titles, base_summaries, base_idf = value
    fresh_titles, fresh_summaries, _ = compute(small_kb(events=delta.new.get("events", ())))
    word_counts = counts(base_idf, max(len(base_titles), 1) * 2, smoothed)
    if word_counts is None:
        return None
    for old in delta.old.get("events", ()):
        add_counts(word_counts, base_titles[old.id], -1)
        add_counts(word_counts, base_summaries[old.id], -1)
    for event_id in fresh_titles:
        add_counts(word_counts, fresh_titles[event_id], 1)
        add_counts(word_counts, fresh_summaries[event_id], 1)
    titles = {i: fresh_titles[i] if i in fresh_titles else base_titles[i] for i in view.events}
    summaries = {
        i: fresh_summaries[i] if i in fresh_summaries else base_summaries[i] for i in view.events
    }
    return titles, summaries, rarities(word_counts, max(len(titles), 1) * 2, smoothed)


def _said_order(quote: Quote) -> tuple[str, str]:
    return (quote.date or "", quote.id)


def quotes_by_date(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Compute
) -> Any:
    """Every quote, oldest first (`cards.quotes`)."""
    touched = _touched(delta, "quotes")
    chosen = [q for q in value if q.id not in touched] if delta.old.get("quotes") else list(value)
    for quote in delta.new.get("quotes", ()):
        bisect.insort(chosen, quote, key=_said_order)
    return chosen


def _letter_order(letter: Letter) -> tuple[str, str]:
    return (letter.date, letter.id)


def letters_by_date(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Compute
) -> Any:
    """Every letter, oldest first (`cards.letters`)."""
    touched = _touched(delta, "letters")
    chosen = [x for x in value if x.id not in touched]
    for letter in delta.new.get("letters", ()):
        bisect.insort(chosen, letter, key=_letter_order)
    return chosen


def org_description_bags(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Compute
) -> Any:
    """`org_descriptions.org_bags`: the touched organisations' words swapped in."""
    fresh = compute(small_kb(organizations=delta.new.get("organizations", ())))
    touched = _touched(delta, "organizations")
    bags = {i: b for i, b in value.bags.items() if i not in touched} | fresh.bags
    places = {i: p for i, p in value.places.items() if i not in touched} | fresh.places
    named = {i: n for i, n in value.named.items() if i not in touched} | fresh.named
    words: set[str] = set()
    for org_id in touched:
        words.update(value.bags.get(org_id, ()), fresh.bags.get(org_id, ()))
    position = {org_id: i for i, org_id in enumerate(view.organizations)}
    by_word = dict(value.by_word)
    for word in words:
        ids = [i for i in value.by_word.get(word, ()) if i not in touched]
        for org_id in fresh.by_word.get(word, ()):
            bisect.insort(ids, org_id, key=position.__getitem__)
        if ids:
            by_word[word] = tuple(ids)
        else:
            by_word.pop(word, None)
    total = max(len(bags), 1)
    rarity = org_descriptions.word_rarity
    if total == max(len(value.bags), 1):
        idf = {w: r for w, r in value.idf.items() if w not in words}
        idf |= {w: rarity(total, len(by_word[w])) for w in words if w in by_word}
    else:  # every rarity moves with the count of organisations
        idf = {w: rarity(total, len(ids)) for w, ids in by_word.items()}
    return org_descriptions.OrgBags(bags, named, places, idf, by_word)


def union(over: str, lookups: tuple[str, ...] = ()) -> Extender:
    """An extender for a set (a sorted list, a set per key) gathered entity by entity.

    The view's value is the base's plus what the new entities give, as long as what the
    replaced or removed ones gave is still given, and the tables looked up in (`lookups`)
    lost or changed nothing.
    """

    def patch(
        base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Compute
    ) -> Any:
        if any(delta.old.get(t) for t in lookups):
            return None
        looked_up = {t: getattr(view, t) for t in lookups}
        gained = compute(small_kb(**{over: delta.new.get(over, ())}, **looked_up))
        lost = compute(small_kb(**{over: delta.old.get(over, ())}, **looked_up))
        if isinstance(value, dict):  # a set per key
            if any(not found <= gained.get(k, set()) for k, found in lost.items()):
                return None
            merged = dict(value)
            for k, found in gained.items():
                merged[k] = merged[k] | found if k in merged else found
            return merged
        if not set(lost) <= set(gained):
            return None
        if isinstance(value, list):
            return sorted(set(value) | set(gained))
        return type(value)(value | set(gained))

    return Extender(patch, frozenset({over, *lookups}))


def _on(patch: Callable[..., Any], *reads: str) -> Extender:
    return Extender(patch, frozenset(reads))


#: The reader's tables that are patched rather than computed afresh, by their derived name.
#: Tables not listed here (cheap ones over 5,000 letters, or ones nothing here knows) are
#: computed afresh when the layer touched what they read.
EXTENDERS: dict[str, Extender] = {
    "letter_word_bags": _on(letter_word_bags, "letters"),
    "letters_by_word": _on(letters_by_word, "letters"),
    "statement_idf": _on(statement_idf, "letters", "quotes"),
    "quote_word_idf": _on(quote_word_idf, "quotes"),
    "event_word_bags": _on(event_word_bags, "events"),
    "quotes_by_date": _on(quotes_by_date, "quotes"),
    "letters_by_date": _on(letters_by_date, "letters"),
    "signer_countries": union("letters", ("organizations",)),
    "place_names": union("organizations"),
    "quoted_speakers": union("quotes", ("records", "people", "organizations")),
    "role_holders": union("people"),
    "recipient_places": union("letters", ("people", "organizations")),
    "role_bags": _on(roles.role_bags, "people", "organizations"),
    "role_place_words": _on(roles.place_words_patch, "organizations"),
    "role_country_words": union("organizations"),
    "role_titles": union("people"),
    "org_description_bags": _on(org_description_bags, "organizations"),
}
