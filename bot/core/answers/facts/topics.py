"""What a letter says about a topic, and what the sources do not cover.

A topic is matched by its stemmed words against the letter's own statements (demands,
abuses cited, passages quoted from it, summary) and the quotes about it. When nothing
matches, or the question asks for something the sources never report (a reply, a contact),
the first line says so plainly, and what the sources do say follows.
"""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, AnswerBuilder, Item, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.cards.quotes import quote_item
from bot.core.answers.facts.topic_match import (
    FIGURE,
    SUBJECT,
    TOPIC_FIT,
    closest_statements,
    contrary,
    figure_fit,
    share,
    speaks_of,
    spelled_right,
    statement_idf,
    topic_concepts,
)
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter, Statement
from bot.core.kb.sentences import first_sentences, split_sentences
from bot.core.scope import Scope
from bot.core.search.numbers import figures_shown, other_figure, without_scaled
from bot.core.search.stems import concepts


def topic(
    scope: Scope,
    letter: Letter,
    phrase: str,
    figure: bool = False,
    yes_no: bool = True,
    claimed: tuple[int, ...] = (),
) -> Answer:
    """The letter's statements and the quotes about it that speak of `phrase`, best first.

    With `figure` ("how many people were in the camps?") the answer is the best statement
    that gives a number. With `yes_no` ("did it mention hunger?") it opens with Yes, unless
    the statement gives another figure than the one `claimed` ("100,000 prisoners, right?").
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "topic", f"“{phrase}” in {letter.title}")
    phrase = spelled_right(scope, phrase)
    # "a million prisoners?": the figure is checked against the statement, not matched
    matched = " ".join(_FIGURES.sub(" ", without_scaled(phrase)).split()) or phrase
    # "the COI" is matched by what it stands for: the entity's name, as the letter words it.
    named = [
        m.entity_id
        for m in scope.names.find_mentions(phrase)
        if m.kind in ("organization", "event", "person")
    ]
    wording = f"{matched} {kb.name_of(named[0])}" if named else matched
    statements = [("Demand", s) for s in letter.demands]
    statements += [("Cited", s) for s in letter.abuses_cited]
    statements += [("Quoted from the letter", s) for s in letter.excerpts]

    def weight(text: str) -> float:
        return max(share(kb, wording, text), share(kb, matched, text))

    # Words the statements use at all: a typo or chat word can neither match nor count.
    asked = topic_concepts(matched) & kb.derived("statement_idf", statement_idf).keys()

    def fits(text: str) -> bool:
        # A Yes must rest on more than one shared word of several ("close all the prison
        # camps" is not the letter's "closing sentence").
        shared_enough = not yes_no or len(asked) <= 2 or len(asked & concepts(text)) >= 2
        return weight(text) >= TOPIC_FIT and shared_enough

    # The letter's own statements before what a source adds as context about it.
    ranked = sorted(
        statements, key=lambda pair: (pair[1].text.startswith(CONTEXT), -weight(pair[1].text))
    )
    items = [
        Item(label, statement.text, builder.cite(statement.sources))
        for label, statement in ranked
        if fits(statement.text)
    ]
    quotes = [q for q in kb.quotes_about(letter.id) if fits(q.text)]
    told = _summary_sentence(letter.summary, phrase)
    if items and (fits(letter.summary) or told):
        # The summary may say how the letter saw it ("welcomed…") where its demands do not.
        items.append(
            Item(
                "From our summary of its sources",
                told or sentence_with(kb, letter.summary, wording),
                builder.cite(letter.sources),
            )
        )
    with_figures = _figures_on(kb, matched, ranked)
    if figure and with_figures:
        statement = with_figures[0][1]
        builder.direct = (
            f"The {letter.year} letter, as the sources give it: "
            f"{_clause_with_figure(statement.text)} {builder.marks(statement.sources)}"
        )
        # Every figure that fits: a question may ask for two ("held in the camps, and the
        # population?").
        shown = {item.text for item in items}
        items += [
            Item(label, st.text, builder.cite(st.sources))
            for label, st in with_figures
            if st.text not in shown
        ]
    elif told and (stance := _STANCE.search(phrase)):
        # "How did the letter treat the outreach: welcoming or critical?": how it saw it is
        # in the summary of its sources, not in a demand that shares its words.
        # "Did it welcome …?" is Yes where the summary says so; "was it critical?" is told
        # what it did, not answered Yes.
        said = yes_no and bool(concepts(stance.group(0)) & concepts(told))
        opening = "Yes, according to its sources: " if said else "According to its sources: "
        builder.direct = f"{opening}{told} {builder.marks(letter.sources)}"
    elif items:
        first = items[0]
        opening = (
            # What a source adds as context is not the letter's own word ("Context from
            # Radio Free Asia's article rather than the letter: …").
            f"Not in the {letter.year} letter's own text as the sources give it. "
            if first.text.startswith(CONTEXT)
            else f"No. The {letter.year} letter gives another figure, {figures_shown(first.text)}: "
            if yes_no and other_figure(first.text, claimed)
            # "it told Pyongyang to reject foreign aid, right?": it asked the opposite
            else f"No. The {letter.year} letter asks the opposite: "
            if yes_no and contrary(phrase, first.text)
            # "it said more than 200,000 were held, right?": the figure bears it out
            else f"Yes. The {letter.year} letter says so: "
            if yes_no and claimed and figures_shown(first.text)
            else f"Yes. The {letter.year} letter speaks of {phrase}: "
            if yes_no
            else (f"On this, the {letter.year} letter, as the sources give it: ")
        )
        builder.direct = f"{opening}{first.text.rstrip('.')}. {first.ref_marks()}"
    elif fits(letter.summary):
        builder.direct = (
            "Yes, according to its sources: " if yes_no else "According to its sources: "
        ) + f"{sentence_with(kb, letter.summary, wording)} {builder.marks(letter.sources)}"
        # The summary only says it in passing; the letter's own words on it follow.
        nearest = [
            Item(label, st.text, builder.cite(st.sources))
            for label, st in ranked
            if weight(st.text) > 0 and (asked - SUBJECT) & concepts(st.text)
        ]
        if nearest:
            builder.direct += f" Closest in the letter's own words: {nearest[0].text}"
            builder.direct += f" {nearest[0].ref_marks()}"
        items = nearest
    elif noted := [
        (n, sources)
        for n, sources in (
            *((s.note, s.sources) for s in letter.signatories if s.note),
            *((n, letter.sources) for n in letter.notes),
        )
        if fits(n) and _in_note(phrase, n)
    ]:
        # "What does the Moon letter say about Christians?": ICC's note on why it signed
        builder.direct = (
            f"Not in the {letter.year} letter's own text as the sources give it; they note: "
            f"{noted[0][0]} {builder.marks(noted[0][1])}"
        )
    elif quotes:
        builder.direct = (
            f"{'No: the' if yes_no else 'The'} letter's own text, as the sources give it, does "
            f"not mention {phrase}, but people quoted about it do."
        )
    else:
        builder.direct = (
            f"{'No: the' if yes_no else 'The'} sources do not report that the {letter.year} "
            f"letter says anything about {phrase}."
        )
        # "Did the Moon letter mention forced labour?": no, and what it did raise instead.
        raised = [
            s for s in (*letter.abuses_cited, *letter.demands) if not s.text.startswith(CONTEXT)
        ]
        if raised:
            listed = "; ".join(s.text.rstrip(".") for s in raised[:2])
            builder.direct += f" What it raised: {listed}. {builder.marks(raised[0].sources)}"
            # Everything it raised below: the user's words may be others for one of them.
            builder.section(
                "What it raised", [Item("•", s.text, builder.cite(s.sources)) for s in raised]
            )
        # "The 2012 letter asked for food aid, right?": another letter did; say which.
        # Only the statements that share the topic's rarer words are tried (the index
        # `closest_statements` keeps), not every letter's on a large knowledge base.
        elsewhere = next(
            (
                (other, st)
                for other, st in closest_statements(kb, phrase, limit=_ELSEWHERE)
                if other.id != letter.id
                and st in (*other.demands, *other.abuses_cited)
                and fits(st.text)
                and not st.text.startswith(CONTEXT)
            ),
            None,
        )
        if elsewhere is not None:
            other, st = elsewhere
            builder.direct += (
                f" The {other.year} letter does speak of it: {st.text.rstrip('.')}. "
                f"{builder.marks(st.sources)}"
            )
    builder.section("What the letter says", items)
    builder.section("What was said about it", [quote_item(scope, builder, q) for q in quotes])
    builder.suggestions += [f"What did the {letter.year} letter demand?"]
    builder.interpretation = f"what {letter.title} says about {phrase}"
    return builder.build(found=True)


def _figures_on(
    kb: KnowledgeBase, phrase: str, ranked: list[tuple[str, Statement]]
) -> list[tuple[str, Statement]]:
    """The statements with a figure that fit what the figure is asked of, best first.

    A fit of half the topic's bar is enough, and so is a weaker one twice any other's: the
    question's words also describe the letter ("the letter Amnesty and 40 groups put out
    said a population lives in fear. How many?"), which dilutes every statement's fit alike.
    """
    scored = sorted(
        (
            (figure_fit(kb, phrase, st.text), label, st)
            for label, st in ranked
            if FIGURE.search(st.text)
        ),
        key=lambda item: -item[0],
    )
    if not scored:
        return []
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    bar = TOPIC_FIT / 2 if scored[0][0] < 2 * runner_up else min(TOPIC_FIT / 2, _STANDS_OUT)
    return [(label, st) for fit, label, st in scored if fit >= bar]


#: A figure statement this fit, and twice as fit as any other, is the one asked of.
_STANDS_OUT = 0.12


#: How a cited abuse that a source gives as context, not as the letter's, begins.
CONTEXT = "Context from"


def _in_note(phrase: str, note: str) -> bool:
    """Whether a curator's note holds most of the topic's own words (not years or "letter")."""
    own = {w for w in concepts(phrase) - SUBJECT - _LETTER_WORDS if not w.isdigit()}
    return bool(own) and 3 * len(own & concepts(note)) >= 2 * len(own)


_LETTER_WORDS = frozenset(concepts("letter letters release year"))


#: Statements of other letters tried for a topic the letter asked of does not speak of.
_ELSEWHERE = 5
#: A figure in words in a topic ("claimed like a million"), with the words that hedge it,
#: set aside when statements are matched (a figure in digits is matched as its digits).
_FIGURES = re.compile(
    r"\b(?:(?:claimed|said|like|about|around|roughly|some|nearly|almost|over|more than) )*"
    r"(?:a |one )?(?:million|thousand|billion)s?\b"
)
#: Words asking how the letter saw something, not whether it mentioned it.
_STANCE = re.compile(
    r"\b(?:view\w*|treat\w*|see|saw|regard\w*|react\w*|feel|felt|attitude|stance|position|"
    r"positive\w*|negative\w*|critical|criticis\w*|criticiz\w*|welcom\w*|supportive|"
    r"dismissive|hostile|approv\w*|opinion)\b"
)


def _summary_sentence(summary: str, phrase: str) -> str:
    """The summary's sentence sharing most of the topic's own words (two at least), or "".

    "How did the letter see North Korea's outreach to other countries?" is told by "it
    welcomed North Korea's growing contact with other countries", a sentence too long to fit
    the whole topic by weight.
    """
    asked = concepts(phrase) - SUBJECT
    scored = [(len(asked & concepts(s)), s) for _, s in split_sentences(" ".join(summary.split()))]
    best = max(scored, default=(0, ""), key=lambda pair: pair[0])
    return best[1] if best[0] >= 2 else ""


def _clause_with_figure(text: str) -> str:
    """The clause of a long statement that holds its number ("… ending 70 years of …")."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) <= _SHORT_STATEMENT:
        return text + "."
    clauses = [c.strip() for c in re.split(r",|;| and (?=\w+ing\b)", text)]
    with_number = next((c for c in clauses if FIGURE.search(c)), None)
    return f"… {with_number} …" if with_number else text + "."


#: Up to this many characters a statement is quoted whole.
_SHORT_STATEMENT = 160


def sentence_with(kb: KnowledgeBase, text: str, phrase: str) -> str:
    """The clause of `text` that speaks of `phrase` (the whole first sentence if none does)."""
    for _, sentence in split_sentences(" ".join(text.split())):
        if speaks_of(kb, phrase, sentence):
            clauses = [c.strip() for c in re.split(r",|;| and (?=\w+ing\b)", sentence)]
            best = next((c for c in clauses if speaks_of(kb, phrase, c)), None)
            return f"… {best.rstrip('.')} …" if best and len(sentence) > 160 else sentence
    return first_sentences(text)


def in_the_notes(
    scope: Scope, letter: Letter, question: str, whole: str | None = None
) -> Answer | None:
    """What the sources record about their own gaps, when that is what is asked.

    The curators noted what the sources leave open ("the article does not say whether the
    coalition itself is counted among the 76"); a question about exactly that is answered
    from the note, first. `whole` is the question the `question`'s words were taken from.
    """
    kb = scope.kb
    # (note, its sources, whose it is): a signatory's note is about that signatory alone
    notes: list[tuple[str, tuple[str, ...], str]] = [(n, letter.sources, "") for n in letter.notes]
    # "which groups does the release's text name": the letter's own note lists them; a
    # note on one signatory answers only for that one
    if not _GROUPS.search(whole or question):
        notes += [
            (s.note, s.sources, kb.name_of(s.organization)) for s in letter.signatories if s.note
        ]
    notes += [(c.note, c.sources, "") for c in letter.reported_counts if c.note]
    if letter.date_note:
        notes.append((letter.date_note, letter.sources, ""))
    best = max(notes, key=lambda note: share(kb, question, note[0]), default=None)
    if best is None or share(kb, question, best[0]) < NOTE_FIT:
        return None
    # The weighted share ignores words no statement uses ("printed", "list"); counted
    # plainly, most of what is asked must be in the note too.
    asked = concepts(question)
    if 2 * len(asked & concepts(best[0])) < len(asked):
        return None
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, kb, best[1])
    return with_direct(
        card,
        # "Free NK Gulag: … a group of prison-camp survivors": whose note it is leads
        f"The sources' record on this: {f'{best[2]}: ' if best[2] else ''}{best[0]} {marks}",
        f"what the sources note about {letter.title}",
        (),
        "letter",
    )


#: How much of a question a curator's note must speak of to answer it.
NOTE_FIT = 0.7
#: Groups in the plural: asked of the letter, not of one signatory.
_GROUPS = re.compile(r"\b(?:groups|organi[sz]ations|orgs|ngos|charities|signatories|members)\b")
