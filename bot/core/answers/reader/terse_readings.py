"""Readings of a question typed as a few keywords: "freedom house 2012 letter?".

A group and a letter, and nothing else but a question mark, ask whether the group signed
the letter ("hrw 2012?", "csw on the 2019 list?"). The group comes first: "2018 ltr on the
COI?" asks what the letter says of the Commission of Inquiry.
"""

from __future__ import annotations

from bot.core.answers.facts import letter_facts, topics
from bot.core.answers.reader.context import Context, Reading, letter_fit
from bot.core.answers.reader.question import Question

#: Words a keyword question may hold besides the names and the year.
_LETTER_WORDS = frozenset(
    "the a letter ltr list one open joint on in to kim moon right signer signers set "
    # "hrw in 2018 signatories?", "radio_free_asia ∈ signatories of 2018?"
    "signatory signatories among of".split()
)
#: Words of a tag after the keywords ("…, 2012 letter? yes or no").
_TAG_WORDS = frozenset("yes or no true false right bool".split())
#: Words that ask of the signatories, whoever the group is ("rfa in 2018 signatories?").
_SIGNER_WORDS = frozenset("signer signers signatory signatories".split())
#: Kinds of organisation that sign letters; a UN body or a government is a topic of one.
_SIGNING_KINDS = frozenset({"ngo", "coalition", "media", "other"})


def terse_readings(context: Context) -> list[Reading]:
    """ "freedom house 2012 letter?": did the group sign the letter."""
    q, scope, letter = context.question, context.scope, context.letter
    if letter is None or not context.orgs or not _keywords_only(q):
        return []
    org = scope.kb.organizations[context.orgs[0]]
    first = min(m.start for m in q.mentions if m.kind != "person") if q.mentions else 0
    named_first = any(m.entity_id == org.id and m.start == first for m in q.mentions)
    described = q.described is not None and q.described.entity_id == org.id
    if org.kind not in _SIGNING_KINDS or not named_first or described:
        return []  # "2012 list — the belgian org?": which one it is, a country filter
    asks_signers = bool(_SIGNER_WORDS & set(q.norm.split()))
    if not scope.kb.letters_signed_by(org.id) and not asks_signers:
        # "2012 letter red cross?": a body no letter lists as a signer is its topic
        surface = next(m.surface for m in q.mentions if m.entity_id == org.id)
        return [
            Reading(
                "topic",
                6.0 + letter_fit(context),
                f"does {letter.title} speak of {org.name}",
                lambda: topics.topic(scope, letter, surface or org.name, yes_no=True),
                subject=letter.id,
            )
        ]
    return [
        Reading(
            "signed",
            6.0 + letter_fit(context),
            f"did {org.name} sign {letter.title}",
            lambda: letter_facts.signed(scope, org, letter),
            subject=org.id,
        )
    ]


def _keywords_only(q: Question) -> bool:
    """Only names, a year and letter words, with a question mark, and a letter spoken of."""
    named = {i for m in q.mentions for i in range(m.start, m.end)}
    tokens = q.norm.split()
    left = {t for i, t in enumerate(tokens) if i not in named and not t.isdigit()}
    speaks_of_a_letter = bool(q.years) or bool({"letter", "ltr", "list"} & set(tokens))
    # "Liberty in North Korea, 2012 letter? yes or no": a tag says how to answer
    asks = q.text.rstrip().endswith("?") or tokens[-1:] in (["no"], ["true"], ["right"], ["bool"])
    return asks and speaks_of_a_letter and left <= _LETTER_WORDS | _TAG_WORDS
