"""Readings about a person, an organisation or a role the question names."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.facts import letter_facts as facts
from bot.core.answers.facts import lists
from bot.core.answers.facts.openers import (
    answer_org,
    answer_person,
    answer_unrecorded,
)
from bot.core.answers.facts.org_letters import answer_letters, answer_signed_any, letters_of_years
from bot.core.answers.facts.quote_answers import answer_quotes
from bot.core.answers.reader.clarify import NOT_TO
from bot.core.answers.reader.context import (
    AND_WHICH,
    ARTICLE,
    BOTH,
    INVOLVED,
    SUBJECT_FIT,
    Context,
    Reading,
    letter_fit,
)
from bot.core.answers.reader.opinion_readings import OPINION
from bot.core.answers.reader.phrases import SENT_TO
from bot.core.answers.reader.question import ROLE_CUTOFF, Question
from bot.core.answers.reader.quote_subjects import (
    ACCORDING_TO_CUE,
    COVERAGE,
    WHY_SAID,
    according_to,
    subject_of_quotes,
)
from bot.core.answers.reader.signing_claims import (
    OR_ONLY,
    SEVERAL_LETTERS,
    claims_alone,
    claims_one_letter,
    every_letter,
)

#: How much less likely words are asked of someone the sources never quote.
_NEVER_QUOTED = 1.5
#: Above a profile and the date of the letter the question only hints at.
_SENT_TO_SCORE = 4.0


def person_readings(context: Context) -> list[Reading]:
    """A person named or described: their quotes, who they are, their role somewhere."""
    scope, q = context.scope, context.question
    if not context.people or context.cue("who_said"):
        return []  # in "who said Moon was…", Moon is in the words, not the speaker
    person_id = context.people[0]
    name = scope.kb.name_of(person_id)
    by_role = not q.ids("person") or any(m.kind == "person" and not m.surface for m in q.mentions)
    described = " (by role)" if by_role else ""
    clear_role = bool(q.roles) and q.roles[0].score >= 2 * ROLE_CUTOFF
    subject = subject_of_quotes(context)
    quoted = bool(scope.kb.quotes_by(person_id))
    at = context.orgs[0] if context.orgs else None
    # "which letters went to the South Korean president?": the letters to them; not "which
    # letter wasn't sent to Kim" (the others), nor a yes-or-no the recipient claim answers
    sent_to_them = (
        q.has(SENT_TO)
        and not q.has(NOT_TO)
        and not context.cue("yes_no")
        and bool(scope.kb.letters_to(person_id))
    )
    readings = [
        Reading(
            "quotes",
            # Only someone quoted has words someone reported ("which outlet does the
            # reporter write for" asks about the reporter).
            context.cue("reported_by") + SUBJECT_FIT + 1.0
            if context.cue("reported_by") and quoted
            else 0.0,
            f"who reported {name}'s words",
            lambda: lists.reported_by(scope, person_id, subject),
        ),
        Reading(
            "quotes",
            # "why did Rubio back the act": his words say why; no words, no reason; and a
            # role only described ("which South Korean policy …") may be no one at all
            max(
                context.cue("quotes"),
                context.cue("purpose") * 0.8 if quoted and (not by_role or clear_role) else 0.0,
                # "According to Quintana, what would go wrong if …": his words answer it;
                # so do "why did Rogers say CSW joined the others": his reasons, in his words
                ACCORDING_TO_CUE
                if quoted
                and (
                    according_to(q, person_id)
                    or q.has(WHY_SAID)
                    or (q.has(_QUOTED) and bool(context.cue("yes_no")))  # "was he quoted on …?"
                )
                else 0.0,
            )
            + SUBJECT_FIT
            # "kim 2018 meetings": about what someone never quoted did, unless words are asked
            + (1.0 if subject and (context.cue("quotes") or quoted) else 0.0)
            # "what did the letter call Kim": someone never quoted is more likely spoken of
            - (0.0 if quoted else _NEVER_QUOTED),
            f"quotes by {name}{described}"
            + (
                f" about {scope.kb.name_of(subject)}"
                if subject in scope.kb.records
                else (f" mentioning “{subject}”" if subject else "")
            ),
            lambda: answer_quotes(
                scope,
                [person_id],
                subject,
                yes_no=bool(context.cue("yes_no")) and not q.has(_MORE),
                coverage=q.has(COVERAGE),
            ),
        ),
        Reading(
            "person",
            max(context.cue("profile"), context.cue("sender") if q.has(ARTICLE) else 0.0)
            + SUBJECT_FIT
            # "the senator who co-sponsored the bill with Cardin — who's that?": a person
            + (0.5 if q.has(_WHO_IS) else 0.0),
            f"who is {name}{described}",
            lambda: answer_person(scope, person_id),
        ),
        Reading(
            "person",
            # "Does he work for HRW?" is a yes/no the claim reading answers.
            context.cue("profile")
            + SUBJECT_FIT
            + (1.5 if at else -9.0)
            # "Rogers of CSW … was he quoted on the 2012 letter?": his words, not his post
            - (1.0 if context.cue("yes_no") else 0.0)
            - (3.0 if q.has(_QUOTED) else 0.0),
            f"{name}'s role at {scope.kb.name_of(at or '')}",
            lambda: answer_person(scope, person_id, at=at),
        ),
        Reading(
            "person",
            SUBJECT_FIT + 0.5,
            f"about {name}{described}",
            lambda: answer_person(scope, person_id),
        ),
        Reading(
            "person",
            # "was Rogers quoted on both the 2018 and 2019 letters": his words, not his post
            context.cue("profile")
            + SUBJECT_FIT
            + 3.0
            + (1.0 if q.has(_POST) else 0.0)
            - (3.0 if q.has(_QUOTED) and not q.has(_POST) else 0.0)
            if q.years and context.cue("profile")
            else 0.0,
            f"{name}'s role in " + ", ".join(map(str, q.years)),
            lambda: answer_person(scope, person_id, years=q.years, same_asked=q.has(_SAME)),
        ),
        Reading(
            "letters",
            context.cue("letters") + SUBJECT_FIT + (_SENT_TO_SCORE if sent_to_them else 0.0)
            if not q.has(AND_WHICH)
            else 0.0,
            f"letters to {name}",
            lambda: letter_cards.letters(scope, recipient=person_id),
        ),
        Reading(
            # "Where did Benedict Rogers go to university?": not what the sources record; but
            # "on HRW's staff?" asks where he works
            "not_covered",
            context.cue("unrecorded") + SUBJECT_FIT + 1.0
            if context.cue("unrecorded") and not q.has(_ON_STAFF)
            else 0.0,
            f"{q.text.strip().rstrip('?')} (not in the sources)",
            lambda: answer_unrecorded(scope, person_id, q.text.strip().rstrip("?")),
        ),
    ]
    return [replace(r, subject=person_id) for r in readings]


_QUOTED = re.compile(r"\bquot(?:ed|es?|ing)\b")
_WHAT_IT_DOES = re.compile(r"\bwhat (?:does|did|do|else does) (?:it|they|\w+) do\b")
_ON_STAFF = re.compile(r"\bon (?:the |its |their )?(?:\w+ )?staff\b")


def _named_before(q: Question, entity_id: str) -> bool:
    """Whether the entity is named before "besides" ("did X sign anything besides …")."""
    at = _BESIDES.search(q.norm)
    before = len(q.norm[: at.start()].split()) if at else 0
    return any(m.entity_id == entity_id and m.end <= before for m in q.mentions)


_BESIDES = re.compile(r"\b(?:besides|apart from|other than|except(?: for)?|aside from|excluding)\b")
_WHO_IS = re.compile(r"\bwho(?: s| is| was|s) (?:that|this|he|she|it|they)\b")
#: Whether the posts are asked to be the same; "same guy" is the person, not the post.
_SAME = re.compile(r"\bsame\b(?! (?:guy|person|man|woman|one))|\bchange\w*\b|\bdiffer\w*\b")
#: Words for a post: "phil robertson 2012 vs 2019, same guy diff job?" asks his posts.
_POST = re.compile(r"\b(?:job|role|post|position|title)s?\b")


def _letter_named(q: Question) -> bool:
    """Whether the question names a letter by its year or title, not only by a clue."""
    return bool(q.years or q.ids("letter"))


def org_readings(context: Context) -> list[Reading]:
    """An organisation: what it is, its letters, its people's words, yes-or-no about it."""
    scope, q = context.scope, context.question
    kb = scope.kb
    if not context.orgs:
        return []
    org = kb.organizations[context.orgs[0]]
    # "tell me about the New York group that coordinated the 2018 letter": the group its
    # description finds is asked about, not the coordinating its description mentions
    described = q.described
    asked_about = bool(
        described and described.entity_id == org.id and f" about {described.surface} " in q.norm
    )
    out = [
        Reading(
            "org",
            context.cue("profile") + SUBJECT_FIT + (2.5 if asked_about else 0.0),
            f"about {org.name}",
            lambda: answer_org(scope, org.id),
        ),
        Reading("org", SUBJECT_FIT + 0.5, f"about {org.name}", lambda: answer_org(scope, org.id)),
        Reading(
            "letters",
            # "HRW signed which letter": all of them, when it signed more than one.
            context.cue("letters_by")
            + SUBJECT_FIT
            + (0.5 if context.cue("letters_by") and len(kb.letters_signed_by(org.id)) > 1 else 0.0),
            f"letters signed by {org.name}",
            lambda: answer_letters(scope, org),
        ),
    ]
    speakers = [p.id for p in kb.people_of(org.id) if kb.quotes_by(p.id)]
    if speakers and not context.people:
        subject, yes_no = subject_of_quotes(context), bool(context.cue("yes_no"))
        out.append(
            Reading(
                "quotes",
                context.cue("quotes") + SUBJECT_FIT - 0.5,
                f"quotes by people of {org.name}",
                lambda: answer_quotes(scope, speakers, subject, org.name, yes_no),
            )
        )
    letter = context.letter
    if letter is not None and (q.has(_BY_CLAIM) or (context.cue("yes_no") and q.has(_LED))):
        out.append(
            Reading(
                "sender",
                7.0 + letter_fit(context),
                f"was {letter.title} organised by {org.name}",
                lambda: facts.sender(scope, letter, claimed=org),
            )
        )
    if letter is not None and q.has(_WHY) and q.has(_SIGN_VERB):
        out.append(
            Reading(
                "signed",
                context.cue("purpose") + letter_fit(context) + 2.0,
                f"why {org.name} signed {letter.title}",
                lambda: facts.signed(scope, org, letter, why=True),
            )
        )
    every = every_letter(q)
    # "did HRW sign the 2012 letter, or only the 2018 one?" (years looked up only if asked)
    two = q.has(_TWO_YEARS_JOINED) or q.has(OR_ONLY)
    joined = two and len(letters_of_years(kb, q.years)) >= 2
    if context.cue("signed") and (q.has(BOTH) or q.has(SEVERAL_LETTERS) or joined):
        named = tuple(kb.letters.values()) if every else letters_of_years(kb, q.years)
        # "Did CSW sign both letters to Kim?", "did HRW sign all three?", "did CSW sign the
        # 2018 letter and also the 2019 one?": which letters it signed answers it.
        out.append(
            Reading(
                "signed",
                context.cue("signed") + 3.0,
                f"which letters {org.name} signed",
                lambda: answer_signed_any(scope, org, both=True, named=named),
            )
        )
    besides = q.has(_BESIDES)
    if (
        context.cue("signed")
        and letter is not None
        and besides
        and _named_before(q, org.id)
        and not q.has(_WHAT_IT_DOES)  # "what does it do besides being on the list?"
    ):
        # "did People In Need sign anything besides the 2012 letter?": the others it signed
        out.append(
            Reading(
                "signed",
                context.cue("signed") + letter_fit(context) + 1.5,
                f"which letters {org.name} signed besides {letter.title}",
                lambda: answer_signed_any(scope, org, besides=letter),
            )
        )
    if letter is not None and (context.cue("yes_no") or "?" in q.text) and claims_one_letter(q):
        # "CSW only ever did the one letter, right? the 2018 one": a claim of signing
        out.append(
            Reading(
                "signed",
                max(context.cue("signed"), context.cue("yes_no"), 4.0) + letter_fit(context) + 1.5,
                f"is {letter.title} the only letter {org.name} signed",
                lambda: answer_signed_any(scope, org, only=letter),
            )
        )
    if context.cue("signed"):
        if letter is not None:
            out.append(
                Reading(
                    "signed",
                    # "apart from HRW, which group signed?" asks for the others
                    context.cue("signed")
                    + letter_fit(context)
                    - (4.0 if besides and not _named_before(q, org.id) else 0.0)
                    # "the group on the coalition list, what letters did they sign": the
                    # list describes the group; every letter it signed is asked for
                    - (1.0 if context.cue("letters_by") and not _letter_named(q) else 0.0),
                    f"did {org.name} sign {letter.title}",
                    # "Which survivors' group signed?" is answered by the name, not "Yes".
                    lambda: facts.signed(
                        scope, org, letter, which=q.has(_WHICH), alone=claims_alone(q, org.id)
                    ),
                )
            )
            if q.has(INVOLVED):
                out.append(
                    Reading(
                        "involved",
                        context.cue("signed") + letter_fit(context) + 1,
                        f"was {org.name} involved in {letter.title}",
                        lambda: facts.involved(scope, org, letter),
                    )
                )
        else:
            out.append(
                Reading(
                    "signed",
                    context.cue("signed") + 1.0,
                    f"did {org.name} sign any letter",
                    lambda: answer_signed_any(scope, org),
                )
            )
    if context.cue("unrecorded") and not context.people:  # "Rogers from CSW": about him
        asked = q.text.strip().rstrip("?")
        out.append(
            Reading(
                "not_covered",
                context.cue("unrecorded") + SUBJECT_FIT + 1.0,
                f"{asked} (not in the sources)",
                lambda: answer_unrecorded(scope, org.id, asked),
            )
        )
    return [replace(r, subject=org.id) for r in out]


_WHICH = re.compile(r"\b(?:which|what) (?:[a-z]+ ){0,5}?(?:group|organi[sz]ation|org|ngo)\b")
_WHY = re.compile(r"\bwhy\b|\breasons?\b|\bwhat for\b|\bmotivat\w+|\brationale\b")
_SIGN_VERB = re.compile(r"\b(?:sign|signed|co ?sign\w*|join\w*|back\w*|endorse\w*|support\w*)\b")
_LED = re.compile(
    # "was hrw the coordinator of the 2018 letter"
    r"\bthe (?:coordinator|organi[sz]er|author|initiator|lead organi[sz]ation) of\b|"
    r"\b(?:coordinated|organi[sz]ed|led|wrote(?! about)|drafted|penned|launched|"
    r"initiated|authored|drew (?:it |them )?up|put (?:it |them )?together)\b"
    r"(?! (?:\w+ )?(?:letter|one|appeal|campaign)\b)|"  # "the HRW-coordinated letter" says which
    # "was HRW the group that organised the letter…?": the claim is in the relative clause
    r"\b(?:that|who|which) (?:coordinated|organi[sz]ed|led|wrote|drafted|penned|launched|"
    r"coordinates?|organi[sz]es?|leads?)\b|"
    # "did HRW write the 2018 letter to Kim?": the present after "did"
    r"^ (?:did|does|do) (?:\w+ ){1,4}?(?:write|coordinate|organi[sz]e|lead|draft|pen|author) "
    r"(?:the|that|this) (?:\w+ ){0,3}?(?:letter|one|appeal)\b"
)
_BY_CLAIM = re.compile(
    r"\b(?:coordinated|organi[sz]ed|led|written|drafted|sent|penned|"
    r"authored|launched|initiated) by\b"
)


#: Two letters asked of together: "the 2012 and 2018 letters", "the 2018 letter to Kim and
#: also the 2019 one" (not "the 2019 letter, as it did the one in 2012").
_TWO_YEARS_JOINED = re.compile(
    # "did HRW sign in 2012 and in 2018", "HRW signed 2012 y/n, signed 2018 y/n?"
    r"\b(?:19|20)\d\d(?: (?:letter|one)s?)?(?: to \w+)?(?: y n| yes or no)? "
    r"(?:and|&|signed|sign) (?:also |in |on )?(?:the )?(?:(?:19|20)\d\d|one)\b"
)


#: A claim saying more than that someone was quoted on something ("RFA reports that Trump
#: raised it", "Rogers spoke for CSW in 2018 but for HRW in 2019", "did the rapporteur
#: think dialogue was an obstacle?"): being quoted is no Yes.
_MORE = re.compile(
    r"\b(?:said|says|reports?|reported|claims?|claimed|stated|wrote) that\b|"
    r"\b(?:but|whereas|instead|only|never)\b|" + OPINION.pattern
)
