"""How two letters' reported counts compare: signers, groups represented, countries.

Every computed number says how it was computed and from which cited facts ("76 − 52 = 24,
from [1][2]"). A count the sources give only as a floor ("more than 300") is not put in
order against another floor: the answer says what each letter reports instead.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.kb.models import Letter, ReportedCount
from bot.core.scope import Scope


def signer_total(letter: Letter) -> tuple[int, str, tuple[str, ...]] | None:
    """The letter's reported total of signers, how it is reached, and its sources.

    A total the sources give ("52 organizations") is used as it is; one they give in parts
    ("3 major organisations … and 40 other organisations") is added up, and says so.
    """
    whole = letter.signers_reported
    if whole is not None:
        return whole.count, f"{whole.count:,}", whole.sources
    parts = [
        c
        for c in letter.reported_counts
        if "organi" in c.unit and not any(w in c.unit for w in ("represent", "countr"))
    ]
    if len(parts) < 2:
        return None
    total = sum(c.count for c in parts)
    shown = " + ".join(f"{c.count:,}" for c in parts)
    return (
        total,
        f"{total:,} ({shown}, as the sources report it in parts)",
        tuple(s for c in parts for s in c.sources),
    )


def more_signers(
    scope: Scope, first: Letter, second: Letter, claim: tuple[Letter, bool] | None = None
) -> Answer:
    """How many more signed one letter than the other: reported totals, then named ones.

    `claim` (a letter, and whether it is said to have more) opens the answer with yes or no.
    """
    builder = AnswerBuilder(
        scope.kb, "compare", f"Signers: {first.year} letter vs {second.year} letter"
    )
    totals = [signer_total(first), signer_total(second)]
    if totals[0] and totals[1]:
        (a, a_text, a_sources), (b, b_text, b_sources) = totals[0], totals[1]
        big_letter, small_letter = (first, second) if a >= b else (second, first)
        big, small = max(a, b), min(a, b)
        big_text, small_text = (a_text, b_text) if a >= b else (b_text, a_text)
        builder.direct = (
            f"The {big_letter.year} letter had {big - small:,} more signers than the "
            f"{small_letter.year} letter: {big:,} − {small:,} = {big - small:,}, from the counts "
            f"the sources report ({big_letter.year}: {big_text}; {small_letter.year}: "
            f"{small_text}) {builder.marks(a_sources)}{builder.marks(b_sources)}."
        )
        if claim is not None and big != small:
            right = (claim[0].id == big_letter.id) == claim[1]
            builder.direct = ("Yes. " if right else "No. ") + builder.direct
    else:
        missing = [x.year for x, t in zip((first, second), totals, strict=True) if t is None]
        builder.direct = (
            "The sources report no total of signers for the "
            + " and ".join(f"{y} letter" for y in missing)
            + ", so the totals cannot be compared."
        )
    named_a, named_b = len(first.signatories), len(second.signatories)
    builder.lead.append(
        f"Signatories we can name: {named_a} ({first.year}) and {named_b} "
        f"({second.year}); the named lists are not the full lists."
    )
    _counts_section(builder, first, second)
    builder.interpretation = f"how many more signed: {first.year} vs {second.year} letter"
    return builder.build()


#: What a count other than the signers' may count, by a word of its unit.
COUNTED = {"represent": "groups represented by the signers", "countr": "countries"}


def other_counts(
    scope: Scope, first: Letter, second: Letter, counted: str, same_asked: bool = False
) -> Answer:
    """Two letters' counts of the groups their signers represent, or of their countries.

    "Which letter represented more NGOs?" Two floors ("more than 300" each) put nothing in
    order; the answer says so. With `same_asked` ("the same figure both times?") it opens
    with yes or no.
    """
    what = COUNTED[counted]
    builder = AnswerBuilder(
        scope.kb, "compare", f"{what.capitalize()}: {first.year} vs {second.year}"
    )
    given = [(x, c) for x in (first, second) if (c := _count_of(x, counted)) is not None]
    if len(given) == 2:
        (a, count_a), (b, count_b) = given
        each = (
            f"the {a.year} letter reports {count_a.describe()} {builder.marks(count_a.sources)} "
            f"and the {b.year} letter {count_b.describe()} {builder.marks(count_b.sources)}"
        )
        alike = count_a.count == count_b.count and count_a.qualifier == count_b.qualifier
        if same_asked:
            shared = count_a.describe().removesuffix(count_a.unit).strip()
            builder.direct = (
                f"Yes, the same figure: both report {shared}: {each}."
                if alike
                else f"No, the figures differ: {each}."
            )
        elif _surely_more(count_a, count_b) or _surely_more(count_b, count_a):
            bigger = a if _surely_more(count_a, count_b) else b
            builder.direct = f"The {bigger.year} letter, by the counts reported: {each}."
        elif alike:
            shared = count_a.describe().removesuffix(count_a.unit).strip()
            builder.direct = (
                f"The same: {each}."
                if count_a.qualifier == "exactly"
                else f"Both report {shared}: {each}. Neither figure is exact, so the sources "
                "do not show which was more."
            )
        else:
            # "more than 300" against "400": a floor has no ceiling to compare
            builder.direct = f"The sources do not show which was more: {each}."
    elif given:
        (letter, count), missing = given[0], second if given[0][0] is first else first
        builder.direct = (
            f"Only the {letter.year} letter has such a count: {count.describe()} "
            f"{builder.marks(count.sources)}. The sources give none for the {missing.year} "
            "letter."
        )
    else:
        builder.direct = f"The sources give no count of {what} for either letter."
    _counts_section(builder, first, second)
    builder.interpretation = f"{what}: {first.year} vs {second.year} letter"
    return builder.build(found=bool(given))


#: Qualifiers of a count with no upper bound: "more than 300" may be any number above it.
_FLOORS = frozenset({"more-than", "at-least"})


def _surely_more(a: ReportedCount, b: ReportedCount) -> bool:
    """Whether count `a` is certainly larger than count `b`, given how each is qualified."""
    if b.qualifier in _FLOORS:
        return False
    return a.count > b.count or (a.count == b.count and a.qualifier == "more-than")


def _count_of(letter: Letter, counted: str) -> ReportedCount | None:
    """The letter's reported count whose unit holds `counted`, if any."""
    return next((c for c in letter.reported_counts if counted in c.unit), None)


def _counts_section(builder: AnswerBuilder, *letters: Letter) -> None:
    """Every count the sources report for the letters, cited, under the answer."""
    builder.section(
        "Reported counts",
        [
            Item(f"{x.year} letter", c.describe(), builder.cite(c.sources))
            for x in letters
            for c in x.reported_counts
        ],
    )


def most_signers(scope: Scope, fewest: bool = False) -> Answer:
    """Which letter had the most (or fewest) signers, by the totals the sources report.

    The lead says by how much it differs from the next, computed and cited ("76 − 52 =
    24"); a letter with no reported total is named as such, not ranked.
    """
    word = "fewest" if fewest else "most"
    builder = AnswerBuilder(scope.kb, "compare", f"The letter with the {word} signers")
    letters = sorted(scope.kb.letters.values(), key=lambda x: x.date)
    totals = [(x, t) for x in letters if (t := signer_total(x)) is not None]
    totals.sort(key=lambda pair: pair[1][0], reverse=not fewest)
    shown = "; ".join(
        f"{x.year}: {text} {builder.marks(sources)}" for x, (_, text, sources) in totals
    )
    if not totals:
        builder.direct = "The sources report no total of signers for any letter."
    elif len(totals) > 1 and totals[0][1][0] == totals[1][1][0]:
        builder.direct = f"No one letter: the totals tie ({shown})."
    else:
        top, (count, _, _) = totals[0]
        builder.direct = (
            f"The {top.year} letter ({top.title}), with {count:,} signers as the sources "
            f"report it ({shown})."
        )
        if len(totals) > 1:
            runner, (next_count, _, _) = totals[1]
            big, small = max(count, next_count), min(count, next_count)
            builder.direct += (
                f" That is {big - small:,} {'fewer' if fewest else 'more'} than the next, the "
                f"{runner.year} letter: {big:,} − {small:,} = {big - small:,}."
            )
    ranked = {x.id for x, _ in totals}
    unranked = [str(x.year) for x in letters if x.id not in ranked]
    if unranked:
        builder.lead.append(f"The sources report no total for the {' and '.join(unranked)} letter.")
    builder.lead.append(
        "Signatories we can name: "
        + ", ".join(f"{len(x.signatories)} ({x.year})" for x in letters)
        + "; the named lists are not the full lists."
    )
    _counts_section(builder, *letters)
    builder.interpretation = f"the letter with the {word} signers"
    return builder.build(found=bool(totals))
