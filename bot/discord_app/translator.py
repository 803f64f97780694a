"""Korean names and descriptions for the slash commands (`app_commands.Translator`).

Discord shows these to users whose client is set to Korean. Command and option names
must be lower case without spaces, so they are short Korean nouns.
"""

from __future__ import annotations

import discord
from discord import app_commands

# The formatter would join each long pair onto one line, over the limit.
# fmt: off
KOREAN: dict[str, str] = {
    # Command names
    "ask": "질문",
    "search": "검색",
    "letter": "서한",
    "letters": "서한목록",
    "signatories": "서명단체",
    "demands": "요구사항",
    "quotes": "발언",
    "person": "인물",
    "org": "단체",
    "compare": "비교",
    "who-said": "발언자찾기",
    "event": "사건",
    "stats": "통계",
    "privacy": "개인정보",
    "forget-me": "기록삭제",
    "kb": "지식베이스",
    # Command descriptions
    "Ask a question in your own words": "자유롭게 질문하세요",
    "Full-text search of letters, people, organizations and quotes":
        "서한, 인물, 단체, 발언 전체 검색",
    "Everything about one letter": "서한 하나에 대한 모든 정보",
    "List letters as a timeline, optionally filtered": "서한을 시간순으로 보기 (필터 가능)",
    "Who signed a letter, and how many the sources report":
        "서한에 서명한 단체와 출처가 밝힌 서명 수",
    "What a letter demanded and the abuses it cited": "서한의 요구사항과 인용된 인권침해",
    "What people said, verbatim, with their role and source":
        "인물의 발언 원문, 당시 직책과 출처",
    "Who someone is: roles, quotes, letters to them": "인물 정보: 직책, 발언, 받은 서한",
    "An organization: what it is, letters it signed, its people":
        "단체 정보: 성격, 서명한 서한, 소속 인물",
    "Compare two letters: signers, order, time between, counts, demands":
        "두 서한 비교: 서명단체, 순서, 시간 간격, 서명 수, 요구사항",
    "Who said these words: a quote you remember, exact or paraphrased":
        "이 말을 한 사람: 기억나는 발언(원문 또는 요지)",
    "What happened: a summit, resolution, inquiry or law, and the letters around it":
        "사건: 정상회담, 결의안, 조사, 법률과 관련 서한",
    "The words you remember": "기억나는 발언",
    "The event's name, e.g. Singapore summit": "사건 이름 (예: 싱가포르 정상회담)",
    "signers, order, gap, counts, demands or organisers":
        "서명단체, 순서, 간격, 서명 수, 요구사항, 주최 단체 중 하나",
    "What the bot knows here, questions to try, and how moderators add entries":
        "봇이 아는 내용, 질문 예시, 운영진의 항목 추가 방법",
    "Usage statistics for this server": "이 서버의 사용 통계",
    "Period in days (default 30)": "기간(일, 기본 30)",
    "days": "기간",
    "Your data in the usage log": "사용 기록 속 내 정보",
    "Delete every usage-log row about you, in every server": "모든 서버에서 내 사용 기록 삭제",
    # Option names
    "question": "질문",
    "query": "검색어",
    "recipient": "수신인",
    "year": "연도",
    "signed_by": "서명단체",
    "country": "국가",
    "about": "주제",
    "name": "이름",
    "letter_a": "서한1",
    "letter_b": "서한2",
    "aspect": "비교항목",
    "words": "발언",
    # Option descriptions
    "Your question, e.g. Who signed the 2018 letter?": "질문 (예: 2018년 서한에 누가 서명했나요?)",
    "Words to look for": "찾을 단어",
    "The letter: a year, recipient or title (e.g. 2018)": "서한: 연도, 수신인 또는 제목 (예: 2018)",
    "Only letters to this person": "이 인물에게 보낸 서한만",
    "Only letters sent in this year": "이 해에 보낸 서한만",
    "Only letters this organization signed": "이 단체가 서명한 서한만",
    "Only signatories from this country": "이 국가의 서명단체만",
    "Who said it": "발언한 인물",
    "A letter, event or topic": "서한, 사건 또는 주제",
    "The person's name or role": "인물의 이름 또는 직책",
    "The organization's name or abbreviation": "단체 이름 또는 약칭",
    "The first letter": "첫 번째 서한",
    "The second letter": "두 번째 서한",
    # /kb (moderators): subcommand names
    "add-letter": "서한추가",
    "add-quote": "발언추가",
    "add-signatory": "서명단체추가",
    "add-demand": "요구사항추가",
    "add-person": "인물추가",
    "add-org": "단체추가",
    "edit": "수정",
    "remove": "삭제",
    "list": "항목목록",
    "import": "가져오기",
    "export": "내보내기",
    "history": "변경기록",
    "undo": "되돌리기",
    "draft": "초안",
    # The message command (its name may have spaces and capitals)
    "Draft knowledge-base entries": "지식베이스 항목 초안 만들기",
    # /kb descriptions
    "Curate this server's knowledge base (moderators only)":
        "이 서버의 지식베이스 관리 (운영진 전용)",
    "Add a letter; a form asks for its title, date, summary and source":
        "서한 추가: 제목, 날짜, 요약, 출처를 양식에 입력",
    "Add what someone said; a form asks for the words, date and source":
        "발언 추가: 발언 내용, 날짜, 출처를 양식에 입력",
    "Add an organization as a signatory of a letter": "서한에 서명단체 추가",
    "Add a demand to a letter; a form asks for its text and source":
        "서한에 요구사항 추가: 내용과 출처를 양식에 입력",
    "Add a person; a form asks for name, role, description and source":
        "인물 추가: 이름, 직책, 설명, 출처를 양식에 입력",
    "Add an organization; a form asks for name, description and source":
        "단체 추가: 이름, 설명, 출처를 양식에 입력",
    "Change one of this server's entries; a form opens with its values":
        "이 서버의 항목 수정 (현재 값이 채워진 양식)",
    "Remove one of this server's entries (asks first)": "이 서버의 항목 삭제 (확인 후)",
    "This server's own entries, with their ids": "이 서버가 추가한 항목과 ID",
    "Import entries from a YAML or CSV file: see the changes, then apply":
        "YAML 또는 CSV 파일에서 항목 가져오기: 변경 내용 확인 후 적용",
    "Download this server's entries (or all it can see) as YAML or CSV":
        "이 서버의 항목(또는 볼 수 있는 전체)을 YAML 또는 CSV로 내려받기",
    "This server's changes, newest first: who, when, what":
        "이 서버의 변경 기록 (최신순): 누가, 언제, 무엇을",
    "Reverse one change listed by /kb history": "/kb history의 변경 하나를 되돌리기",
    "Draft entries from a press release or article: review, then apply":
        "보도자료나 기사로 항목 초안 작성: 검토 후 적용",
    # /kb option names
    "wording": "표현",
    "organization": "단체",
    "source": "출처",
    "note": "비고",
    "type": "유형",
    "entry": "항목",
    "file": "파일",
    "format": "형식",
    "scope": "범위",
    "limit": "개수",
    "change": "변경번호",
    "url": "주소",
    # /kb option descriptions
    "Who it was sent to (asked in the form when left out)": "수신인 (비워 두면 양식에서 입력)",
    "The letter, event or topic it is about": "관련된 서한, 사건 또는 주제",
    "Exact words (verbatim, the default) or a paraphrase": "원문 그대로(기본) 또는 요약 인용",
    "The letter it signed": "서명한 서한",
    "The organization (a new one is offered to be created)": "단체 (없으면 새로 만들지 묻습니다)",
    "A http(s) link, or: Publisher, date, title": "http(s) 링크 또는: 발행처, 날짜, 제목",
    "How the source lists it, if worth noting": "출처에 적힌 표기 (필요한 경우)",
    "The letter that makes the demand": "요구사항이 담긴 서한",
    "The organization of their role, if any": "직책의 소속 단체 (있는 경우)",
    "What kind of organization (default: ngo)": "단체 유형 (기본: ngo)",
    "Where it is based": "소재 국가",
    "One of this server's entries": "이 서버의 항목",
    "Quotes: who said it": "발언: 발언한 인물",
    "Quotes: verbatim or paraphrase": "발언: 원문 또는 요약",
    "People: the organization of their role": "인물: 직책의 소속 단체",
    "Organizations: what kind": "단체: 유형",
    "A .yaml or .csv file, as /kb export writes them": ".yaml 또는 .csv 파일 (/kb export 형식)",
    "File format (default yaml)": "파일 형식 (기본 yaml)",
    "This server's entries (default) or also the curated ones":
        "이 서버 항목(기본) 또는 기본 지식베이스 포함",
    "How many recent changes to show (default 50)": "표시할 최근 변경 수 (기본 50)",
    "The change number, from /kb history": "변경 번호 (/kb history 참고)",
    "A .txt, .md or .html file": ".txt, .md 또는 .html 파일",
    "Or the http(s) address of a web page": "또는 웹 페이지의 http(s) 주소",
    # /kb choices
    "verbatim": "원문 그대로",
    "paraphrase": "요약 인용",
    "server": "이 서버",
    "all": "전체",
}
# fmt: on


#: Command names that are also option names ("about": /about, and /quotes' about option),
#: translated as commands here; KOREAN holds their meaning as options.
KOREAN_COMMAND_NAMES: dict[str, str] = {
    "about": "소개",
}


class KoreanTranslator(app_commands.Translator):
    """Translate command names, descriptions and options into Korean."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        """The Korean text for `string`, or None to keep English."""
        if locale is not discord.Locale.korean:
            return None
        if context.location is app_commands.TranslationContextLocation.command_name and (
            string.message in KOREAN_COMMAND_NAMES
        ):
            return KOREAN_COMMAND_NAMES[string.message]
        return KOREAN.get(string.message)
