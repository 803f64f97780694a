"""Korean in Hangul mixed into English, read as the English the reader knows.

"2018 편지에 서명한 단체 몇 개?", "'world's biggest open prison' 이 말 누가 했어?": Korean
speakers ask in Korean around English names and quoted words. Korean glues particles and
endings onto its words ("편지에", "서명했어요"), so each Hangul word is read by the longest
glossed word it starts with, and what follows is dropped; a few phrases are read whole
first. Only a message with Hangul in it is touched, and quoted words are kept as typed.
"""

from __future__ import annotations

import re

from bot.core.answers.reader.glossing import QUOTED

#: Phrases of several words, read first.
_PHRASES = {
    "받는 사람": "recipient",
    "받은 사람": "recipient",
    "누가 한 말": "who said",
    "누가 했어": "who said",
    "누가 말했": "who said",
    "누구 말": "whose words",
    "말한 사람": "who said",
    "한 말": "said",
    "이 말": "",
    "몇 개 나라": "how many countries",
    "몇 개": "how many",
    "몇 명": "how many people",
    "몇 년": "how many years",
    "둘 다": "both",
    "인권 침해": "human rights abuses",
    "판문점 선언": "Panmunjom Declaration",
    "정치범 수용소": "political prison camps",
    "인도적 지원": "humanitarian aid",
    "어떤 단체": "what kind of group",
    "무슨 단체": "what kind of group",
    "인용된 사람": "everyone quoted",
    "나라 표시 없는": "without a country",
    "나라 정보 없는": "without a country",
    "나라 정보 아예 없는": "without a country",
    "나라 없는": "without a country",
    "네/아니오": "yes or no",
    "예/아니오": "yes or no",
}

#: Word stems → English: a Hangul word is read by the longest stem it starts with.
_STEMS = {
    # people and places
    "김정은": "Kim Jong Un",
    "김정일": "Kim Jong Il",
    "문재인": "Moon Jae-in",
    "트럼프": "Trump",
    "김영철": "Kim Yong Chol",
    "하태경": "Ha Tae Keung",
    "루비오": "Rubio",
    "카딘": "Cardin",
    "퀸타나": "Quintana",
    "북한": "North Korea",
    "남한": "South Korea",
    "한국": "South Korea",
    "대한민국": "South Korea",
    "평양": "Pyongyang",
    "서울": "Seoul",
    "미국": "United States",
    "일본": "Japan",
    "영국": "United Kingdom",
    "태국": "Thailand",
    "인도네시아": "Indonesia",
    "체코": "Czech Republic",
    "벨기에": "Belgium",
    "브라질": "Brazil",
    "캐나다": "Canada",
    "방글라데시": "Bangladesh",
    "중국": "China",
    "싱가포르": "Singapore",
    "제네바": "Geneva",
    "워싱턴": "Washington",
    "판문점": "Panmunjom",
    "아시아": "Asia",
    "유럽": "Europe",
    "아프리카": "Africa",
    "중남미": "Latin America",
    "라틴아메리카": "Latin America",
    "플로리다": "Florida",
    "메릴랜드": "Maryland",
    "공화당": "Republican",
    "민주당": "Democratic",
    # bodies
    "유엔": "UN",
    "국제앰네스티": "Amnesty International",
    "앰네스티": "Amnesty International",
    "휴먼라이츠워치": "Human Rights Watch",
    "국제적십자": "International Committee of the Red Cross",
    "적십자": "Red Cross",
    "안보리": "Security Council",
    "안전보장이사회": "Security Council",
    "인권이사회": "Human Rights Council",
    "총회": "General Assembly",
    "조사위원회": "Commission of Inquiry",
    "특별보고관": "special rapporteur",
    "상원의원": "senator",
    "하원": "House of Representatives",
    "상원": "Senate",
    "소위원회": "subcommittee",
    "의원": "lawmaker",
    "청와대": "South Korean government",
    # the campaigns
    "공개편지": "open letter",
    "공개서한": "open letter",
    "공동서한": "joint letter",
    "서한": "letter",
    "편지": "letter",
    "서명자": "signatories",
    "서명": "signed",
    "참여": "involved in",
    "단체": "groups",
    "기구": "bodies",
    "명단": "list",
    "수신인": "recipient",
    "수신자": "recipient",
    "인권": "human rights",
    "침해": "abuses",
    "학대": "abuses",
    "요구사항": "demands",
    "요구": "demand",
    "요청": "asked",
    "정치범": "political prisoners",
    "수용소": "prison camps",
    "이산가족": "separated families",
    "가족": "families",
    "처벌": "punished",
    "연좌제": "guilt by association",
    "납치": "abduction",
    "탈북자": "defectors",
    "강제노동": "forced labour",
    "고문": "torture",
    "처형": "executions",
    "종교": "religion",
    "기독교": "Christian",
    "식량": "food",
    "기아": "hunger",
    "굶주림": "hunger",
    "지원": "aid",
    "조건": "condition",
    "감시": "monitoring",
    "비핵화": "denuclearization",
    "정상회담": "summit",
    "회담": "talks",
    "의제": "agenda",
    "선언": "declaration",
    "결의안": "resolution",
    "결의": "resolution",
    "공동제안": "co-sponsor",
    "증언": "testimony",
    "대통령": "president",
    "정부": "government",
    "정권": "regime",
    "국민": "people",
    "사람": "people",
    "기사": "article",
    "자료": "sources",
    "출처": "source",
    "보도": "report",
    "인용": "quoted",
    "발언": "remarks",
    "코멘트": "commented",
    "언급": "mentioned",
    "비판": "criticised",
    "직함": "title",
    "직책": "position",
    "역할": "role",
    "본부": "headquarters",
    "이름": "names",
    "나라": "countries",
    "국가": "countries",
    "출신": "from",
    "날짜": "date",
    "목적": "purpose",
    "이유": "reason",
    "관계": "relation",
    "차이": "difference",
    "비교": "compare",
    "목록": "list",
    "리스트": "list",
    "정리": "list",
    "전화번호": "phone number",
    "이메일": "email",
    "연락처": "contact details",
    "주소": "address",
    "답장": "reply",
    "답변": "reply",
    "반응": "react",
    "결과": "outcome",
    "마지막": "last",
    "문장": "sentence",
    "본문": "text",
    "대표": "represented",
    "보낸": "sent",
    "보냈": "sent",
    "보내": "sent",
    "만난": "met",
    "만나": "met",
    "말했": "said",
    "말": "said",
    # question words and the rest
    "누구누구": "who",
    "누구": "who",
    "누가": "who",
    "무엇": "what",
    "뭐라고": "what",
    "뭐": "what",
    "뭘": "what",
    "무슨": "what",
    "어떤": "which",
    "어느": "which",
    "어디": "where",
    "언제": "when",
    "왜": "why",
    "어떻게": "how",
    "얼마나": "how many",
    "몇": "how many",
    "전부": "all",
    "모두": "all",
    "각각": "each",
    "같이": "together",
    "관련": "about",
    "대해": "about",
    "대한": "about",
    "중": "among",
    "맞": ", right",
    "아님": "or",
    "아니면": "or",
}
#: Words read only whole: as stems they would begin other words ("다루는", "간단").
_WHOLE_WORDS = {"간": "sent", "낸": "released", "다": "all"}
#: Endings after a name that make it whom something went to ("문재인한테", "김정은에게").
_TO = ("한테", "에게", "께")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_SENTENCE_END = re.compile(r"(?<=[?!.])\s+")
#: A question ending in "there is" ("있어?", "있었나요?"): whether there are any.
_THERE_IS = re.compile(r"있(?:어|었|나|니|습|을까)[\uac00-\ud7a3]*\s*\?\s*$")
#: The English question words the glosses give, to be put first.
_QUESTION_WORD = re.compile(
    r"\b(?:to who|whose words|who said|who|what kind of \w+|what|when|where|why|which|"
    r"how many(?: countries| people| years)?|how)\b"
)
_PHRASE = re.compile("|".join(map(re.escape, sorted(_PHRASES, key=len, reverse=True))))
_LONGEST_STEM = max(map(len, _STEMS))


def hangul_glossed(text: str) -> str:
    """`text` with its Hangul read as English; a message without Hangul unchanged."""
    if not _HANGUL.search(text):
        return text
    sentences = _SENTENCE_END.split(text)
    return " ".join(_sentence(s) if _HANGUL.search(s) else s for s in sentences)


def _sentence(text: str) -> str:
    """One sentence with Hangul, glossed, its question word put first as English does."""
    pieces = QUOTED.split(text)
    for i in range(0, len(pieces), 2):  # the even pieces are outside quotation marks
        piece = _PHRASE.sub(lambda m: f" {_PHRASES[m.group(0)]} ", pieces[i])
        pieces[i] = re.sub(r"\s+", " ", _HANGUL.sub(_word, piece))
    glossed = re.sub(r" (?=[?,])", "", "".join(pieces).strip()).replace(",,", ",")
    # Korean keeps the question word in place ("판문점 선언 언제 서명했어요"): "when …"
    asked = _QUESTION_WORD.search(glossed)
    if asked is None and _THERE_IS.search(text):
        return f"are there any {glossed}"  # "태국 단체도 있어?": are there any Thai groups?
    if asked is None or asked.start() == 0:
        return glossed
    rest = f"{glossed[: asked.start()]}{glossed[asked.end() :]}"
    return f"{asked.group(0)} {' '.join(rest.split())}".replace(" ?", "?")


def _word(match: re.Match[str]) -> str:
    """One Hangul word as English: its longest glossed stem; a particle alone is dropped."""
    word = match.group(0)
    if word in _WHOLE_WORDS:
        return f" {_WHOLE_WORDS[word]} "
    for end in range(min(len(word), _LONGEST_STEM), 0, -1):
        english = _STEMS.get(word[:end])
        if english is not None:
            rest = word[end:]
            return f" to {english} " if rest.startswith(_TO) else f" {english} "
    return " "
