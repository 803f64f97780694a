"""Cue words: what the wording of a question says about the kind of answer it wants.

Each pattern runs over the normalised question (lower case, punctuation as spaces, padded
with a space at each end) and adds its weight to one kind. A cue never decides alone: the
reader adds what the question names (a letter, a person, an event) before choosing.
"""

from __future__ import annotations

import re

from bot.core.answers.question import Question


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_SIGN = r"(?:sign|signs|signed|signing|co ?sign\w*|endorse\w*|back|backed|join|joined|support\w*|put (?:their|its) names?)"
_GROUPS = r"(?:organi[sz]ations?|groups?|ngos?|orgs?|charities|signatories|signers|co ?signers|co ?signatories|members|coalitions?)"
_YES_NO = r"^ (?:did|was|were|is|are|has|have|does|do|had|true or false|is it true|was it)\b"

#: kind → [(pattern, weight)]. Weights: 2 leans, 4 says it, 6 and more leaves no doubt.
CUES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "who_said": [
        (_p(r"^ (?:who|which (?:person|official|campaigner|senator|lawmaker))(?: was it that| is it that)? (?:first )?(?:said|says|say|stated|wrote|warned|claimed|argued|compared|remarked|described|called|referred|spoke of|talked about|used the|made the|urged|told|insisted|pointed out|noted|emphasi[sz]ed|stressed)\b"), 6),
        (_p(r"\bwhose (?:words|quote|statement|phrase)\b"), 6),
        (_p(r"\bwho (?:is|was) quoted (?:as )?saying\b"), 6),
        (_p(r"\b(?:someone|somebody|one of them|an official|a senator|a campaigner) (?:said|says|claimed|called|described|warned|told)\b"), 5),
        (_p(r"\bwho (?:said|says) (?:that|this|those words|it)\b"), 6),
        (_p(r"\b(?:which|what) (?:person|official) (?:said|called|described|warned)\b"), 6),
    ],
    "quoted_about": [
        (_p(r"\bwho (?:was|were|has been|have been|got|gets|is|are) quoted\b"), 6),
        (_p(r"\b(?:everyone|everybody|people|persons|all those|anyone|who all) (?:who (?:was|were) )?quoted\b"), 6),
        (_p(r"\bwho (?:commented|spoke|reacted|talked|has commented)\b"), 5),
        (_p(r"\bwhat (?:was|has been|were|is being|got) (?:said|written)\b|\breactions? to\b|\bwhat did (?:people|officials|campaigners|others|everyone) (?:say|think)\b"), 6),
        (_p(r"\bwhich (?:people|officials|speakers|campaigners)\b.*\b(?:quoted|said|spoke|commented)\b"), 5),
    ],
    "quotes": [
        (_p(r"\b(?:say|said|says|saying|quote\w*|statement\w*|comment\w*|remark\w*|stated|told|tell|words|react\w*|respon\w*|testif\w*|warn\w*|argu\w*|claim\w*|think|thought|view|opinion|position|stance|speak|spoke|talk\w*|describ\w*|call(?:ed)? it|urged)\b"), 3),
    ],
    "letter_says": [
        (_p(r"^ (?:so )?what (?:did|does|do|was) (?:the |that |this |their |hrw s |icnk s )?(?:\w+ ){0,3}(?:letter|appeal|open letter)\b(?: \w+){0,5} (?:say|says|said|ask|want|contain|call|demand|propose|request)\b"), 6),
        (_p(r"\bwhat (?:was|is) in (?:the|that) (?:\w+ ){0,3}letter\b"), 6),
        (_p(r"\b(?:contents?|text|wording) of (?:the|that) (?:\w+ ){0,3}letter\b"), 5),
    ],
    "signatories": [
        (_p(rf"\bwho (?:all )?(?:\w+ )?{_SIGN}\b"), 5),
        (_p(r"\b(?:signatories|signatory list|signers|co ?signers|co ?signatories|list of (?:groups|organi[sz]ations|signers|signatories|ngos|names))\b"), 4),
        (_p(rf"\b(?:which|what|list|name|show) (?:\w+ )?{_GROUPS}\b"), 3),
        (_p(rf"\b{_GROUPS} (?:that|which|who) {_SIGN}\b"), 3),
        (_p(rf"\b(?:any|which|what|list|name|show|are there|were there|there were) (?:\w+ ){{0,2}}{_GROUPS}\b"), 3),
        (_p(rf"\b{_GROUPS} (?:from|in|based in)\b"), 3),
        (_p(r"\bmember list\b|\bmembers list\b|\blist of members\b"), 3),
    ],
    "count": [
        (_p(r"\bhow many\b"), 5),
        (_p(r"\b(?:number|count|total|tally) of\b|\bhow much support\b|\bhow big\b|\bhow large\b"), 4),
    ],
    "signed": [
        (_p(_YES_NO + rf".*\b(?:{_SIGN}|among|part of|one of|on the list|a signatory|signatory|listed|included|includ\w+|a signer|named)\b"), 6),
        (_p(r"\b(?:part of|on the list|among the (?:signatories|signers|co ?signers)|one of the (?:signatories|signers|co ?signers)|on the (?:\w+ )?letter|a signatory|or not)\b"), 4),
        (_p(r"\b(?:were|was|are|is) (?:they|it|he|she) (?:on|part of|among|in)\b"), 5),
        (_p(_YES_NO + r".*\b(?:involv\w+|take part|took part|participat\w+|play(?:ed)? a (?:role|part)|ha(?:ve|d) a (?:role|hand))\b"), 6),
    ],
    "letters_by": [
        (_p(rf"\b(?:which|what|how many|list|all) (?:\w+ )?(?:letters|campaigns|appeals)\b.*\b{_SIGN}\b"), 5),
        (_p(r"^ what (?:has|have|did) (?:\w+ ){1,4}(?:sign|signed|co ?sign\w*|endorse\w*)\b"), 4),
        (_p(r"\bletters (?:signed|backed|endorsed|supported) by\b"), 5),
    ],
    "demands": [
        (_p(r"\b(?:demand\w*|call(?:ed|ing|s)? (?:for|on)|urg\w*|ask(?:ed|ing|s)? (?:for|to|kim|moon|pyongyang|seoul|the)|want\w*|press(?:ed|ing)? (?:for|on)|push(?:ed|ing)? for|request\w*|recommend\w*|reforms?|proposals?|measures|steps|what should|what did (?:they|the ngos|the groups|the coalition) (?:want|ask))\b"), 4),
        (_p(r"\b(?:urg|press|push|ask|call|want|tell|told)\w* (?:\w+ ){0,2}to (?:do|change|fix|stop|end|accept|allow|let|take)\b"), 5),
    ],
    "abuses": [
        (_p(r"\b(?:abuses?|violations?|crimes?|atrocit\w+|cite\w*|findings?|evidence|documented|conditions|situation|problems?|issues|wrongs|human rights record|what (?:was|is) wrong|accus\w+)\b"), 4),
    ],
    "recipient": [
        (_p(r"\b(?:who|whom) (?:was|were|is) (?:it |the letter |they |that letter |this letter )?(?:\w+ )?(?:sent|addressed|written|directed|aimed|delivered|for)\b"), 7),
        (_p(r"\bto whom\b|\brecipients?\b|\baddressee\b|\baddressed to\b"), 7),
        (_p(r"\bwho (?:did|do) (?:they|the \w+|it|the letter \w*) (?:write|send|address|aim)\w* (?:to|it to|the letter to)?\b"), 7),
        (_p(r"\b(?:who|which (?:leader|person|president|official)) (?:received|got|was sent)\b"), 7),
        (_p(r"\b(?:went|go|goes|sent|addressed|written|directed|delivered) to (?:who|whom)\b"), 7),
        (_p(r"\b(?:who|whom) (?:was|were|is) (?:the |that |this )?(?:\w+ ){0,4}(?:sent|addressed|written|directed|aimed|delivered) (?:to|for)\b"), 7),
        (_p(r"\bwho (?:was|is) (?:it|the (?:\w+ ){0,2}letter) (?:for|to)\b"), 7),
    ],
    "sender": [
        (_p(r"\bwho (?:wrote|organi[sz]ed|coordinated|sent|drafted|led|initiated|started|launched|authored|is behind|was behind|were behind|put together|spearheaded)\b"), 6),
        (_p(r"\b(?:coordinator|organi[sz]er|author|sponsor|initiator) of\b|\bwho (?:was|is) the (?:coordinator|organi[sz]er|author)\b"), 6),
    ],
    "date": [
        (_p(r"^ (?:so )?when\b|\bwhat (?:date|day|year|month)\b|\bwhen (?:was|did|is|were)\b|\bdated\b|\bwhich (?:date|year|month)\b|\bhow long ago\b"), 5),
    ],
    "purpose": [
        (_p(r"\bwhy\b|\breasons?\b|\bpurpose\b|\bmotivat\w+|\bprompted\b|\bgoal\b|\baim of\b|\bpoint of\b|\bwhat (?:was|is) (?:it|the letter) (?:for|about)\b|\bwhat led\b"), 5),
    ],
    "profile": [
        (_p(r"^ (?:who|what) (?:is|was|are|were) \b|^ who s \b|^ tell me (?:about|more about)\b|^ (?:about|describe|explain|summari[sz]e|overview|info on|information on)\b|\bwhat do you know about\b|\bbackground on\b|\bsummary of\b|\boverview of\b"), 4),
        (_p(r"^ what (?:is|was) (?:the|that) (?:\w+ ){0,3}(?:letter|appeal)\b"), 5),
        (_p(r"\b(?:role|job|title|position|works? for|work at|affiliat\w+|represent\w*)\b"), 3),
    ],
    "event": [
        (_p(r"\bwhat happened\b|\bwhat (?:was|were) (?:decided|agreed|pledged|promised|adopted|passed|found)\b|\b(?:decided|agreed|pledged|promised|adopted|passed|outcome|result|find|found|findings|conclude\w*|done|do about|action|vote\w*|testif\w*|briefing)\b"), 4),
    ],
    "letters": [
        (_p(r"\b(?:which|what|list|all|show|name) (?:the |of the )?(?:\w+ )?(?:letters|campaigns|appeals)\b|\btimeline\b|\bhow many letters\b|\bother letters\b|\bletters (?:are there|do you know|have been sent)\b"), 4),
        (_p(r"^ (?:all )?letters\b|\bletters (?:to|sent to|addressed to|written to|for)\b"), 4),
    ],
    "compare": [
        (_p(r"\b(?:compare\w*|comparison|versus|vs|differ\w*|in common|both|same (?:groups|organi[sz]ations|signatories)|overlap\w*|either)\b"), 4),
        (_p(r"\b(?:came|come|was|were) (?:first|earlier|later|last)\b|\bwhich (?:was|came) (?:first|earlier|later)\b|\b(?:earlier|later|older|newer) than\b"), 5),
        (_p(r"\bhow (?:long|many (?:years|months|days)) (?:between|after|before|apart|separated|passed|elapsed)\b|\btime between\b|\bapart\b|\bgap between\b|\byears (?:after|later|before|between)\b"), 6),
        (_p(r"\bbefore or after\b|\bafter or before\b"), 6),
        (_p(r"\bhow many more\b|\bhow many fewer\b|\b(?:more|fewer|bigger|larger|smaller) (?:signatories|signers|groups|organi[sz]ations|co ?signers)\b|\bmore than the\b"), 6),
        (_p(r"\bnot (?:in|among) the other\b|\bthat the (?:other|\d{4}|\w+ letter|\d{4} (?:letter|one)) (?:did not|didnt|does not|doesnt|didn t)\b|\b(?:did not|didnt|didn t) (?:demand|ask|include)\b|\bbut not\b"), 5),
        (_p(r"\b(?:sent|written|published|released|came|come|happened|issued) (?:first|earlier|later|last)\b|\bwhich (?:\w+ ){0,3}first\b"), 6),
    ],
    "topic": [
        (_p(r"\b(?:say|said|says|mention\w*|talk\w*|speak\w*|address\w*|cover\w*|refer\w*|touch\w*|discuss\w*|anything|something|include) (?:\w+ )?(?:about|on|regarding|concerning)\b"), 4),
        (_p(r"\b(?:mention|mentions|mentioned|address|cover|discuss|raise|raised) (?!the letter|it\b)\w+"), 3),
        (_p(r"\b(?:ask|asks|demand|demands|want|wants|call|position|stance|line)\w* (?:\w+ )?(?:about|on|regarding|concerning)\b"), 4),
        (_p(r"^ (?:true or false|is it true (?:that)?|fact check|did the (?:\w+ ){0,3}letter (?:really )?(?:say|claim|state|mention))\b"), 5),
    ],
    "countries": [
        (_p(r"\b(?:which|what|how many|list|all|name) (?:the )?countr\w+\b|\bwhere (?:are|were|do|did|is) (?:the )?(?:\w+ )?(?:signatories|signers|groups|organi[sz]ations|ngos|they) (?:from|based|come)\b|\bcountries (?:represented|involved|covered)\b"), 6),
    ],
    "no_country": [
        (_p(r"\b(?:no|without|missing|unknown|lack\w*|not given|no recorded|unrecorded) (?:a )?(?:recorded )?countr\w+\b|\bcountr\w+ (?:is |are )?(?:missing|unknown|not given|not recorded|blank)\b"), 8),
    ],
    "reply": [
        (_p(r"\b(?:repl\w+|respond\w*|response|responded|answer\w*|react\w*|acknowledg\w+|rebut\w*|comply|complied|implement\w*|act(?:ed)? on (?:it|the letter|the demands)|listen\w*)\b"), 3),
        (_p(r"\b(?:ever|later|afterwards|since|eventually|in the end|finally|follow up|follow ?up|what happened (?:next|after|afterwards|then)|result of the letter|did it work|effect|impact|succeed\w*)\b"), 2),
        (_p(r"\bdid (?:it|the (?:\w+ ){0,2}letter|they|the campaign) (?:work|succeed|change anything|have (?:any |an )?(?:effect|impact)|make a difference|get a reply|get an answer)\b|\bgo back to\b|\breversed?\b"), 4),
    ],
    "individual": [
        (_p(r"\b(?:individuals?|personally|in (?:his|her|their) own name|as a person|private citizens?|people signed|person signed)\b"), 5),
    ],
    "unknown_event": [
        (_p(r"\b(?:summit|meeting|conference|talks|resolution|vote|hearing|visit|election|treaty|agreement|sanctions|declaration)\b"), 2),
    ],
    "other_signers": [
        (_p(r"\b(?:other|rest of the|remaining|full list|complete list|whole list|every|all (?:\d+|fifty|the))\b.*\b(?:signers|signatories|co ?signers|groups|organi[sz]ations|ngos|members)\b"), 5),
    ],
    "contact": [
        (_p(r"\b(?:phone|telephone|mobile|cell|e ?mail|email address|contact (?:details|info\w*|number|address)|how (?:can|do) i (?:reach|contact|call|email)|home address|whatsapp|fax)\b"), 9),
    ],
}


#: A clause describing a letter ("the letter telling Seoul to stop ignoring abuses") says
#: which letter, not what is asked about it: its words are no cue.
_LETTER_CLAUSE = re.compile(
    r"\b(letter|one|appeal) (?:that |which )?(?:telling|told|tells|urging|urged|urges|asking|"
    r"asked|asks|calling on|called on|calls on|pressing|pressed|demanding|demanded)\b.*?"
    r"(?=\b(?:say|said|demand|want|sign|signed|who|when|why|what|how)\b|$)")


def cue_scores(question: Question) -> dict[str, float]:
    """Each kind's cue weight in this question (the strongest matching pattern per kind)."""
    scores: dict[str, float] = {}
    norm = _LETTER_CLAUSE.sub(r"\1 ", question.norm)
    for kind, patterns in CUES.items():
        best = max((weight for pattern, weight in patterns if pattern.search(norm)),
                   default=0.0)
        if best:
            scores[kind] = best
    return scores
