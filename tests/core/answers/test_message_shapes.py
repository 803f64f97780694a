"""Questions in the shapes people type them.

Tags, statements with a question mark, chat around the question, ordinals, lists of
countries, several letters at once.

Each case names the reading it must get (`Answer.interpretation`) and what the first line
must say, so a change that answers the right kind about the wrong thing fails too.
"""

from __future__ import annotations

import pytest

from bot.cli.render import render_text
from bot.core.answers.ask import ask
from bot.core.scope import Scope

# (question, words of the reading chosen, words the first line must hold)
SHAPES: list[tuple[str, list[str], list[str]]] = [
    # A statement with a tag, or with only a question mark, asks yes or no.
    ("ICC co-signed the moon letter yeah?", ["International Christian Concern"], ["Yes"]),
    ("amnesty signed the 2018 one, didn't they?", ["Amnesty"], ["don't say"]),
    ("CSW was among the signatories on the 52-organisation letter?", ["sign"], ["Yes"]),
    ("HRW coordinated the 2012 letter?", ["organised by Human Rights Watch"], ["No"]),
    ("HRW is a london based org right?", ["based in London"], ["No", "New York"]),
    # The question inside chat: the sentence with the question mark, or a buried clause.
    ("quick one, is CSW a UK org? someone in another server said US", ["from"], ["Yes"]),
    (
        "so my friend keeps saying the letters were all about nukes, which sounds off, and "
        "anyway what did the 2018 letter ask for about prisons and detention, if anything",
        ["Trump–Kim summit", "prisons"],
        ["detention"],
    ),
    # Ordinals pick a letter by date, among the letters to whoever is named.
    ("what did the second letter to kim demand", ["Trump–Kim summit"], ["six demands (6)"]),
    ("the earliest letter - who signed it?", ["new era"], ["39"]),
    ("when was the latest one sent", ["Moon Jae-in"], ["December 2019"]),
    # Every letter at once gets the timeline, not "which letter?".
    ("who were the letters sent to", ["all letters"], ["3 letters", "Moon Jae-in"]),
    ("Did any of these letters go to Donald Trump?", ["Donald Trump"], ["No"]),
    # A list of countries keeps every country; a country filter is no recipient.
    (
        "any group from Indonesia, Bangladesh or Thailand on the 2012 letter?",
        ["Indonesia or Bangladesh or Thailand"],
        ["Kontras", "Odhikar", "Burma Partnership"],
    ),
    ("signers from japan and south korea", ["new era"], ["Japan or South Korea"]),
    # Heads of state told apart by their country; a place beside a role word is the role's.
    ("what did the letter to the south korean leader demand", ["Moon Jae-in"], ["one demand:"]),
    ("quotes from HRW's asia deputy director about seoul", ["Phil Robertson"], ["Robertson"]),
    # Who from an organisation was quoted: only its people.
    ("who from HRW was quoted about the 2019 letter", ["Human Rights Watch"], ["Robertson"]),
    ("who from amnesty was quoted about the 2019 letter", ["Amnesty"], ["nobody from Amnesty"]),
    # An event after "before" dates the question; it is not its subject.
    ("which world leaders had kim met in 2018 before the trump summit?", ["meetings"], ["Xi"]),
    # A body an event is named after stands for the event; a month dates it.
    ("what did the COI find", ["2014 UN Commission of Inquiry"], ["2014"]),
    ("what was decided at the UN human rights council in march 2018", ["resolution"], ["23"]),
    # Organisations by description, people by a wrong place, guesses checked.
    ("which letters did the big human rights group in new york sign?", ["Human Rights Watch"], []),
    ("what did the team leader at the uk christian group say", ["Benedict Rogers"], ["Rogers"]),
    ("rubio is the senator from texas right?", ["Marco Rubio"], ["No", "Florida"]),
    ("is cardin a democrat from maryland", ["Ben Cardin"], ["Yes"]),
    ("wasn't the panmunjom declaration signed between kim and trump?", ["Trump"], ["No"]),
    # Signatories by a description of what they are.
    ("which christian groups signed the 2012 letter", ["christian"], ["3 of the 39", "CSW"]),
    ("any refugee orgs sign the 2012 one?", ["refugee"], ["Life Funds"]),
    # Plural roles, bodies that acted, events talked of, shorthand, checks of claims.
    ("what did the senators say about the act", ["senator"], ["Cardin"]),
    ("what did the UN security council do", ["formal agenda"], ["agenda"]),
    ("who was quoted about the singapore summit", ["Trump–Kim summit"], ["Quintana"]),
    ("was intl christian concern one of the cosigners on the moon letter?", [], ["Yes"]),
    ("fact check: trump signed the panmunjom declaration. did he?", ["Trump"], ["Moon Jae-in"]),
    ("Human Rights Watch is headquartered in London, right?", ["London"], ["No", "New York"]),
    ("which HRW staff appear on both the 2012 and the 2019 letters?", [], ["Phil Robertson"]),
    ("were there individuals among the moon letter signers?", ["individual"], ["Yes"]),
    # A negated recipient lists the other letters, never the one negated.
    ("which of the three letters wasn't addressed to a north korean leader?", ["not"], ["Moon"]),
    ("which letter wasnt addressed to kim", ["not to Kim Jong Un"], ["Moon Jae-in"]),
    # A role asked of a date is checked against when it was held.
    ("was joseph yun still the US special rep for north korea in june 2018?", [], ["No", "March"]),
    ("was torture mentioned in the 2012 letter?", ["torture"], ["Yes"]),
    ("did kim jong un ever reply to any of these letters", ["reply"], ["do not report"]),
    ("how many days between the HRW letter and the Trump-Kim summit?", [], ["Five days"]),
    (
        "wasn't it trump who said it'd be a mistake to overload the summit agenda?",
        ["who said"],
        ["No, not Donald Trump", "Joseph Yun"],
    ),
    # An organisation that speaks is answered from its own releases and its people's words.
    (
        "what did CSW say about the summit agenda?",
        ["Christian Solidarity Worldwide says"],
        ["Rogers"],
    ),
    (
        "according to ICNK, what did Seoul's moves do to earlier efforts?",
        ["International Coalition"],
        ["undermined"],
    ),
    ("who got quoted in the RFA piece?", ["Radio Free Asia"], ["Adams", "Quintana"]),
    # Was read as "the sources" (publishers, then outlets); the outlets are what it asks.
    ("which news outlets are named in the sources?", ["news outlets"], ["Reuters"]),
    # The words may be in the sentence before "who was it?".
    (
        "Someone argued that human rights talks would not undermine denuclearisation. Who was it?",
        ["who said"],
        ["Quintana"],
    ),
    # A comparison asked as yes or no opens with the answer.
    ("did the 2018 letter have fewer signers than the 2012 one?", ["more signed"], ["No"]),
    # A group described, not named, beside the coalition it backed.
    ("which survivors' group signed the 2012 letter?", ["survivors"], ["Free NK Gulag"]),
    ("what did the moon letter's signers object to?", ["abuses cited"], ["co-sponsoring"]),
    ("did the 2012 letter mention the special rapporteur?", ["rapporteur"], ["Yes"]),
    # A view asked as yes or no is answered from the person's closest quote, shown with it;
    # a refusal word the question shares with the quote is what is asked, not a "no".
    ("did yun want human rights high on the singapore agenda?", ["think so"], ["No", "against"]),
    (
        "did Quintana think human rights talks would undermine denuclearisation?",
        ["think so"],
        ["No", "not of the opinion"],
    ),
    ("did Robertson think Moon was ignoring abuses?", ["think so"], ["Yes", "ignoring"]),
    ("did Yun think it was a mistake to overload the agenda?", ["think so"], ["Yes"]),
    # Several people asked about at once; every holder of a role listed.
    ("who are Kanae Doi and Kiri Kankhwende?", ["who are"], ["Kanae Doi:", "Kiri Kankhwende:"]),
    ("list all press contact of the 2012 release", ["contact"], ["Kanae Doi"]),
    # Contact details are never kept; who the person is, is said.
    ("what's olivia miller's email", ["contact"], ["do", "Communications Coordinator"]),
    # A question about nothing the knowledge base holds says so, whatever word it shares.
    ("btw who won the world cup in 2018", ["does not cover"], ["does not cover"]),
    ("which radio station signed the 2012 letter?", ["radio"], ["Free North Korea Radio"]),
    # What came of an event the sources were written before is not in them.
    ("did the singapore summit achieve anything on human rights?", ["outcome"], ["written before"]),
    # A figure asked of a letter is the statement that gives it.
    ("which letter gave a figure for political prisoners?", ["figure"], ["200,000"]),
    # A statement well ahead of all others answers a question in its own words.
    (
        "in the 2012 letter, what do people fear if their loyalty is doubted?",
        ["new era"],
        ["disappearance"],
    ),
    # Signatories described by what they are, before or after the kind word.
    ("which lawyers' associations were on the 2012 ICNK list?", ["lawyers"], ["Paraguay"]),
    (
        "were any groups of prison-camp survivors behind the 2012 letter?",
        ["prison camp survivors"],
        ["Free NK Gulag"],
    ),
    # A name the knowledge base does not hold is not among the signatories it names.
    # The 2012 release counts 3 + 40 organisations and prints 39: no list is printed whole.
    ("was NKDB among the 2012 signers?", ["“NKDB”"], ["don't say", "39 of 43"]),
    ("did open doors sign any of these letters?", ["any letter"], ["Not as far as", "full list"]),
    ("Amnesty on the 2012 list right?", ["did Amnesty International sign"], ["Yes"]),
    ("freedom house among the 2012 signers y/n", ["Freedom House"], ["Yes"]),
    # How things stand now is after the newest source: said first, then what they said.
    ("is phil robertson still at hrw?", ["Robertson"], ["how things stand now", "2019"]),
    # Sharing only "North Korea" with a statement is not speaking of the topic.
    (
        "what did the 2018 letter say about china forcibly repatriating refugees?",
        ["says about"],
        ["do not report"],
    ),
    ("true or false: amnesty coordinated the 2018 joint letter", ["organised"], ["No, that is"]),
    # A title before a name is how they are named, not a claim about them.
    (
        "did the office of President Moon issue any formal response to the letter?",
        ["reply"],
        ["do not report"],
    ),
    # "Sent to A or to B?": the people offered are no clue to the letter.
    ("was the moon letter sent to kim jong un or to the south korean president?", [], ["Moon"]),
    ("to whom was the letter backed by Free NK Gulag delivered?", ["recipient"], ["Kim Jong Un"]),
    # A letter to someone who received none; an event said to be undone or achieved.
    ("what did the joint letter to Xi Jinping demand?", ["Xi Jinping"], ["No letter"]),
    (
        "did South Korea later resume co-sponsoring the UN resolution?",
        [],
        ["do not report"],
    ),
    # A figure asked of an event is its record's, or none.
    ("how many member states voted for the March 2018 HRC resolution?", ["member"], ["do not"]),
    ("any documentaries on the prison camps you'd recommend?", ["not cover"], ["does not cover"]),
    ("give me the full list of all 52 organisation names", ["full list"], ["do not name"]),
    # A clause ending the question on its preposition is what it asks.
    ("what exactly was the moon letter complaining about", ["abuses cited"], ["General Assembly"]),
    # Counts of signers in words; the reforms the signers urged are the letter's demands.
    (
        "enumerate the reforms which the fifty-two organisations urged upon Kim Jong Un",
        ["demands", "Trump"],
        ["six demands (6)"],
    ),
    (
        "did anyone argue that human rights talks would not undermine denuclearisation?",
        [],
        ["Quintana"],
    ),
    ("which campaign letter was coordinated by Human Rights Watch?", ["Trump"], ["2018"]),
    # A date claimed for a letter is checked against its own.
    ("my notes say the HRW letter went out in july 2018. right?", ["July 2018"], ["No.", "7 June"]),
    # A country claimed of a signatory, and a signatory asked by its listed country.
    ("is Burma Partnership listed under Myanmar on the 2012 list?", ["from Myanmar"], ["No"]),
    ("which 2012 signatory is listed with Brazil as its country?", ["Brazil"], ["Conectas"]),
    # An organisation with no words of its own in the sources is said to have none.
    ("what did amnesty international say about the 2018 letter", ["Amnesty"], ["do not report"]),
    # Bare years name letters; the one asked of first leads; "same X?" opens with the answer.
    ("what did 2018 ask for that 2012 didnt", ["demands"], ["demands of the 2018 letter are not"]),
    ("2012 + 2019 letters same coordinator?", ["organised"], ["Yes"]),
    ("the letter icc cosigned went to?", ["recipient"], ["Moon Jae-in"]),
    ("list every person quoted in the coverage of the 2018 letter", ["quoted"], ["Adams"]),
    # A claim about an event opens with the answer, its record following; a letter named
    # beside an event is compared with the event.
    ("the HRC resolution on accountability experts was adopted in March 2018, right?", [], ["Yes"]),
    ("The Singapore summit between Trump and Kim was on 12 June 2018, right?", [], ["Yes"]),
    ("did the 2019 letter come after the panmunjom declaration?", ["Panmunjom"], ["Yes"]),
    ("how long after the singapore summit was the moon letter sent?", ["Singapore"], ["1 year"]),
    ("was torture among the violations cited in the 2012 letter?", ["torture"], ["Yes"]),
    ("did the 2018 letter bring up the commission of inquiry at all?", ["inquiry"], ["Yes"]),
    ("did that group that campaigns for persecuted christians sign the moon letter?", [], ["Yes"]),
    # A name, a dash, and the question about it ("X - is it …?") asks yes or no of X.
    ("Burma Partnership — is it listed under Myanmar on the 2012 list?", ["Myanmar"], ["No."]),
    ("kontras - were they among the orgs on the 2012 list??", ["Kontras"], ["Yes"]),
    ("people in need - what country are they from", [], ["Czech"]),
    (
        "Did the 2014 Commission of Inquiry conclude there were crimes against humanity?",
        ["is it true"],
        ["Yes"],
    ),
    # A count claimed of a letter is checked, not taken as a clue to which letter it is.
    ("Was the letter to Moon signed by 52 organisations?", ["Moon"], ["No.", "76"]),
    ("so did trump actually bring up hr at singapore", ["outcome"], ["written before"]),
    # How many demands or abuses, and what the signers pressed for, are the letter's lists.
    (
        "how many demands were in the 52 org letter, can u list them",
        ["demands"],
        ["six demands (6)"],
    ),
    ("how many separate abuses did the 2012 letter list?", ["abuses cited"], ["guilt by"]),
    ("what was csw pressing kim for in june 2018", ["demands"], ["six demands (6)"]),
    # What a source adds as context is not said to be in the letter.
    ("was torture mentioned in the joint letter before singapore?", [], ["Not in the 2018"]),
    # A figure claimed of a letter is checked against the figure it gives.
    ("did the 2012 letter say 100,000 political prisoners?", ["new era"], ["No.", "200,000"]),
    ("Confirm: the 2012 letter said over 100,000 were held for political reasons.", [], ["No."]),
    # What a letter is claimed to have demanded, without the person asked to act.
    ("The 2018 letter demanded that Kim free all political prisoners. True?", ["speak of"], []),
    # How a topic stands ("shortages") is no part of what it is.
    ("Did the 2012 letter say anything about food shortages?", ["new era"], ["Yes", "hunger"]),
    # Other words for the list; a closing "which one?" asks which of the signers.
    ("the complete roster of groups on the 2012 letter?", ["who signed"], ["39"]),
    ("was there any signer from latin america in 2012? which one", ["Latin America"], ["Conectas"]),
    # A count no letter gives is not covered, rather than "which letter?".
    ("how many christians live in north korea now?", ["not covered"], ["do not report"]),
    # A role after "that" pointing at someone; a plain verb form.
    ("what did that UN investigator guy say about the summit", ["Quintana"], []),
    ("who warn that putting too many things on the summit agenda is a mistake?", [], ["Yun"]),
    # A letter described by its press contacts, or by the outlet that reposted it.
    ("the letter whose press contacts were in Seoul and Tokyo - who was it to?", ["new era"], []),
    ("the letter ICC reposted but didn't sign itself - who coordinated it?", [], ["Human Rights"]),
    # What "how many" counts decides, not a count of groups elsewhere in the message.
    (
        "The letter Amnesty, HRW and FIDH put out with 40 other groups said a whole "
        "population lives in fear. How many people?",
        ["new era"],
        ["24.5 million"],
    ),
    # A role naming a letter is the letter's recipient, not the subject; "one of the
    # problems it pointed to" asks yes or no of what it cited.
    ("was health care one of the problems the heir-apparent letter pointed to?", [], ["Yes"]),
    # A figure claimed of two letters at once; a count of those represented is no count of
    # those who signed; hundreds in words.
    (
        "Am I right that the signatories of both the 2018 and the 2019 letters represented "
        "more than three hundred groups?",
        ["both"],
        ["Yes, both"],
    ),
    ("did both the 2012 and 2018 letters have 52 signers?", ["both"], ["No, only the 2018"]),
    ("the 2018 letter had three hundred signers, right?", ["count"], ["No.", "52"]),
    # An event described after "before" dates the letter ("the letter before Singapore").
    (
        "what abuses did the letter that went out five days before Singapore cite?",
        ["summit"],
        ["2018 letter"],
    ),
    ("who put together the letter before the trump summit?", [], ["Human Rights Watch"]),
    # "The one sent before Singapore" is a letter; two events without a letter are two events.
    (
        "How many more signatories did the letter to the South Korean president have compared "
        "to the one sent to Kim before Singapore?",
        ["how many more"],
        ["24"],
    ),
    (
        "How many days between Kim and Moon signing their declaration at Panmunjom and the "
        "Singapore summit?",
        ["Panmunjom Declaration and Trump–Kim summit"],
        ["46 days"],
    ),
    (
        "Who said it was both America's moral responsibility and in its security interest?",
        [],
        ["Rubio"],
    ),
    # "He" in the question points back to the person described before it.
    (
        "There was a senator from Maryland who co-introduced the human rights bill with the "
        "senator from Florida. What did he say about the North Korean people?",
        ["Ben Cardin"],
        ["Cardin"],
    ),
    # A role with a clause after it; "said something about" is what a person said.
    (
        "the former US special rep for north korea policy (the one who left in march) - what "
        "did he tell the senate?",
        ["Joseph Yun"],
        [],
    ),
    (
        "CSW's East Asia person said something about what the US should do. What?",
        ["Benedict Rogers"],
        [],
    ),
    # A title claimed at the wrong organisation is a No, however right the title.
    ("brad adams was amnesty's asia director?", ["Brad Adams"], ["No.", "Human Rights Watch"]),
    ("was phil robertson HRW's asia deputy director?", ["Phil Robertson"], ["Yes"]),
    # Every letter: their demands one by one, and which went to whom.
    (
        "quick recap for class: what did each of the three letters ask for?",
        ["every letter"],
        ["six demands (6)"],
    ),
    (
        "which letters went to Kim Jong Un and which went to someone else?",
        ["all letters"],
        ["Moon"],
    ),
    # A letter not made clear is asked about, with what each candidate was.
    ("who signed the letter?", ["needs a letter"], ["Which letter"]),
    # Words the person's quotes hold beat an event those words merely resemble.
    (
        "what did benedict rogers say about moon and peace on the peninsula",
        ["mentioning"],
        ["appalling"],
    ),
    # Which outlets reported a letter, or a figure of it; a clause on how it ended says which.
    (
        "which outlet reports the 76 co-signers number for the moon letter?",
        ["who reported"],
        ["International Christian Concern"],
    ),
    (
        "who coordinated the letter that ends with the line about ending 70 years of abuses?",
        ["organiser"],
        ["Human Rights Watch"],
    ),
    # What the sources do not record, also of a letter; no "did it sign" without signing.
    (
        "How much funding did the ICNK spend on the 2012 open letter campaign?",
        ["not in the sources"],
        ["do not report"],
    ),
    ("did north korean state media report on the open letter?", ["reply"], ["do not report"]),
    # Which of the groups listed signed, or did not.
    (
        "which one of these did NOT sign the 2012 letter: Amnesty, FIDH, International "
        "Christian Concern?",
        ["did not sign"],
        # the 2012 release counts 43 organisations and prints 39: not named, not "did not sign"
        ["International Christian Concern is not named"],
    ),
    ("which of these signed the 2018 letter: HRW, CSW or Amnesty?", ["signed"], ["not named"]),
    # Someone named to date a letter is no subject; a Yes rests on more than one word.
    ("tell me about the letter before the trump summit", ["about → Joint letter"], []),
    ("the 2018 letter demanded kim close all the prison camps, didn't it?", [], ["do not report"]),
    ("the letter with 76 co-signers — who drew it up?", ["organiser"], ["ICNK"]),
    # Meeting someone the knowledge base does not hold; a title before a known name.
    (
        "did kim jong un meet putin in the months before the trump summit?",
        ["Putin"],
        ["do not report"],
    ),
    ("did Kim meet russian foreign minister Lavrov in 2018?", ["Sergey Lavrov"], ["Yes"]),
    # Two questions joined by "and": both answered.
    (
        "the letter where HRW's Bangkok press contact was listed — who was that contact, and "
        "what year was the letter?",
        ["date", "Phil Robertson"],
        ["2012", "Robertson"],
    ),
    # Two letters named by year and asked the same thing: each answered, never "which?".
    (
        "what did the 2018 and 2019 letters demand?",
        ["Trump–Kim", "Moon"],
        ["six demands (6)", "one demand"],
    ),
    ("when were the 2012 and 2019 letters sent?", ["date"], ["2012", "December 2019"]),
    ("did the 2012 and 2018 ltrs go to the same guy", ["went to"], ["Yes", "heir-apparent"]),
    ("were the 2018 and 2019 letters sent to the same person?", ["went to"], ["No", "Moon"]),
    # People asked of in two letters; events told apart by who took part.
    ("did phil robertson appear in both the 2012 and 2019 letters?", ["both"], ["Yes"]),
    ("yun's senate testimony vs quintana's geneva briefing: which came first?", ["first"], []),
    # Meetings: with whom, by role as well as by name, and when the sources do not date.
    ("which world leaders did kim meet before the singapore summit?", ["meetings"], ["Xi"]),
    ("did kim meet the chinese president before singapore?", ["Xi Jinping"], ["Yes"]),
    ("On what date did Kim meet Lavrov?", ["when"], ["do not give an exact date"]),
    # Claims of place in other words; elliptical yes/no; 'verify:' opens a claim.
    ("Is CSW UK-based?", ["based in"], ["Yes"]),
    ("burma partnership is from burma right", ["Myanmar"], ["No", "Thailand"]),
    ("icc one of the signers on the moon ltr?", ["sign"], ["Yes"]),
    ("Verify: South Korea stopped co-sponsoring the UN resolution in 2019.", [], ["Yes"]),
    # A figure the letter gives, when the question's words also describe the letter.
    (
        "the letter amnesty, hrw and fidh put out with 40 other groups said a whole population "
        "lives in fear. how many people?",
        ["new era"],
        ["24.5 million"],
    ),
    ("what did the 2012 letter say about ordinary north koreans living in fear?", [], ["24.5"]),
    # Described signers: either of two descriptions; asked yes or no, Yes or No first.
    (
        "did any student or youth groups sign the 2012 letter?",
        ["student or youth"],
        ["Yes", "Young Defectors"],
    ),
    ("was Brad Adams one of the people quoted about the 2019 letter?", ["quoted"], ["No"]),
    # What a signer asked of someone other than the letter's recipient: its own words.
    (
        "what was CSW asking Washington to do about the singapore summit?",
        ["Christian Solidarity Worldwide says"],
        ["Rogers"],
    ),
    ("what was ICNK asking Moon's government to do?", ["demands"], ["one demand"]),
    # A view on something no document mentions is not reported; on what they hold, quotes.
    ("whats hrw's take on the rohingya", ["not in the sources"], ["do not report"]),
    ("what is HRW's view on the prison camps?", ["quotes by people of Human Rights Watch"], []),
    # Two questions in one message, each about its own letter: both answered.
    (
        "Who coordinated the pre-summit letter to Kim, and who coordinated the letter to Moon?",
        ["organiser", "Trump–Kim", "Moon"],
        ["Human Rights Watch", "International Coalition"],
    ),
    (
        "were any european organisations part of the 2012 letter? which countries were they from",
        ["who signed", "from Europe"],
        ["Yes", "People In Need (Czech Republic)"],
    ),
    # "Meet with" someone: the one met is asked about, not beside the subject.
    ("did kim jong un meet with Xi Jinping?", ["meet Xi Jinping"], ["Yes"]),
    # "Signed which of the letters": every letter the organisation is on.
    ("CSW signed which of the letters", ["letters signed by"], ["2 letters"]),
    ("hrw signed which letter", ["letters signed by"], ["2 letters"]),
    # How things stand today is past every source; the figure of its day follows.
    ("how many political prisoners in NK today", ["new era"], ["do not report", "200,000"]),
    ("hrw press office number", ["contact details"], ["does not keep"]),
    # A terse "signers of the letter askin…": the clause names the letter, a dropped "g" too.
    ("signers of the letter askin NK to let the red cross in", ["who signed", "new era"], ["39"]),
    # "X based in Y?" asks yes or no; a city's short form is the city; a city where the
    # sources give only a country is not a No.
    ("hrw based in NY?", ["based in NY"], ["Yes", "New York"]),
    ("csw based in london?", ["based in London"], ["don't say", "United Kingdom"]),
    # Two questions joined by "and what/which…", the second going on about the first's
    # subject; a short or elliptical second part is answered too.
    ("what is FIDH and which letter was it part of?", ["about International Federation"], []),
    (
        "which groups from canada signed in 2012? and was there anything from brazil",
        ["from Canada", "from Brazil"],
        ["Han Voice"],
    ),
    # A year and a recipient that fit different letters: the year's letter is answered, and
    # the answer opens by saying whom it went to and which letter went to the one named.
    ("who signed the 2018 letter to president moon?", ["who signed", "Trump–Kim"], ["2019"]),
    # The recipient a yes/no question claims is checked, not taken as a clue to the letter.
    ("was the seoul one addressed to kim jong un as well?", ["Moon Jae-in", "Kim"], ["No"]),
    ("ok but was the letter ICC cosigned sent to kim too", ["Moon Jae-in", "Kim"], ["No"]),
    # A demand the letter never made, claimed: No first.
    ("so the HRW letter basically demanded kim give up his nukes?", ["Trump–Kim"], ["No"]),
    ("did the moon letter mention forced labour?", ["forced labour"], ["No"]),
    # "How much time passed between" two letters described, not dated.
    (
        "How much time passed between the ICNK open letter and the 52-organisation letter?",
        ["time between"],
        ["6 years"],
    ),
    # Events in date order: all, a month's, someone's, or a letter's ("linked" is no LiNK).
    ("can you list all the events you know about in date order", ["events"], ["11 events"]),
    ("everything that happened in june 2018 pls, in order", ["June 2018"], ["Kim Yong Chol"]),
    ("which of the events in your timeline involved moon jae in?", ["Moon Jae-in"], ["Panmunjom"]),
    ("list the events linked to the 52-org letter", ["tied to", "Trump–Kim"], ["10 events"]),
    # Chat around the ask: "tbh", a closing "fr", "drop" for list, "the 2012 thing".
    ("tbh just drop every signer of the 2012 open letter, all of em", ["who signed"], ["39"]),
    ("wait what population did the 2012 letter say nk had fr", ["population"], ["24.5 million"]),
    ("japan orgs on the 2012 thing??", ["from Japan"], ["No Fence"]),
    ("who did the 52 ngos send their letter to", ["recipient"], ["Kim Jong Un"]),
    ("who all did kim jong un meet in 2018 before singapore", ["took part"], ["Xi Jinping"]),
    # The big international groups that released a letter are its organisers' question.
    (
        "Amnesty and who else were the big international names behind the 2012 open letter?",
        ["organiser", "new era"],
        ["International Federation for Human Rights"],
    ),
    # What was pledged or decided at an event: the sentence of its record that says so.
    ("what did kim pledge at panmunjom about civil society", ["Panmunjom"], ["civil society"]),
    (
        "The March Human Rights Council resolution on North Korea — what did it authorize?",
        ["Human Rights Council"],
        ["prosecut"],
    ),
    # Which letters a person comes into at all, not the letters addressed to them.
    ("which letters does olivia miller appear in", ["letters naming"], ["2 letters"]),
    ("is phil robertson connected to more than one letter", ["letters naming"], ["Yes", "2012"]),
    # An event named beside a letter both letters to Kim could be: the one with a clue of its
    # own (52 NGOs) is compared with the event, not with the other letter.
    (
        "how long after the UN commission of inquiry did the 52 NGOs write to kim?",
        ["time between", "Commission of Inquiry", "Trump–Kim"],
        ["4 years"],
    ),
    # Terse moderator shorthand: a noun and the thing asked for, no verb.
    ("countries on the 2012 list", ["countries", "new era"], ["11 countries"]),
    ("letter sent 5 days before singapore: # orgs", ["how many", "Trump–Kim"], ["52"]),
    ("the letter phil robertson was bangkok press contact for - yr", ["date"], ["2012"]),
    ("hrw profile", ["about Human Rights Watch"], ["New York"]),
    # "And what about X": the first question asked again of X.
    (
        "who was quoted about the 2012 letter, and who about the moon letter?",
        ["who was quoted", "new era", "Moon Jae-in"],
        ["Ha Tae Keung"],
    ),
    (
        "did the 2018 letter ask for anything about prisons? and what about the UN human rights "
        "system",
        ["prisons", "UN human rights system"],
        ["Yes"],
    ),
    ("what crimes did rubio list against the regime?", ["quotes by Marco Rubio"], ["terrorizes"]),
    # Quoted words, then a bare "who": whose words they are, however short the ask.
    ("'world's biggest open prison' - who", ["who said"], ["Brad Adams"]),
    ('"we cannot take our eyes off" something something. speaker?', ["who said"], ["Cardin"]),
    (
        "'very important that human rights are raised' at some summit - who",
        ["who said"],
        ["Quintana"],
    ),
    # A wrong figure, employer, partner or country claimed: the answer corrects it first.
    ("62 organisations signed HRW's 2018 letter, correct?", ["is 62 a count"], ["No", "52"]),
    ("the moon letter's backers stood for more than 500 groups?", ["is 500"], ["No", "300"]),
    ("I've got Benedict Rogers down as an HRW staffer, right?", ["Rogers"], ["No", "Christian"]),
    ("kim signed the panmunjom declaration with trump?", ["Donald Trump"], ["No", "Moon"]),
    ("kim sat down with vladimir putin, accurate?", ["Vladimir Putin"], ["No", "Lavrov"]),
    ("burma partnership is the one group on the list from myanmar?", ["from"], ["Thailand"]),
    ("did icc sign both the 2018 and 2019 letters?", ["International"], ["No", "reposted"]),
    # An acronym's possessive typed plain; a verb like a name's word is no name.
    ("was icc a signatory of hrws letter", ["Trump–Kim summit"], ["not among"]),
    ("what links the 2012 and 2018 letters", ["compare"], ["both"]),
    # Terse: a role, then what it spoke on; a figure asked "per" a letter; a described letter.
    ("hrw deputy asia director on moon", ["quotes by Phil Robertson"], ["Moon"]),
    ("how many ppl in camps per 2012 letter", ["in camps"], ["200,000"]),
    ("70 yrs of abuses which letter", ["which letter", "Trump–Kim summit"], ["70 years"]),
    ("who told kim to think of his legacy", ["who said"], ["Ha Tae Keung"]),
    ("what position had joseph yun held, and until when?", ["Joseph Yun"], ["March 2018"]),
    # Whether any letter speaks of a topic: words the sources never use are what it is about.
    ("any letters on china forcibly repatriating nk refugees", ["sources say"], ["not mention"]),
    ("has icnk written any letter about china sending refugees back?", ["sources"], ["not"]),
    ("is there a letter about forced labour", ["forced labour"], ["3 statements"]),
    # A reply: from whoever the question names, else the letter's recipient.
    ("did japan react to the 2018 letter", ["reply from Japan"], ["do not report"]),
    ("did hrw get a reply", ["reply from Kim Jong Un"], ["do not report"]),
    # A source that speaks ("the RFA article says", "according to the RFA piece"): its words,
    # unless the question has another subject, read there.
    ("what does the rfa article say happens to ppl who try to defect", ["Radio"], ["torture"]),
    ("how does RFA say north korea punishes people who defect", ["Radio Free Asia"], ["defect"]),
    ("what does ICC's piece on the moon letter say about christians", ["Concern"], ["solidarity"]),
    ("what has the UN Security Council done about north korea, per RFA?", ["Council"], ["2018"]),
    # A letter described by whom it quoted, then a question of it: asked of the letter, not
    # of the person the description names.
    (
        "the letter rogers tied to a crisis 'without parallel' — what were its main asks?",
        ["demands", "Trump–Kim summit"],
        ["six demands (6)"],
    ),
    (
        "the one where phil robertson was quoted: which government was it criticising?",
        ["Moon Jae-in"],
        ["South Korea"],
    ),
    # A topic the letter's text leaves out but a curator's note records.
    ("what does the moon letter say about christians", ["christians"], ["solidarity"]),
    ("abuses cited, 2018 letter?", ["Trump–Kim summit"], []),
    # Time between two events, "the summit" being the one summit the sources hold; a figure
    # of an event named without a letter.
    ("how long between trump meeting kim yong chol and the summit", ["Singapore"], ["11 days"]),
    (
        "between the senate passing the nkhra and trump meeting kim yong chol, how many days?",
        ["time between"],
        ["37 days"],
    ),
    (
        "how many years in a row had the security council put nk on its agenda by mid-2018?",
        ["Security Council"],
        ["four"],
    ),
    # Claims without a verb, with a "no?" tag, of a country at the end, of an event's date.
    ("rubio a democrat?", ["Marco Rubio"], ["No", "Republican"]),
    ("Roseanne Gerin was the HRW spokesperson, no?", ["Roseanne Gerin"], ["No", "reporter"]),
    (
        "is kontras, one of the groups the release names, a thai organisation?",
        ["from Thailand"],
        ["No", "Indonesia"],
    ),
    (
        "the panmunjom declaration was signed in may 2018, wasn't it?",
        ["Panmunjom"],
        ["No", "27 April 2018"],
    ),
    ("was the nkhra reauthorisation signed into law in the end?", ["Senate"], ["do not report"]),
    ("the hrw letter in june 2018 was it to trump or to kim?", ["recipient"], ["Kim Jong Un"]),
    ("who rattled off extrajudicial killings and abductions?", ["who said"], ["Rubio"]),
    # Everyone quoted: in all the sources, or about one letter (not its signers).
    (
        "give me every person who gets quoted anywhere in the sources",
        ["everyone quoted"],
        ["9 people", "Ha Tae Keung", "Cardin"],
    ),
    ("list everyone quoted", ["everyone quoted in the sources"], ["Quintana"]),
    (
        "list every person quoted about the 2018 kim letter, and their orgs",
        ["who was quoted"],
        ["Brad Adams"],
    ),
    # "Besides": the other letters an organisation signed, or the other signers.
    ("did people in need sign anything besides the 2012 letter", ["besides"], ["No"]),
    ("did hrw sign any other letter apart from the 2018 one", ["besides"], ["Yes", "2012"]),
    (
        "apart from hrw, which group joined the pre-summit letter as a signatory?",
        ["who signed"],
        ["Christian Solidarity Worldwide"],
    ),
    # Organisations as members name no person; chat contractions; short cues.
    (
        "which countries are on the icnk member list printed with the 2012 release?",
        ["countries"],
        ["Bangladesh"],
    ),
    ("the letter with 76 co-signer, it was send to who?", ["recipient"], ["Moon Jae-in"]),
    ("why'd they send the hrw letter when they did?", ["why"], ["Singapore"]),
    (
        "who is saying there is no dilemma between human rights and the nuclear talks?",
        ["who said"],
        ["Quintana"],
    ),
    ("what the 2018 letter is saying about humanitarian aid?", ["humanitarian aid"], ["monitor"]),
    ("sergey lavrov why he appear in this? what is his job?", ["who is"], ["Foreign Minister"]),
    # A second question of the same sentence is asked of what it names, not a guessed letter.
    (
        "so i keep hearing about the panmunjom declaration from people in the server and never "
        "looked it up, what was the exact day it was signed and who signed it?",
        ["Panmunjom"],
        ["27 April 2018", "Moon Jae-in"],
    ),
    # A person's life outside the campaigns; a figure the sources never give.
    ("has benedict rogers written any books?", ["not in the sources"], ["do not report"]),
    ("where did benedict rogers from csw go to university?", ["not in the sources"], ["not"]),
    ("how many nuclear weapons does north korea have", ["nuclear"], ["does not mention"]),
    # Terse: a region and a year; a name, then "co-signer of …?"; how long a role was held.
    ("european orgs, 2012 list?", ["from Europe"], ["People In Need"]),
    ("International Christian Concern — co-signer of the Moon letter?", ["sign"], ["Yes"]),
    ("until when was yun the us special rep for north korea policy", ["Joseph Yun"], ["March"]),
    # Words remembered in other words than the quote's ("main part" for "core pillar").
    (
        "which person said human rights should always be a main part of us diplomacy",
        ["who said"],
        ["Cardin"],
    ),
    (
        "who said talking about human rights wouldnt mess up the nuclear talks",
        ["who said"],
        ["Quintana"],
    ),
    # An organisation that wanted something of someone other than the letter's recipient.
    (
        "for the letter csw joined as a joint signatory, what did csw want the united states "
        "to do?",
        ["Christian Solidarity Worldwide says"],
        ["United States"],
    ),
    # A letter named by who did what to it; people in a role counted by listing them.
    ("what was the letter ICC co-signed about?", ["Moon Jae-in"], ["December 2019"]),
    (
        "how many press contacts did the 2012 release list, and what cities were they in?",
        ["contact"],
        ["4 people", "Kanae Doi"],
    ),
    # Two letters' counts side by side ("comparing", "each").
    (
        "comparing the moon letter with the 2012 open letter by the numbers, how many signers did "
        "each have?",
        ["2012 vs 2019"],
        ["76", "43"],
    ),
    # A topic asked of two letters: each letter's statement on it, and whether the claim holds.
    (
        "did the 2018 letter demand something about separated families that the 2012 one did not?",
        ["separated families in the 2018 and 2012 letters"],
        ["Yes", "foreign national", "2012 letter does not"],
    ),
    # A name, then "were they on …?": whether it signed, not what the letter says.
    ("People In Need - were they on the 2012 letter to kim?", ["People In Need sign"], ["Yes"]),
    # "A brief profile" asks for a short answer, not about the Geneva briefing.
    ("Could you give me a brief profile of Human Rights Watch?", ["about Human Rights Watch"], []),
    ("ICC co-signed a letter. that letter was for which person?", ["recipient"], ["Moon Jae-in"]),
    # Voice typing: a year in words, an abbreviation spelled letter by letter.
    ("did free n k gulag sign the twenty twelve letter", ["Free NK Gulag sign"], ["Yes"]),
    ("what is the i c n k", ["International Coalition"], ["International Coalition"]),
    # The record hopes the act will become law; it does not record that it did.
    ("did the NKHRA become law?", ["North Korean Human Rights Act"], ["do not report"]),
    # A speaker named, and "the wording for attribution": their words, not who said them.
    (
        "Marco Rubio's statement — what did he actually say? Need the wording for attribution.",
        ["quotes by Marco Rubio"],
        ["Marco Rubio"],
    ),
    # "What did X want Moon to do about …": no event is described by Moon and North Korea.
    (
        "What did HRW's Asia deputy director want President Moon to do about his North Korea "
        "policy?",
        ["Phil Robertson"],
        ["Robertson"],
    ),
    # A rambling message that names nothing the knowledge base knows before its point: the
    # point alone is read ("an email from my landlord" asks for no contact details).
    (
        "long week, two deadlines, a dentist appointment i forgot about and a very passive "
        "aggressive email from my landlord about the bins. i need something to distract me. "
        "what were the six things the 52 groups asked kim jong un to do",
        ["demands", "Trump–Kim summit"],
        ["six demands (6)"],
    ),
    (
        "so i've been lurking for weeks and people keep saying ICNK like i'm supposed to know "
        "it. also unrelated but does anyone know if the discord mobile app eats battery or is "
        "it just my phone. what even is the icnk",
        ["about International Coalition"],
        ["International Coalition"],
    ),
    # A negative statement with a tag is answered for the statement: No when the sources
    # show the opposite, Yes when they bear it out.
    ("the 2018 letter didn't mention the UN at all, right?", ["speak of the un"], ["No,"]),
    ("ICC never signed the moon letter, right?", ["International Christian Concern"], ["No,"]),
    ("didn't Kontras sign the 2012 one?", ["Kontras sign"], ["Yes"]),
    # "True or false: X signed" is a claim about X, not a topic of the letter.
    ("true or false: HRW signed the 2012 letter", ["Human Rights Watch sign"], ["Yes, that is"]),
    # One signer claimed where the sources report many.
    (
        "only Human Rights Watch signed the 2018 letter, right? nobody else",
        ["Human Rights Watch sign"],
        ["No", "52"],
    ),
    ("did CSW sign the 2018 letter or did they just write about it", ["Solidarity"], ["Yes"]),
    # Whether any signer is from a country: Yes or No first, then who.
    ("is there a group from Thailand on the 2012 list?", ["from Thailand"], ["Yes", "Burma"]),
    # Which letters a group joined, however it is put.
    ("Human Rights Watch how many letter they join? which ones", ["letters signed by"], []),
    ("ICNK coalition make which letters, tell me all", ["letters signed by"], []),
    # Everyone quoted about "these letters": all of them, not the one a word points to.
    ("can you list everyone who got quoted about these letters", ["everyone quoted"], []),
    # A claim in a relative clause, and a recipient claimed with "was to".
    (
        "was CSW the group that organised the 2018 letter?",
        ["organised by Christian Solidarity Worldwide"],
        ["No", "Human Rights Watch"],
    ),
    ("the letter the coalition sent in 2012 was to kim jong un right?", ["sent to Kim"], ["Yes"]),
    # Words and a guessed speaker: whether the guess is right, and who said them.
    (
        "the 'a mistake to overload the agenda' line was Quintana, right?",
        ["who said"],
        ["No, not Tomas Ojea Quintana", "Joseph Yun"],
    ),
    (
        "'any security discussion needs to include human rights' — pretty sure that was the UN "
        "rapporteur, not some NGO guy",
        ["who said"],
        ["Brad Adams"],
    ),
    # After "anyway", the point of a long message, whatever the chat before it named.
    (
        "my sister works at a church in leeds and she mentioned a guy from CSW who comes up a "
        "lot, Benedict something. she also told me about her allotment and its slugs. anyway "
        "what did benedict rogers say about the 2018 letter?",
        ["quotes by Benedict Rogers"],
        ["Benedict Rogers"],
    ),
    # Two events compared, one of them described by who met.
    (
        "How many days after Trump met Kim Yong Chol did the Singapore summit take place?",
        ["time between", "Kim Yong Chol"],
        ["11 days"],
    ),
    ("which of the letters is FIDH connected to?", ["letters signed by"], []),
    # A career before the role, a copy to someone else, a deadline, what came of a letter:
    # none of it is in the sources, and the first line says so.
    ("what did brad adams do before he joined hrw?", ["not in the sources"], ["do not report"]),
    ("was the 2018 letter also copied to trump?", ["not in the sources"], ["do not report"]),
    ("what deadline did the 2018 letter give kim?", ["not in the sources"], ["do not report"]),
    ("did north korea ever let the un rapporteur in?", ["not in the sources"], ["do not report"]),
    # A group named by someone who works there.
    ("tell me about the group the csw east asia person works for", ["about Christian"], ["UK"]),
    (
        "did the outfit the hrw asia director works for sign the june 2018 letter or just talk "
        "about it",
        ["Human Rights Watch sign"],
        ["Yes"],
    ),
    # Terse claims and asks.
    ("icc sign the moon letter fr?", ["International Christian Concern sign"], ["Yes"]),
    ("csw - signed 2012?", ["Christian Solidarity Worldwide sign"], ["Yes"]),
    ("icc letters?? which ones did they sign", ["International Christian Concern"], ["2019"]),
    ("conectas brazilian? y/n", ["Conectas from Brazil"], ["Yes"]),
    ("2012 open letter, who were the big names on it", ["organiser"], ["Amnesty"]),
    # A group described by what it was: "which group was the coalition's secretariat".
    ("which group was the coalition's secretariat in 2012?", ["secretariat"], ["Open North"]),
    # A plural asked of a letter's notes: the letter's own note, not one signatory's.
    (
        "2012 release - besides amnesty/hrw/fidh which groups does the text itself name",
        ["what the sources note"],
        ["Jubilee Campaign", "Kontras"],
    ),
    # A one-letter kind asked of two letters named by year: each letter in turn.
    (
        "who from HRW was quoted about the 2018 and 2019 letters?",
        ["who was quoted", "Moon Jae-in"],
        ["Brad Adams", "Phil Robertson"],
    ),
    # "Go back to" is a return, not backing; "after the letter" only dates the claim; "Moon's
    # government" is the government, not Moon.
    (
        "did south korea go back to co-sponsoring the UN resolution after the letter?",
        ["South Korea"],
        ["do not report"],
    ),
    (
        "after the ICNK letter, did moon's government go back to co-sponsoring the UN resolution?",
        ["South Korea stops co-sponsoring"],
        ["do not report"],
    ),
    (
        "What did HRW's Asia deputy director say about Moon's government in December 2019?",
        ["Phil Robertson"],
        ["Robertson"],
    ),
    # Whether a group signed, asked in the forms people use.
    (
        "the letter w/ 76 cosigners - was icc on it",
        ["International Christian Concern sign"],
        ["Yes"],
    ),
    ("The ICNK open letter urging a new era — No Fence from Japan was in the list?", [], ["Yes"]),
    ("Did Human Rights Watch sign all three letters?", ["which letters"], ["No", "2019"]),
    ("did HRW sign more than one letter?", ["which letters"], ["Yes", "2012 and 2018"]),
    ("did any group sign all three letters?", ["every letter"], ["No organisation", "two"]),
    ("which organisations signed more than one letter?", ["more than one"], ["Human Rights"]),
    ("was hrw the coordinator of the 2018 letter", ["organised by Human"], ["Yes"]),
    # A person asked about as a signer: the sources name organisations, and how the person
    # is connected with the letter follows.
    ("did Phil Robertson sign the 2019 letter?", ["did Phil Robertson sign"], ["don't say"]),
    ("was Kim Jong Un one of the signers of the 2018 letter?", ["sign"], ["No", "addressed"]),
    # The 2012 release counts 3 + 40 organisations and prints 39 names.
    ("did ICC sign the 2012 letter?", ["International Christian Concern"], ["don't say"]),
    # Lists over the data: every letter's signatories, an organisation's people, events.
    (
        "Which of the signatory organisations have no country given for them?",
        ["no country: every letter"],
        ["2012", "Human Rights Watch"],
    ),
    ("From which countries are the organisations signing?", ["every letter"], ["South Korea"]),
    ("all the CSW people named?", ["people of Christian"], ["Benedict Rogers", "Kankhwende"]),
    ("who from HRW is mentioned in the sources?", ["people of Human"], ["Brad Adams"]),
    ("Can you give me every event that happened in 2018?", ["events in 2018"], ["Panmunjom"]),
    # A role asked for a year the sources do not date it in is not given as held then.
    (
        "Who was the UN special rapporteur on North Korea in 2012?",
        ["role in 2012"],
        ["do not say", "as of 7 June 2018"],
    ),
    # A claim about someone's post without a question's words: yes or no, by the post.
    ("brad adams works for csw?", ["Brad Adams"], ["No", "Human Rights Watch"]),
    ("ha tae keung on the icnk coordinating committee?", ["Ha Tae Keung"], ["Yes", "Coordinating"]),
    ("phil robertson with hrw?", ["Phil Robertson"], ["Yes"]),
    # More names than the sources print, asked for: said first.
    ("names of the 76 cosigners?", ["full list"], ["do not name the others"]),
    (
        "the 2012 release says 3 big groups plus 40 others but only prints 39 names - which "
        "four orgs are the missing ones?",
        ["full list"],
        ["do not name the others", "43"],
    ),
    ("2012 open letter: amnesty, hrw and fidh plus how many other orgs?", [], ["40"]),
    ("where is amnesty based", ["where Amnesty"], ["do not say where"]),
    # A group no one from which is quoted: its view is not in the sources.
    ("what did amnesty think of the 2019 moon letter?", ["not in the sources"], ["do not report"]),
    # What was signed at the end of an event the sources were written before.
    (
        "What did Trump and Kim actually sign at the end of the Singapore summit?",
        ["outcome"],
        ["do not report"],
    ),
    # Whether a letter described by a clause mentions something: the clause has its verb.
    (
        "Did the letter that pressed Kim to admit human rights monitors mention the Red Cross?",
        ["new era"],
        ["Yes", "Red Cross"],
    ),
    ("Did the 2012 open letter make any reference to the Red Cross?", ["red cross"], ["Yes"]),
    # What an event was meant to cover: the event, not the quotes of who took part.
    ("what were trump and kim supposed to talk about in singapore", ["what happened"], ["nuclear"]),
    # A country filter with no letter named: every letter's named signatories in turn.
    ("What European organisations signed?", ["from Europe: every letter"], ["People In Need"]),
    # Counts over the data: quotes of a person, people quoted, events in a year.
    ("how many separate quotes are there from brad adams", ["quotes by Brad Adams"], []),
    ("how many people are quoted in total", ["everyone quoted"], ["9 people"]),
    ("how many events happened in 2018", ["events in 2018"], ["9 events"]),
    ("how many of the letters is CSW on as a signer", ["letters signed by"], ["2 letters"]),
    (
        "For the newsletter: which of the letters did Christian Solidarity Worldwide sign?",
        ["letters signed by"],
        ["2012", "2018"],
    ),
    # A count with a tag is what is claimed, not a clue to another letter.
    ("moon letter 52 signers true?", ["is 52 a count of ICNK joint letter"], ["No", "76"]),
    # Who "someone from X" was is no part of the words remembered.
    (
        "someone from the big NY group said moon's government was trying to mollify kim — who "
        "was that?",
        ["who said"],
        ["Phil Robertson"],
    ),
    # Chat before "anyway" is no context: its "today" asks nothing of how things stand now.
    (
        "ugh my laptop died twice today and the coffee machine at work is broken again, "
        "honestly what a week. anyway who coordinated the letter to moon?",
        ["organiser"],
        ["The 2019 joint letter was organised"],
    ),
    # "Listed as being from" claims a country, whatever list it is on.
    (
        "Burma Partnership is on the list of coalition members for the 2012 letter. Is it listed "
        "as being from Myanmar?",
        ["Burma Partnership from Myanmar"],
        ["No", "Thailand"],
    ),
    # A group's spokesperson: the one person the sources quote for it (on the letter asked).
    ("who was the coalition's spokesman in 2012?", ["Ha Tae Keung"], ["Ha Tae Keung"]),
    ("who was the HRW spokesperson for the 2018 letter?", ["Brad Adams"], ["Brad Adams"]),
    # A place phrase does not swallow the country after it ("in the data are from the UK").
    (
        "Which organisations in the data are from the UK?",
        ["from United Kingdom"],
        ["Christian Solidarity Worldwide"],
    ),
    # A clause that describes the letter names no subject: Seoul and the UN say which letter.
    (
        "what's the letter where the coalition got angry at south korea over the UN vote",
        ["about →", "Moon Jae-in"],
        ["Moon Jae-in", "2019"],
    ),
    (
        "which letter was the one that slammed Seoul for quitting the UN resolution?",
        ["Moon Jae-in"],
        ["Moon Jae-in"],
    ),
    # A claim quoted to be checked is read as the claim, not as words someone said.
    ('"62 groups signed the 2018 letter" — accurate?', ["is 62 a count"], ["No", "52"]),
    (
        "Draft says: 'the letter to Moon went out in November 2019.' Correct?",
        ["November 2019"],
        ["No", "December 2019"],
    ),
    ("'Human Rights Watch is based in London' - true?", ["London"], ["No", "New York"]),
    # Hedged and tagged yes/no questions open with the answer to what they ask.
    ("there wasn't a Belgian group on the 2012 list, was there?", ["Belgium"], ["Yes"]),
    ("I don't suppose the 2012 letter mentioned the Red Cross?", ["Red Cross"], ["Yes"]),
    # A recipient claimed in a tagged statement is checked, not only the date beside it.
    (
        "The ICNK's December 2019 letter was sent to Kim Jong-un, right?",
        ["sent to Kim Jong Un"],
        ["No", "Moon Jae-in"],
    ),
    # A role claimed for a date is checked, though the year also dates a letter.
    (
        "Quintana was the UN special rapporteur on North Korea in June 2018, correct?",
        ["role"],
        ["Yes"],
    ),
    # Everyone or everything of a kind: people by the body their role is at, of a country.
    ("which US politicians come up?", ["US officials"], ["Rubio", "Trump"]),
    ("which north korean officials are mentioned?", ["North Korean"], ["Kim Yong Chol"]),
    ("list the UN bodies in the data", ["UN bodies"], ["Security Council"]),
    # How a letter saw something is in the summary of its sources; Yes only to that stance.
    (
        "was the 2018 letter critical of north korea's dialogue with other countries?",
        ["dialogue"],
        ["welcomed"],
    ),
    ("did the 2018 letter welcome north korea's outreach to the world?", ["welcome"], ["Yes"]),
    # The three large groups that released the 2012 letter are its senders, not a filter.
    (
        "which 3 major international NGOs fronted the 2012 letter?",
        ["organiser"],
        ["Amnesty International", "Human Rights Watch"],
    ),
    # Who wrote a source is its byline; where none is printed, the sources don't say.
    ("did Roseanne Gerin write the RFA article?", ["write a source"], ["Yes", "June 2018"]),
    ("did ben cardin write the RFA piece?", ["write a source"], ["No", "Roseanne Gerin"]),
    ("did gina goh write the ICC article?", ["write a source"], ["don't say"]),
    # A group the question describes ("which group of …") is the one asked about.
    (
        "Which group of North Korean prison-camp survivors supported the coalition's 2012 letter?",
        ["Free NK Gulag"],
        ["Free NK Gulag"],
    ),
    # An outlet that reports on a letter is the source, not a signer asked about; a count
    # that only names the letter is not the count claimed.
    (
        "RFA said the 2018 letter itself listed forced abortions, right?",
        ["forced abortions"],
        ["Not in the 2018 letter's own text"],
    ),
    ("the 52 group letter had 76 signers, right?", ["is 76 a count"], ["No", "52"]),
    # Terse queries: a group and a keyword.
    ("csw country?", ["where Christian Solidarity Worldwide is"], ["United Kingdom"]),
    ("which country is CSW from?", ["where Christian Solidarity Worldwide is"], ["United Kingdom"]),
    ("freedom house signer 2012?", ["did Freedom House sign"], ["Yes"]),
    ("pre-summit letter count", ["how many"], ["52"]),
    ("countries list 2012", ["countries"], ["South Korea"]),
    # Plain words: a letter by when it went out, abuses as "bad stuff", countries of a list.
    (
        "tell me about the letter that went out a few days before trump and kim met",
        ["about →", "Trump–Kim summit"],
        ["7 June 2018"],
    ),
    ("what bad stuff did the 2012 letter say was happening", ["abuses cited"], ["200,000"]),
    ("what countries do the groups on the 2012 list come from", ["countries"], ["Brazil"]),
    # Paraphrased words: "cram too much into" is "overload"; a letter named only narrows.
    ("who said it'd be a mistake to cram too much into the summit", ["who said"], ["Joseph Yun"]),
    (
        "who said peace on the peninsula shouldn't come at the cost of human rights (Moon letter)",
        ["who said"],
        ["Benedict Rogers"],
    ),
    # The groups a letter's count names as behind it say which letter, over HRW's own one.
    (
        "what did the letter Amnesty, HRW and FIDH put out demand?",
        ["demands", "urging a new era"],
        ["2012"],
    ),
    # A letter dated and described is checked for the recipient claimed, not all letters.
    (
        "was the 2018 hrw letter addressed to trump since it was all about the summit?",
        ["sent to Donald Trump"],
        ["No", "Kim Jong Un"],
    ),
    # Two events described by who and what: "Yun's testimony" is where Yun testifies.
    (
        "Quintana's Geneva briefing or Yun's testimony — which came first?",
        ["which came first"],
        ["Joseph Yun testifies"],
    ),
    # What a group is, in plain words; what the knowledge base holds about one.
    (
        "International Christian Concern, what kind group is?",
        ["about International"],
        ["persecuted"],
    ),
    (
        "What is the ICNK? what do the letters stand for",
        ["about International Coalition"],
        ["Crimes Against Humanity"],
    ),
    (
        "what do the sources say about christian solidarity worldwide",
        ["about Christian Solidarity Worldwide"],
        ["United Kingdom"],
    ),
    # A meeting claimed in the wrong place: they met, but not there.
    (
        "Trump and Kim met in Hanoi in June 2018, right?",
        ["meet"],
        ["No, not in Hanoi", "Singapore"],
    ),
    ("did Trump meet Kim in Singapore?", ["meet"], ["Yes"]),
    # "X is who?"; a role held alongside is "Also", with the body a bare title needs.
    (
        "Ha Tae-kyung is who? president of what org",
        ["Ha Tae Keung"],
        ["Also: President (Open North Korea)"],
    ),
    (
        "who is joseph yun?",
        ["Joseph Yun"],
        ["Earlier: U.S. special representative", "until March 2018"],
    ),
    # "the singapore meeting, what date was it" asks the date, not whom they met.
    ("Trump and Kim Jong-un singapore meeting, what date it was?", ["when"], ["12 June 2018"]),
    # A count of demands claimed: Yes or No, then the demands.
    (
        "the 2018 letter only had like 4 demands right?",
        ["make 4 demands"],
        ["No", "six demands (6)"],
    ),
    (
        "the 2012 letter made three demands, right?",
        ["make 3 demands"],
        ["Yes", "three demands (3)"],
    ),
    # Not in the letter asked of, but in another: which one says it.
    (
        "did the 2019 letter mention forced labour?",
        ["forced labour"],
        ["No", "2018 letter does speak of it"],
    ),
    # A nationality before "ones" or nearest the noun filters by country; "the south korea
    # one" is still a letter.
    ("canadian ones?? 2012 letter", ["from Canada"], ["Han Voice"]),
    (
        "which letters go to north korea leader and which to the south korea one?",
        ["letters"],
        ["Moon Jae-in"],
    ),
    # A group by the short form of its city ("the NY group"); "tell me about them".
    (
        "the big NY rights group that keeps coming up — tell me about them",
        ["about Human Rights Watch"],
        ["New York"],
    ),
    # Someone never quoted: who they are, not "no quotes by …", unless words are asked.
    ("kim 2018 meetings", [], ["Kim Jong Un"]),
    (
        "Do you have anything on a letter to the Chinese President Xi Jinping about refugees?",
        ["a letter to Xi Jinping (not in the knowledge base)"],
        ["No letter"],
    ),
    # A quiz with choices: each choice checked; the group naming the letter is no choice.
    (
        "which one was on the 2012 ICNK letter: Freedom House or Radio Free Asia?",
        ["which of those listed signed"],
        ["Freedom House signed it"],
    ),
    ("the letter ICC co-signed: to Kim or to Moon?", ["recipient"], ["Moon Jae-in"]),
    ("the singapore summit: trump and kim, or trump and moon?", ["who took part"], ["Kim Jong Un"]),
    # A count of countries the sources report but do not list: said first.
    ("22 countries moon letter which ones", ["countries"], ["do not name", "22 countries"]),
    ("list all 22 countries of the moon letter", ["countries"], ["1 signatory", "no country"]),
    # A longer name starting inside a shorter one wins ("the north korean human rights act",
    # not "the north"); a later step than the record is not reported, whoever took it.
    (
        "did trump sign the north korean human rights act into law after senate passed it?",
        ["is it true"],
        ["do not report"],
    ),
    # "… a signatory?" after a sentence that dates the letter: a signatory of that letter.
    (
        "ICC posted about the June 2018 HRW letter. Does that mean ICC was a signatory?",
        ["sign Joint letter to Kim Jong Un"],
        ["not among the signatories"],
    ),
    # A claim of every letter: how many, and where the others went.
    (
        "true or false: all three letters were addressed to Kim Jong Un",
        ["all the letters"],
        ["false", "Moon Jae-in"],
    ),
    ("were all the letters sent to kim?", ["all the letters"], ["No", "2 of the 3"]),
    # "the joint letter to Kim" is the joint one of the two letters to Kim.
    (
        "the joint letter to Kim went out after the Singapore summit, right?",
        ["which came first"],
        ["No", "before"],
    ),
    # A day claimed of something the sources date only to a year or month: they don't say.
    # (This was "Yes": 9 January 2012 starts with the recorded "2012".)
    ("was the 2012 letter sent on January 9 2012?", ["9 January 2012"], ["don't say", "1.9.2012"]),
    ("was the 2019 letter sent on 17 December 2019?", ["17 December 2019"], ["don't say"]),
    ("was the 2018 letter sent on 7 June 2018?", ["7 June 2018"], ["Yes"]),
    (
        "the UN security council kept north korea on its agenda on 5 March 2018, right?",
        ["is it true"],
        ["don't say"],
    ),
    # A meeting claimed on a day or month: checked against the date the sources give.
    ("did trump meet kim in july 2018?", ["meet"], ["No, not in July 2018", "12 June 2018"]),
    ("did Kim meet Xi on 3 March 2018?", ["meet"], ["don't say on what day"]),
    ("kim jong un met xi jinping before june 2018, true?", ["meet"], ["Yes"]),
    (
        "How many days separate the Panmunjom Declaration from the June 2018 letter?",
        ["time between"],
        ["41 days"],
    ),
    # "when did <event> … and which article reports it?": the event's date first.
    (
        "When did South Korea stop co-sponsoring the UN resolution, and which article reports it?",
        ["when"],
        ["November 2019"],
    ),
    # Typed as a statement ("… mentioned?" reads as yes/no), a list word next to the kind
    # still asks for all of them.
    ("all media outlets mentioned?", ["news outlets"], ["Reuters"]),
    # A group described by where it is and where it is listed: the coalition is the setting,
    # the description the subject; a country alone names its one group.
    (
        "the czech NGO on the coalition list, what letters did they sign",
        ["People In Need"],
        ["People In Need", "2012"],
    ),
    ("the japanese commission on missing people — what's it called", ["Investigation"], []),
    ("what's the seoul group that served as the coalition's secretariat", ["Open North Korea"], []),
    ("2012 list — the belgian org?", ["Belgium"], ["Human Rights Without Frontiers"]),
    # What a group was to another ("ICNK's secretariat") is not that other group; a
    # nationality inside a longer description says where the one group is from.
    (
        "the group that acted as ICNK's secretariat, which letters are they on?",
        ["Open North Korea"],
        ["2012"],
    ),
    ("is the group that served as the coalition's secretariat Seoul-based?", ["Seoul"], ["Yes"]),
    (
        "that indonesian rights group from the coalition roster — which letters is it tied to?",
        ["KontraS"],
        [],
    ),
    # "The Thai one": a nationality and "one" name the one group from there, not a letter.
    ("the thai one on the list — who's that", ["Burma Partnership"], ["Burma Partnership"]),
    ("the 2018 one, who signed", ["who signed", "Trump–Kim summit"], ["52"]),
    # "— how many, who?" counts the groups, it names nothing else to count.
    ("south korean groups on the 2012 list — how many, who?", ["how many"], ["9", "Free NK"]),
    # Groups "from the USA" are a filter, not one group.
    ("2012 list, which groups from USA?", ["United States"], ["Freedom House"]),
    # A claim hedged before or after is checked, as one with "right?" is.
    ("Free NK Gulag is a japanese group i'm pretty sure", ["from Japan"], ["No", "South Korea"]),
    ("HRW is based in London, correct me if I'm wrong", ["London"], ["No", "New York"]),
    ("pretty sure the 2018 letter had like 10 demands", ["10 demands"], ["No", "six demands (6)"]),
    ("I think the panmunjom declaration was in may 2018", ["Panmunjom"], ["No", "27 April 2018"]),
    # A learner's words: a claim with its verb in the base form, "how much" for a count.
    ("Freedom House also sign the open letter in 2012?", ["Freedom House"], ["Yes"]),
    ("how much organisations sign 2018 letter?", ["how many"], ["52"]),
    # Quoted words with the one claimed to have said them: who did, first.
    (
        "'world's biggest open prison' — that was the florida senator right?",
        ["who said"],
        ["No, not Marco Rubio", "Brad Adams"],
    ),
    # "One of them said …, which one?": the words, then who of them said them.
    (
        "one of the lawmakers said promoting human rights has to stay a core pillar of US "
        "diplomacy. which one",
        ["who said"],
        ["Ben Cardin"],
    ),
    # A kind after the verb ("which … are coalitions"); an organisation's staff, though a
    # role seems to fit someone.
    (
        "Which organisations in the knowledge base are coalitions?",
        ["every one of the coalitions"],
        ["North Korea Freedom Coalition"],
    ),
    (
        "Which staff members of International Christian Concern are mentioned?",
        ["people of International Christian Concern"],
        ["Gina Goh"],
    ),
    # An organisation right before the role says whose: not HRW's Asia director for CSW's,
    # but CSW's East Asia team leader, whose role shares "Asia".
    (
        "what did the CSW asia director say about the 2019 letter to moon",
        ["quotes by Benedict Rogers"],
        ["Benedict Rogers", "December 2019"],
    ),
    ("what did HRW's deputy asia director say about moon", ["Phil Robertson"], []),
    # Who wrote an outlet's piece: its byline, or that it prints none.
    ("who wrote the radio free asia piece on the 52 groups", ["who wrote"], ["Roseanne Gerin"]),
    (
        "Who is the author of the ICC article about the Moon letter?",
        ["who wrote"],
        ["don't say", "no byline"],
    ),
    # A figure claimed against one the letter gives in words ("Seventy years"): No, with it.
    (
        "the 2018 letter talked about 50 years of rights abuses, right?",
        ["50 years"],
        ["No", "another figure, 70"],
    ),
    # No country recorded, but a city: New York is in no country but the United States.
    ("Human Rights Watch is from Seoul? korean org?", ["South Korea"], ["No", "New York"]),
    ("is HRW an american group?", ["United States"], ["no country", "which is in United States"]),
    # Keywords: a group and a letter, or a group and a country, asked.
    ("freedom house 2012 letter?", ["did Freedom House sign"], ["Yes"]),
    ("csw on the 2019 list?", ["did Christian Solidarity Worldwide sign"], ["don't say"]),
    ("conectas brazil?", ["from Brazil"], ["Yes"]),
    ("odhikar thailand?", ["from Thailand"], ["No", "Bangladesh"]),
    # but a body the letter speaks of is its topic, not a signer
    ("2018 ltr on the COI?", ["Trump–Kim summit"], []),
    # Regions asked: the regions the sources give lead, then the countries we can name.
    ("pre-summit letter, signer regions", ["countries"], ["come from Asia", "Africa"]),
    # A letter described, then "what else was in it": all of it, when read whole it is not
    # understood.
    (
        "the letter that mentioned 24.5 million people - what else was in it",
        ["about → ICNK open letter"],
        ["2012"],
    ),
    # "The same day as the Kim letter": of the letters to Kim, the one nearest the event.
    (
        "was the un special rapporteurs briefing the same day the kim letter went out",
        ["which came first", "Trump–Kim summit", "briefing"],
        ["Yes", "7 June 2018"],
    ),
    # A tag "right" is no word of an event's title ("… human rights resolution").
    (
        "the 2012 letter had more signers than the 2019 one right?",
        ["how many more signed"],
        ["No", "76"],
    ),
    # Whether any letter went to someone other than Kim: the yes and no the other way round.
    (
        "did any letter go to someone other than Kim?",
        ["someone other than Kim Jong Un"],
        ["Yes", "Moon Jae-in"],
    ),
    (
        "I don't suppose any of these letters went to someone other than Kim?",
        ["someone other than"],
        ["Yes", "2019 letter went to Moon Jae-in"],
    ),
    # Two counts offered as a choice: which one, not yes or no.
    ("was it 52 or 76 groups on the 2018 letter?", ["52 or 76"], ["52:"]),
    ("did the 2019 letter have 52 or 76 co-signers?", ["52 or 76"], ["76:"]),
    ("2012 letter: 60 or 70 groups?", ["60 or 70"], ["Neither"]),
    ("how many demands did the 2018 letter make, 5 or 6?", ["demands"], ["six demands (6)"]),
    # A choice among people by their role: each checked against the roles the sources give.
    (
        "which of these was NOT a US senator: rubio, cardin, yun",
        ["was not a us senator"],
        ["Joseph Yun was not a US senator", "Marco Rubio and Ben Cardin were"],
    ),
    ("which one was a democrat, rubio or cardin?", ["was a democrat"], ["Ben Cardin was"]),
    ("which of them was a rapporteur: rubio or cardin?", ["was a rapporteur"], ["None of them"]),
    # but "which person was quoted about both letters" names no role
    (
        "which person was quoted about both the 2018 kim letter and the 2019 moon letter",
        [],
        ["Benedict Rogers"],
    ),
    # "the 2018 letter vs 2019 …": another letter, not a topic of the first.
    (
        "2018 letter vs 2019 Moon Jae In letter, which one more signer? how many more",
        ["how many more signed"],
        ["24 more", "76 − 52"],
    ),
    # Keywords describing an event the person named took part in: the event.
    ("kim 2018 meetings", ["2018 meetings with foreign leaders"], []),
    ("kim jong un", ["about Kim Jong Un"], []),
    # None named from there on this letter: the letters that do name some, cited.
    (
        "which japanese groups signed the 2018 letter",
        ["from Japan"],
        ["don't say", "The 2012 letter names 4 from Japan", "No Fence"],
    ),
    # A post held, not a position taken.
    ("Ha Tae Keung, what position he has?", ["who is Ha Tae Keung"], ["President"]),
    ("what position did HRW take on the summit?", ["quotes by people of Human Rights Watch"], []),
    # "The HRW guy in Bangkok": someone at HRW, described; "an HRW staffer" is a claim.
    (
        "the HRW guy in bangkok — was he involved back in 2012 too?",
        ["Phil Robertson"],
        ["Yes", "Phil Robertson"],
    ),
    (
        "I've got Benedict Rogers down as a Human Rights Watch staffer. That's right, isn't it?",
        [],
        ["No"],
    ),
    # "X is the one who coordinated it?": "who" relates, the claim is checked.
    (
        "Amnesty is the one who coordinate 2018 letter?",
        ["organised by Amnesty"],
        ["No", "Human Rights Watch"],
    ),
    # Someone of a group none of whose people the sources quote: say so, first.
    (
        "what did the amnesty spokesperson say about the 2012 open letter",
        ["no one of it is quoted"],
        ["do not quote anyone from Amnesty International"],
    ),
    (
        "what did ICC staff say?",
        ["International Christian Concern"],
        ["Gina Goh and Olivia Miller"],
    ),
    # and a group whose people are quoted answers with them
    ("what did the HRW spokesperson say about the 2019 letter", ["Phil Robertson"], []),
    # A claim of what a letter asked, tagged at its end, is checked against the letter.
    (
        "the 2012 letter asked North Korea to honour the treaties it signed, right?",
        ["is it true that", "new era"],
        ["Yes"],
    ),
    (
        "the 2012 letter asked North Korea to abolish nuclear weapons, right?",
        ["is it true that"],
        ["No"],
    ),
    # A misspelled country or nationality still filters; a name split in two still names.
    ("any canadain orgs on the icnk list", ["from Canada"], ["Council for Human Rights"]),
    ("which org from bangledesh signed", ["from Bangladesh"], ["Odhikar"]),
    ("were any hungry people mentioned in the 2012 letter", ["hungry people"], []),
    (
        "did christian solidarity world wide sign the 2018 kim jong un letter?",
        ["Christian Solidarity Worldwide"],
        ["Yes"],
    ),
    # a group whose name holds a country is not from that country by its name
    (
        "is the comittee for human rights in north korea the canadian one?",
        ["from Canada"],
        ["No", "United States"],
    ),
    # What an acronym stands for, checked against the recorded names.
    ("HRW stands for human rights watch, right?", ["Human Rights Watch"], ["Yes"]),
    ("CSW stands for Christian Support Worldwide, correct?", ["Christian Solidarity"], ["No"]),
    # A quiz-style choice about a letter: the option it bears out, first.
    ("how many demands in the 2018 letter — five or six?", ["six or five"], ["Six:"]),
    ("2018 letter on the 2014 COI — 'seminal' or 'flawed'?", ["bears out"], ["Seminal:"]),
    ("2012 letter on prison camps: 200k people or 2 million?", ["bears out"], ["200,000"]),
    # without a break before the options, both are asked of, yes or no
    ("did the 2012 letter mention food or hunger?", ["food or hunger"], ["Yes"]),
    # What a quoted person listed or demanded is in their quotes, not a letter's list.
    ("which abuses did the florida senator list?", ["quotes by Marco Rubio"], ["Rubio"]),
    ("what demands did benedict rogers make", ["quotes by Benedict Rogers"], ["Rogers"]),
    # a letter's recipient is asked of, and a letter named is the letter's
    ("what demands did moon get", ["demands"], ["2019"]),
    # A lead-in that names the subject keeps it for the question after the colon.
    ("Free NK Gulag: which country?", ["where Free NK Gulag is"], ["South Korea"]),
    ("Free NK Gulag: what is it + which country?", ["Free NK Gulag"], ["South Korea"]),
    ("Phil Robertson - what org is he with", ["Phil Robertson"], ["Human Rights Watch"]),
    ("which group was olivia miller from?", ["Olivia Miller"], ["International Christian"]),
    # An acronym typed in capitals with its letters swapped; a key word with a slip.
    ("did FHID sign the open letter in 2012", ["International Federation"], ["Yes"]),
    ("what is the ICKN", ["International Coalition"], ["coalition"]),
    ("who was quoted on both the 2018 letter and the 2019 moon leter", ["in both"], ["Rogers"]),
    # Someone quoted reacted in their quotes; a recipient's reply is not in the sources.
    ("how did phil robertson react to moon's north korea policy?", ["quotes by Phil"], ["Moon"]),
    ("how did trump react to the 2018 letter?", ["a reply from Donald Trump"], ["do not report"]),
    # A claimed span between two dated things is checked; the claim's own order is kept.
    (
        "the 2018 letter went out 10 days before the singapore summit right?",
        ["which came first"],
        ["No, not 10 days", "five days apart"],
    ),
    ("was the 2012 letter sent before the 2018 one?", ["which came first"], ["Yes"]),
    ("did the singapore summit come after the 2018 letter?", ["which came first"], ["Yes."]),
    # The event just before or after a letter, with the span from the cited dates.
    (
        "what meeting was coming up a few days after the June 2018 letter?",
        ["the event after"],
        ["Singapore", "five days"],
    ),
    ("what happened just before the moon letter", ["the event before"], ["co-sponsoring"]),
    # "and" before a yes-or-no question about "it" starts a second question
    ("what is CSW and did it sign the 2019 letter", ["about Christian", "did Christian"], []),
    # A described role at a named employer: its staff's descriptions, not another's title.
    ("who was ICC's contact for interviews on the 2019 letter?", ["Olivia Miller"], ["Miller"]),
    # a letter described, then a question the letter's card does not answer
    (
        "for the letter with 76 co-signers, who was ICC's contact for interviews?",
        ["Olivia Miller"],
        ["Miller"],
    ),
    # An organiser claimed of a letter the question names: Yes or No first.
    ("was the 2018 letter coordinated by ICNK?", ["organiser"], ["No", "Human Rights Watch"]),
    ("the june 2018 letter was coordinated by ICNK, right?", ["organiser"], ["No"]),
    ("was the 2012 letter coordinated by ICNK?", ["organiser"], ["Yes"]),
    # A name, a dash, then a yes-or-no question on "that": whether, first.
    ("Odhikar — is that one from Bangladesh?", ["is Odhikar from Bangladesh"], ["Yes"]),
    ("quintana — was that briefing in geneva? yes/no", ["is it true"], ["Yes"]),
    # A city that only names a government does not keep unknown words on topic.
    ("good bibimbap restaurants in seoul", ["does not cover"], ["does not cover"]),
    # Who spoke for a group on each of two letters, and whether it was the same person.
    (
        "Who spoke for Human Rights Watch on the 2018 letter, versus on the 2019 one?",
        ["who spoke for Human Rights Watch"],
        ["Brad Adams", "Phil Robertson"],
    ),
    (
        "was the HRW spokesperson the same person for the 2018 and 2019 letters?",
        ["who spoke for Human Rights Watch"],
        ["No: different people"],
    ),
    # "The three big groups" names the letter they released, and is not always the question.
    (
        "what abuses did the big three international groups call the young kim out on",
        ["abuses cited", "new era"],
        ["200,000"],
    ),
    ("who signed the letter from the three big groups", ["who signed", "new era"], []),
    ("who were the big three behind the 2012 letter", ["organiser"], ["Amnesty"]),
    # A list of people in a role, asked for in the singular or as "people to contact".
    (
        "give me list of press contact people for the 2012 letter",
        ["everyone who was contact"],
        ["Kanae Doi"],
    ),
    # Two asks joined by "and also", "and who said what about it"; romanised Korean places.
    ("who is Olivia Miller and also who is Roseanne Gerin", ["who is Roseanne Gerin"], []),
    (
        "who signed the 2012 open letter to kim and who said what about it",
        ["who signed", "who was quoted"],
        [],
    ),
    ("which Namhan orgs were on the 2012 list", ["from South Korea"], ["Free NK Gulag"]),
    ("which orgs were from Ilbon", ["from Japan"], ["No Fence"]),
    ("any Czech or Belgian groups on there?", ["Czech Republic"], ["People In Need"]),
    # a country's institutions are not a filter on the signers
    ("what's the North Korean Human Rights Act thing in US congress", ["Senate passes"], []),
    ("Give me the asks in the HRW letter to Kim", ["demands"], ["six demands (6)"]),
    # Two remembered phrases, each to its speaker; the letters a group coordinated.
    (
        "who said kim should look to his legacy and also who said it'd be a mistake to "
        "overload the agenda",
        ["who said these words; who said these words"],
        ["Ha Tae Keung", "Joseph Yun"],
    ),
    ("Which letters did the ICNK coordinate?", ["letters coordinated by"], ["coordinated 2"]),
    ("which letters did HRW organise", ["letters coordinated by"], ["also signed"]),
    # A group described by what it was to another ("the coalition's secretariat"), and a
    # role described at that group ("the president of the Seoul group that was …").
    (
        "the seoul org that was the coalition's secretariat - which letters did they sign?",
        ["letters signed by Open North Korea"],
        [],
    ),
    (
        "What did the president of the Seoul group that was the coalition's secretariat "
        "say in 2012?",
        ["quotes by Ha Tae Keung"],
        ["legacy"],
    ),
    # A place offered as an unsure alternative; two counts a letter reports; shorthand.
    (
        "anyone from brazil on the 2012 list, or was it argentina... brazil i think",
        ["from Brazil"],
        ["Conectas"],
    ),
    ("52 or 300?? which is it for the 2018 letter", ["52 or 300"], ["Both"]),
    ("which ltrs were addressed to KJU?", ["letters to Kim Jong Un"], ["2 letters"]),
    ("UNHRC accountability res - when?", ["when: UN Human Rights Council"], ["23 March"]),
    ("did the kju 2018 letter ask him to do anything about the coi", ["speak of"], ["Yes"]),
    # Who said remembered words, asked as "speaker of" or "which <anyone> said".
    (
        "which genius said there's 'no dilemma' between human rights and the denuke talks",
        ["who said"],
        ["Quintana"],
    ),
    (
        "speaker of 'human rights must always remain a core pillar of U.S. diplomacy'?",
        ["who said"],
        ["Cardin"],
    ),
    # "anything on X?" of a letter asks yes or no
    ("2018 ltr: anything on separated families?", ["separated families"], ["Yes"]),
    # where a group is headquartered is where the sources base it
    (
        "Where is Human Rights Watch headquartered, per the sources?",
        ["where Human Rights Watch is"],
        ["New York"],
    ),
    # Contact details explicitly not asked for; a country "as their country" counted.
    (
        "list the 2012 press contacts — names and cities only, not the phone numbers",
        ["everyone who was contact"],
        ["Kanae Doi"],
    ),
    ("how many orgs on the 2012 list have USA as their country?", ["how many"], ["5 of the 39"]),
    # Countries side by side before the groups, with no "or" between them.
    ("bangladesh / indonesia orgs in the 2012 ltr?", ["Bangladesh or Indonesia"], ["Kontras"]),
    # A year claimed of a letter the question names otherwise: the claim, not a clue.
    ("the letter to moon was sent in 2018, right?", ["sent in 2018"], ["No", "December 2019"]),
    (
        "the letter where Seoul got slammed for dropping the UN resolution — that was 2018, "
        "wasn't it?",
        ["Moon Jae-in not to ignore"],
        ["No"],
    ),
    ("was the letter to kim sent in 2018?", ["sent in 2018"], ["Yes", "7 June 2018"]),
    # A year denied of a letter described otherwise.
    (
        "the one Amnesty, HRW and FIDH put out with 40 others — that wasn't the 2018 letter, "
        "was it?",
        ["new era sent in 2018"],
        ["Right, it is not the 2018 letter", "2012"],
    ),
    # A kind of body claimed of an organisation, checked against the kind recorded.
    (
        "International Christian Concern, it is a news agency?",
        ["International Christian"],
        ["No", "NGO"],
    ),
    ("is Radio Free Asia a news outlet?", ["Radio Free Asia"], ["Yes"]),
    # An event named beside "the letter to Kim": the letter to Kim nearest the event.
    (
        "Senate pass NKHRA and the letter to Kim Jongun — which happen first?",
        ["Senate", "before the Trump–Kim summit"],
        ["Senate"],
    ),
    ("did the letter to kim come before the nkhra passed the senate?", ["Senate"], ["No"]),
    # Time that passed is no Senate passing an act.
    ("how much time passed between the 2012 and 2018 letters", ["time between ICNK"], ["6 years"]),
    # "do i" is no Kanae Doi; "rather more than a plea" compares nothing.
    (
        "What did the 2012 open letter ask Kim Jong-un to do? I gather it was more than a plea.",
        ["ICNK open letter"],
        ["three demands (3)"],
    ),
    # Words given to the wrong person are answered with whose they are.
    (
        "Trump said the human rights crisis in NK was 'without parallel', yeah?",
        ["did Donald Trump say"],
        ["No, not Donald Trump", "Benedict Rogers"],
    ),
    (
        "Brad Adams said it's America's moral responsibility to hold the NK regime to account,"
        " right?",
        ["did Brad Adams say"],
        ["No, not Brad Adams", "Marco Rubio"],
    ),
    (
        "Benedict Rogers said peace on the peninsula matters more than human rights, that's his"
        " quote right?",
        ["did Benedict Rogers say"],
        ["No"],
    ),
    # A correction with nothing of its kind to match replaces the words before it.
    (
        "which american groups — sorry, canadian ones — were on the coalition list",
        ["from Canada"],
        ["Han Voice"],
    ),
    (
        "did ICC sign the 2018 letter — no wait, the moon one i mean. did they sign that",
        ["International Christian Concern", "Moon"],
        ["Yes"],
    ),
    # Who said it, asked mid-message or before an aside, or with the speaker guessed after.
    (
        "Someone once said it was America's moral responsibility to hold the North Korean"
        " dictatorship to account. Who was that, please? My memory is not what it was.",
        ["who said these words"],
        ["Marco Rubio"],
    ),
    (
        "who said moon was trying to 'mollify' kim jong un? some hrw person i think",
        ["who said these words"],
        ["Phil Robertson"],
    ),
    (
        "The line about Moon trying to 'mollify Kim Jong-un' — I think that was Benedict Rogers."
        " Can you confirm?",
        ["who said these words"],
        ["No, not Benedict Rogers", "Phil Robertson"],
    ),
    (
        "Who characterised holding the North Korean dictatorship to account as both a moral"
        " responsibility and a security interest of America?",
        ["who said these words"],
        ["Marco Rubio"],
    ),
    # "Which of these letters did they sign?" lists the letters the group signed.
    (
        "I am interested in Christian Solidarity Worldwide. Which of these letters did they sign?",
        ["letters signed by Christian Solidarity Worldwide"],
        ["2018"],
    ),
    # "I remember reading that … who was that" asks who; it is no hedged claim.
    (
        "i remember reading that some american official told senators it would be a mistake to"
        " overload the agenda of the summit with human rights who was that",
        ["who said these words"],
        ["Joseph Yun"],
    ),
    # A guess withdrawn ("no i think it was earlier") leaves the question.
    (
        "which letter was amnesty part of, the 2018 one? no i think it was earlier",
        ["letters signed by Amnesty"],
        ["2012"],
    ),
    # "Yes or no: …", "True or false: …" put a statement up for a verdict.
    (
        "Yes or no: Human Rights Watch signed the June 2018 joint letter.",
        ["did Human Rights Watch sign"],
        ["Yes"],
    ),
    (
        "True or false: the ICNK's 2019 letter was addressed to Kim Jong Un.",
        ["sent to Kim Jong Un"],
        ["No, that is false"],
    ),
    # Who said it, asked as a task or with the words attributed.
    (
        "Identify the speaker who stated that there was no dilemma between a human rights"
        " dialogue and the denuclearisation talks.",
        ["who said these words"],
        ["Quintana"],
    ),
    (
        "To whom is the statement attributed that human rights must always remain a core pillar"
        " of U.S. diplomacy abroad?",
        ["who said these words"],
        ["Ben Cardin"],
    ),
    (
        "who has said there is no dilemma between human rights and the talks",
        ["who said"],
        ["Quintana"],
    ),
    # "Any …?" asks whether there is: Yes, then what there is.
    ("any canadian orgs on the 2012 one?", ["from Canada"], ["Yes", "Han Voice"]),
    ("anything in the 2018 letter about separated families??", ["separated families"], ["Yes"]),
    ("any idea who signed the 2018 letter?", ["who signed"], ["52"]),
    # A headline's lead-in of names or a country is what the question after it asks of.
    ("Canada: 2012 signers?", ["from Canada"], ["Han Voice"]),
    ("CSW: letters joined?", ["letters signed by Christian Solidarity"], ["2012", "2018"]),
    (
        "HRW + CSW: in both 2012 and 2018 letters?",
        ["compare"],
        ["Yes", "Human Rights Watch", "Christian Solidarity Worldwide"],
    ),
    # A tag alone is no topic: "violations cited?" asks for the abuses.
    ("2012 open letter: violations cited?", ["abuses cited"], ["200,000"]),
    # What followed an event is past every source: said first.
    (
        "What became of the North Korean Human Rights Act in the House after the Senate vote?",
        ["what followed U.S. Senate passes"],
        ["do not report what followed"],
    ),
    ("nkhra reauth - did the house pass it / trump sign", ["what followed"], ["do not report"]),
    (
        "did the senate pass the NK human rights act, and did the house pass it too?",
        ["did U.S. Senate do this", "what followed"],
        ["Yes"],
    ),
    # Whether a group belongs to a coalition: the member list, not a kind of body.
    ("was Odhikar in the coalition?", ["is Odhikar a member of"], ["Yes"]),
    ("is Human Rights Watch a member of the ICNK?", ["is Human Rights Watch a member"], ["Yes"]),
    (
        "was ICC on the list of coalition members printed with the 2012 open letter?",
        ["is International Christian Concern a member"],
        ["do not list", "2012"],
    ),
    # "did X coordinate it?" names the group claimed to have organised it.
    ("did HRW coordinate the 2019 letter?", ["organised by Human Rights Watch"], ["No", "ICNK"]),
    ("did ICNK coordinate the 2019 letter?", ["organised by"], ["Yes"]),
    # What a letter held against its recipient's government, in the asker's words.
    (
        "The 2019 letter to Moon - what did it say Seoul had done wrong?",
        ["abuses cited"],
        ["co-sponsor"],
    ),
    (
        "what specific ROK moves did the signatories of the Moon letter flag?",
        ["abuses cited"],
        ["sponsor"],
    ),
    # A place a person's policy is about is no recipient: "Moon's North Korea policy".
    (
        "what issues with moon's north korea policy did the letter raise",
        ["Moon Jae-in"],
        ["sponsor"],
    ),
    (
        "what grievances were raised in connection with the 2019 letter?",
        ["abuses cited"],
        ["sponsor"],
    ),
    # Regions of two letters, set side by side; a region claimed is checked first.
    (
        "What region did the 2018 signers cover that the 2012 coalition's campaigners didn't?",
        ["regions: 2018 vs 2012"],
        ["Only the 2018 letter: Africa"],
    ),
    ("did the 2018 letter have africa as a region but the 2012 one didnt?", ["regions"], ["Yes"]),
    ("did the 2012 letter have africa as a region but the 2018 one didnt?", ["regions"], ["No"]),
    (
        "What interval elapsed between the 2018 joint letter to Kim and the 2019 letter to Moon?",
        ["time between"],
        ["1 year and 6 months"],
    ),
    # Who put a letter out, however put.
    (
        "who actually wrote the 2012 open letter? not the whole coalition list, the big ones",
        ["organiser"],
        ["Amnesty International"],
    ),
    (
        "Which of the large well-known groups put that one out, the 2012 open letter?",
        ["organiser"],
        ["Amnesty International"],
    ),
    (
        "attribution q: who actually put out the 2012 open letter to kim?",
        ["organiser"],
        ["Amnesty International"],
    ),
    ("2012 open letter. big international group who is signer of it?", ["who signed"], ["39"]),
    # In what capacity, what hats: every role of that year.
    (
        "In what capacity did Ha Tae Keung speak for the coalition in the 2012 release?",
        ["Ha Tae Keung's role in 2012"],
        ["President", "Coordinating Committee"],
    ),
    ("Ha Tae Keung: what hats was he wearing in 2012?", ["role in 2012"], ["press contact"]),
    (
        "What official post had Joseph Yun held until March 2018?",
        ["Joseph Yun's role in 2018"],
        ["special representative"],
    ),
    # "What is <group>?" asks of the group, not of the one letter it signed.
    ("what is free nk gulag?", ["about Free NK Gulag"], ["South Korea"]),
    # "said something harsh", "called kiri something": no words remembered to look up.
    (
        "there was a deputy director for asia at human rights watch who said something pretty"
        " harsh about moon jae-in in 2019 what did he say",
        ["quotes by Phil Robertson"],
        ["Phil Robertson"],
    ),
    (
        "there was a london press contact for CSW on the 2012 letter called kiri something who"
        " was that",
        ["Kiri Kankhwende"],
        ["Kiri Kankhwende"],
    ),
    # Was anyone from a group quoted about a letter: Yes or No first.
    (
        "was anyone from human rights watch quoted about the 2019 moon letter",
        ["quotes by people of Human Rights Watch"],
        ["Yes", "Phil Robertson"],
    ),
    (
        "was anyone from HRW quoted about the 2012 letter?",
        ["quotes by people of Human Rights Watch"],
        ["No", "no quote"],
    ),
    # Headline shorthand: "diff?", "chronological".
    ("76 vs 52 signers: diff?", ["how many more signed"], ["24"]),
    ("2018 events, chronological", ["events in 2018, in date order"], ["2018"]),
    # "don't need phone numbers" asks for the names, not contact details.
    (
        "list the press contacts for the 2012 letter (dont need phone numbers lol)",
        ["contact"],
        ["Ha Tae Keung"],
    ),
    ("i need the phone number of HRW", ["contact details"], ["does not keep"]),
    # Countries listed however typed: "with X or Y as their country", "UK or uh belgium, czech".
    (
        "Which signatories are recorded with Bangladesh or Indonesia as their country?",
        ["from Bangladesh or Indonesia"],
        ["Kontras", "Odhikar"],
    ),
    (
        "any signatories from europe? UK or uh belgium, czech?",
        ["from Europe"],
        ["People In Need"],
    ),
    # A month without a year dates a letter; "communication" is a letter too.
    (
        "Whom did the coalition's December communication address?",
        ["recipient", "Moon Jae-in"],
        ["Moon Jae-in"],
    ),
    ("the June letter, who signed it?", ["who signed", "Trump–Kim summit"], ["52"]),
    # A bill, a law, legislation: the act an event is named for.
    (
        "when did the florida senator's north korea bill get through the senate",
        ["when: U.S. Senate passes"],
        ["25 April 2018"],
    ),
    # An event described in a headline's lead-in is what the question after it asks of.
    (
        "UNHRC accountability resolution: date?",
        ["when: UN Human Rights Council"],
        ["23 March 2018"],
    ),
    # Where someone works, and their position with it, is their role; not their words.
    ("Gina Goh is working where and what position", ["who is Gina Goh"], ["Regional Manager"]),
    (
        "Name Olivia Miller's position and the organisation she worked for.",
        ["Olivia Miller's role"],
        ["Communications Coordinator", "International Christian Concern"],
    ),
    (
        "what's the org that Ha Tae Keung was president of",
        ["about Open North Korea"],
        ["Open North Korea"],
    ),
    (
        "which group was benedict rogers the east asia team leader of",
        ["Benedict Rogers's role"],
        ["Christian Solidarity Worldwide"],
    ),
    # "Joining" is a question word, never the name Jinping.
    (
        "CSW's stated rationale for joining the 2018 JL?",
        ["Christian Solidarity Worldwide"],
        ["Rogers"],
    ),
    # "The first open letter" says which letter; "years between" asks the gap.
    (
        "years between the first open letter to kim and the moon letter?",
        ["time between"],
        ["About 7 years"],
    ),
    (
        "was the first letter before the panmunjom declaration?",
        ["which came first", "Panmunjom Declaration"],
        ["Yes."],
    ),
    # "More organisations on it? numbers please": a count of each, "on it" no topic.
    (
        "did the 2019 letter or the 2012 letter have more organisations on it? numbers please",
        ["how many more signed"],
        ["76 − 43 = 33"],
    ),
    # A country claimed of a group is checked: "an American outfit", "British, isn't it",
    # "Myanmar-based?".
    ("CSW is an American outfit, right?", ["is Christian Solidarity Worldwide from"], ["No."]),
    ("Human Rights Watch is British, isn't it?", ["from United Kingdom"], ["No.", "New York"]),
    (
        "Burma Partnership - Myanmar-based per the 2012 list?",
        ["based in Myanmar"],
        ["No.", "Thailand"],
    ),
    # Described signatories with no letter named are looked for on every letter.
    (
        "Can you list the Christian and faith-based groups that show up across all these letters?",
        ["signatories of any letter"],
        ["International Christian Concern (ICC) (on the 2019 letter) [", "Paraguay"],
    ),
    ("which signatories are religious organisations", ["signatories of any letter"], ["CSW"]),
    ("any student groups on the letters?", ["signatories of any letter"], ["Students Alliance"]),
    # "Faith-based groups" are a description, not a place claimed.
    ("is csw a faith-based group?", ["is it true of Christian Solidarity Worldwide"], ["Yes."]),
    # An aside ends the topic asked of: "…, or was it wholly critical", "I saw it …".
    (
        "Did the 2018 letter say anything positive at all about North Korea's increased "
        "dialogue with other countries, or was it wholly critical?",
        ["dialogue with other countries"],
        ["Yes"],
    ),
    # Romanised Korean around English names is read as English.
    ("'Kim Jong-un should look to his legacy' nuga malhaesseoyo?", ["who said"], ["Ha Tae Keung"]),
    (
        "Freedom House-do seomyeong haesseoyo? the 2012 letter to Kim Jeong-eun",
        ["did Freedom House sign"],
        ["Yes."],
    ),
    ("Canada danche-do 2012 letter-e isseosseoyo?", ["from Canada"], ["Han Voice"]),
    # "Tell me" asks for something; it is no one's words.
    ("tell me the press contacts of the 2012 release", ["contact"], ["Kanae Doi"]),
    # A group described by what it has been doing.
    (
        "tell me about the christian group that's been 'giving hope to persecuted christians "
        "since 1995' - how does it come into this",
        ["about International Christian Concern"],
        ["International Christian Concern"],
    ),
    # "Only ever", "nobody ever": no reply asked for.
    (
        "the ICNK coalition only ever did the one letter, right? the 2012 one",
        ["the only letter International Coalition"],
        ["No. Besides the 2012 letter", "2019"],
    ),
    # "Only the 2018 letter": a claim that a group is on one letter and no other.
    (
        "CSW signed just the 2018 letter, right?",
        ["the only letter Christian Solidarity Worldwide signed"],
        ["No. Besides the 2018 letter", "2012"],
    ),
    (
        "Open North Korea: I have it tied only to the 2012 letter, nothing later. Correct?",
        ["the only letter Open North Korea signed"],
        ["Yes. The 2012 letter is the only one"],
    ),
    ("was amnesty on the 2018 letter too or only the 2012 one", ["Amnesty"], ["52"]),
    # A figure in millions is checked whole against the statement that speaks of it.
    (
        "the 2012 letter claimed like a million political prisoners right?",
        ["political prisoners"],
        ["No. The 2012 letter gives another figure, 200,000"],
    ),
    (
        "the 2012 letter mentioned a million prisoners?",
        ["million prisoners"],
        ["No. The 2012 letter gives another figure, 200,000"],
    ),
    (
        "did the 2012 letter talk about 24.5 million people living in fear?",
        ["living in fear"],
        ["Yes.", "24.5 million"],
    ),
    # "Might you confirm whether …", "I'd like to know if …": yes or no.
    (
        "Might you confirm whether Freedom House was among the groups behind the 2012 open letter?",
        ["did Freedom House sign"],
        ["Yes."],
    ),
    ("I'd like to know if CSW signed the 2019 letter", ["did Christian Solidarity"], ["don't say"]),
    # "Every one of these North Korea letters": each of them.
    (
        '"Amnesty has signed every one of these North Korea letters" — does that hold up?',
        ["which letters Amnesty International signed"],
        ["No, only the 2012 one", "2018 and 2019 letters (they name 2 of the 2018"],
    ),
    # Quoted words "attributed to" someone, or put up as a quote, are checked as words said.
    (
        'Quote circulating: "I don\'t think that there is a dilemma here." Attributed to Trump. '
        "Correct?",
        ["did Donald Trump say"],
        ["No, not Donald Trump", "Quintana"],
    ),
    (
        'Quote check: Ha Tae Keung said Kim should "close the prison camps and set the captives '
        'free". Real?',
        ["did Ha Tae Keung say"],
        ["Yes"],
    ),
    # "Access", "let in", "DPRK": the letter's words for the same things.
    (
        "Did the 2012 ICNK letter call for ICRC access to the DPRK?",
        ["speak of icrc access"],
        ["Yes.", "Red Cross"],
    ),
    # A day claimed for an event, without its year, is checked.
    (
        "did the senate pass the NKHRA on april 26?",
        ["did U.S. Senate do this"],
        ["No.", "25 April 2018"],
    ),
    ("was the singapore summit on june 13?", ["is it true: Trump–Kim summit"], ["No.", "12 June"]),
    # "Story says …": a claim read somewhere, checked.
    (
        "Story says Yun testified to the Senate on June 5. Confirm?",
        ["is it true: Joseph Yun testifies"],
        ["Yes."],
    ),
    # Where a person was based is a claim of their role, checked.
    ("kanae doi was based in seoul, right?", ["Kanae Doi's role"], ["No.", "Tokyo"]),
    ("kanae doi was based in tokyo, right?", ["Kanae Doi's role"], ["Yes.", "Tokyo"]),
    ("phil robertson a bangkok contact in 2012?", ["Phil Robertson's role"], ["Yes.", "Bangkok"]),
    # "Mar '18", "'19": a year in two digits.
    (
        "UNHRC Mar '18 res — what did it authorize?",
        ["what happened: UN Human Rights"],
        ["23 March"],
    ),
    ("what about the '19 one?", ["ICNK joint letter urging President Moon"], ["December 2019"]),
    # "letter mentioning X - which one": the letter described, asked for.
    (
        "letter mentioning guilt by association - which one",
        ["which letter → ICNK open letter"],
        ["That is the ICNK open letter"],
    ),
    ("any UK based groups on the 2018 letter", ["from United Kingdom"], ["Christian Solidarity"]),
    # Who spoke for a group on two letters names the group too.
    (
        "what's the UK religious freedom org whose east asia guy spoke on both the 2018 and "
        "2019 letters",
        ["who spoke for Christian Solidarity Worldwide"],
        ["The same person spoke for Christian Solidarity Worldwide", "Benedict Rogers"],
    ),
    # The user's own asking and seeing are no topic of the letter.
    (
        "were there any Canadian groups on the 2012 letter, I'm asking on behalf of my "
        "grandson in Toronto",
        ["from Canada"],
        ["Han Voice"],
    ),
    (
        "I saw Human Rights Watch mentioned in the same breath as Amnesty for the 2012 open "
        "letter, which I think I read about in the paper, but did HRW actually sign the thing",
        ["did Human Rights Watch sign"],
        ["Yes"],
    ),
    # "did they actually sign": an adverb between does not hide the question.
    (
        "International Christian Concern keeps posting about these letters but did they "
        "actually sign the 2019 one to moon or just blog about it",
        ["did International Christian Concern sign"],
        ["Yes"],
    ),
    # "how many of these letters did HRW…" counts letters, not a figure in one.
    (
        "how many of these letters did HRW have its fingers in?",
        ["letters signed by Human Rights Watch"],
        ["2 letters"],
    ),
    (
        "how many co-signers were there on the Moon letter, and I read somewhere it included "
        "individuals as well as groups, is that right or have I got hold of the wrong end",
        ["how many"],
        ["76"],
    ),
    # Words for groups, dates and profiles in other registers.
    (
        "Which Japan-based stakeholders appear on the 2012 list?",
        ["from Japan"],
        ["are from Japan"],
    ),
    ("Timestamp on the Moon letter?", ["date"], ["December 2019"]),
    (
        "Brief me on Open North Korea: mandate, leadership, location.",
        ["about Open North Korea"],
        ["Open North Korea is"],
    ),
    (
        "international christian concern - who are these people and why do they care about "
        "north korea",
        ["about International Christian Concern"],
        ["International Christian Concern is"],
    ),
    (
        "which of the 2012 'signatories' dont even have a country listed? seems sloppy",
        ["no country"],
        ["have no country"],
    ),
    (
        "list all the people who was contacts for the press on 2012 letter",
        ["contact"],
        ["Kanae Doi"],
    ),
    # A topic the letter covers only in part is chat around another question.
    (
        "Need this for Friday's post: who put their names to the 52-organisation letter, as "
        "far as the sources actually say?",
        ["who signed → Joint letter to Kim Jong Un"],
        ["52 organizations"],
    ),
    (
        "I remember something about the American Senate passing a North Korea rights bill in "
        "spring 2018. What day was that exactly?",
        ["U.S. Senate passes"],
        ["25 April 2018"],
    ),
    # Someone the sources never quote is more likely spoken of than asked for words.
    (
        "How was Kim Jong Un's position described in the coalition's letter, as against the "
        "Human Rights Watch letter?",
        ["who is Kim Jong Un"],
        ["heir-apparent"],
    ),
    # A post claimed for a letter: the post the release gave, in that letter's year.
    (
        "was Phil Robertson a contact person for the 2012 letter also?",
        ["Phil Robertson's role"],
        ["Yes", "press contact"],
    ),
    (
        "was Phil Robertson a press contact for the 2019 letter?",
        ["Phil Robertson's role"],
        ["No. In 2019", "Asia deputy director"],
    ),
    # Words that describe the letter are not what is counted ("the coalition letter").
    (
        "how many prisoners did the coalition's 2012 letter mention",
        ["how many prisoners"],
        ["200,000"],
    ),
    (
        "how many people did the NGO letter of 2012 say were held in the camps?",
        ["how many people"],
        ["200,000"],
    ),
    # "minus", "delta": the difference of two letters' counts.
    (
        "2019 letter minus 2018 letter, signers?",
        ["how many more signed"],
        ["76 − 52 = 24"],
    ),
    (
        "delta between the moon letter and the kim letter of 2018 in number of co-signers",
        ["how many more signed"],
        ["24"],
    ),
    # Which came first, and how far apart.
    (
        "what came first, the singapore summit or the 2018 letter?",
        ["which came first"],
        ["came after", "five days apart"],
    ),
    # "which of these letters … part of", "what letters did X put out": X's letters.
    (
        "which of those letters was amnesty international part of?",
        ["letters signed by Amnesty International"],
        ["Amnesty International signed or coordinated 1 letter"],
    ),
    (
        "what letters has human rights watch put out?",
        ["letters signed by Human Rights Watch"],
        ["2 letters"],
    ),
    # "tell listeners about X" asks about X, not what X said or whether anyone replied.
    (
        "tell listeners about Christian Solidarity Worldwide",
        ["about Christian Solidarity Worldwide"],
        ["Christian Solidarity Worldwide"],
    ),
    # "what the letter asked for": the clause after "letter" is the question's own verb.
    (
        "remind me what the 2012 letter asked for",
        ["demands"],
        ["three demands"],
    ),
    (
        "explain what the moon letter complained about",
        ["abuses cited"],
        ["The 2019 letter cited"],
    ),
    # A clause after "letter" that holds the question's only verb is not a description.
    (
        "what did the letter that called kim the heir-apparent ask him to do?",
        ["demands"],
        ["three demands"],
    ),
    (
        "so was the moon letter complaining about abuses in the north or about seoul's policy?",
        ["abuses cited"],
        ["The 2019 letter cited"],
    ),
    # A person described as whom a letter went to is no author and no role claim.
    (
        "did any of these campaigns write to a south korean president?",
        ["was ICNK joint letter urging President Moon Jae-in"],
        ["Yes.", "Moon Jae-in"],
    ),
    (
        "did any letter go to the south korean president",
        ["sent to Moon Jae-in"],
        ["Yes."],
    ),
    (
        "did any of the letters go to the north korean leader",
        ["letters to Kim Jong Un"],
        ["Yes. 2 letters addressed to Kim Jong Un"],
    ),
    # A first question opening "any …" or "tell listeners about …", then "who said what".
    (
        "any signatories from canada, and who said what about that letter",
        ["from Canada", "who was quoted"],
        ["Canada"],
    ),
    (
        "tell viewers about Freedom House, and who spoke for the letter it signed",
        ["about Freedom House"],
        ["Freedom House"],
    ),
    # A topic the user half remembers after what they ask is not the question.
    (
        "what did the 2018 letter demand? i think there was something about families in it",
        ["→ Joint letter to Kim Jong Un"],
        ["six demands"],
    ),
    (
        "which abuses did the 2012 letter cite, i seem to remember something about camps",
        ["abuses cited"],
        ["200,000"],
    ),
    # "X's official response to the letter" is a reply the sources do not report; a letter
    # "written in response to" something asks why it was sent.
    (
        "what was the moon government's official response to the 2019 letter?",
        ["a reply from Moon Jae-in"],
        ["The sources do not report any reply"],
    ),
    (
        "was the 2019 letter written in response to seoul's decision?",
        ["why →"],
        ["A joint letter"],
    ),
    # "what's" asks what something is, as "what is" does; a letter only guessed from a word
    # of its text is no subject of that question.
    (
        "what's Open North Korea",
        ["about Open North Korea"],
        ["Open North Korea is"],
    ),
    (
        "what's the best bibimbap place in seoul?",
        ["search for"],
        ["does not cover"],
    ),
    (
        "does the 2012 press release reproduce the letter's exact wording?",
        ["the full text of", "new era"],
        ["No:"],
    ),
    (
        "is the text of the 2018 letter quoted anywhere?",
        ["the full text of", "Trump"],
        ["Only in part:"],
    ),
    ("was the entire letter text of the 2018 letter published?", ["the full text of"], ["No:"]),
    (
        "who came up with 'the heir-apparent to the leadership of North Korea'?",
        ["who said"],
        ["No one is quoted saying that", "2012 letter"],
    ),
    (
        "whose words are 'campaigns for persecuted Christians'?",
        ["who said"],
        ["No one is quoted saying that", "International Christian Concern"],
    ),
    (
        "who said 'bananas ripen faster in warm kitchens'?",
        ["who said"],
        ["No quote in the knowledge base matches"],
    ),
    (
        "which of the two letters, 2018 or 2019, represented more NGOs?",
        ["groups represented by the signers"],
        ["Both report more than 300"],
    ),
    (
        "did the 2018 or the 2019 letter's signers come from more countries?",
        ["countries:"],
        ["Only the 2019 letter has such a count", "22"],
    ),
    (
        "where is 'guilt by association' mentioned?",
        ["guilt by association"],
        ["guilt by association"],
    ),
    (
        "forced labour — where is it cited?",
        ["what the sources say about forced labour"],
        ["forced labor"],
    ),
    (
        "where is 'crimes against humanity' mentioned?",
        ["what the sources say about crimes against humanity"],
        ["quote"],
    ),
    (
        "were any latin american groups among the 2018 signers?",
        ["who signed", "Latin America"],
        ["Yes: the sources say", "Latin America among them"],
    ),
    (
        "list the 2018 signers from Africa",
        ["who signed", "Africa"],
        ["do not name any signer from Africa", "Africa among them"],
    ),
    (
        "2012 signers from Asia excluding Japan and South Korea?",
        ["who signed", "Asia outside South Korea and Japan"],
        ["Burma Partnership", "Kontras", "Odhikar"],
    ),
    ("2012 signers not from Asia", ["outside Asia"], ["are outside Asia"]),
    (
        "is it right that Phil Robertson said Moon was trying to mollify Kim?",
        ["Phil Robertson"],
        ["Yes"],
    ),
    (
        "the florida senator argued the regime terrorizes its own people, correct?",
        ["Rubio"],
        ["terrorizes"],
    ),
    (
        "Is it correct that Benedict Rogers recalled the crisis called 'without parallel'?",
        ["Benedict Rogers"],
        ["without parallel"],
    ),
    ("2012 open letter: did it call for the red cross to be let in?", ["speak of"], ["Yes"]),
    ("2018 joint letter, did it mention separated families?", ["separated families"], ["Yes"]),
    (
        "what do the letters say about forced labour and prisons?",
        ["what the sources say about"],
        ["statement"],
    ),
    ("what post did joseph yun hold, some envoy job?", ["Joseph Yun"], ["special representative"]),
    (
        "what did the former US envoy for North Korea policy warn senators about?",
        ["Joseph Yun"],
        ["Joseph Yun"],
    ),
    ("did the 2012 and 2018 letters ask for the same demands?", ["demands: 2012 vs 2018"], ["No:"]),
    ("the letter ICC co-signed drew groups from 22 countries, right?", ["is 22 a count"], ["Yes"]),
    (
        "which official called the letter's demands 'a mistake to overload the agenda'?",
        ["who said"],
        ["Joseph Yun"],
    ),
    ("whose words are these: 'mollify Kim Jong-un'", ["who said"], ["Phil Robertson"]),
    (
        "tell me about the UK christian charity that joined the 2018 letter",
        ["about Christian Solidarity Worldwide"],
        ["Christian Solidarity Worldwide"],
    ),
    (
        "how many signed the moon letter and how many countries were they from?",
        ["how many →"],
        ["76", "22 countries"],
    ),
    (
        "amnesty, hrw and fidh plus how many others put out the 2012 letter?",
        ["how many →"],
        ["40 other organizations"],
    ),
    # A person named as signer is asked of, however personally: not every individual.
    (
        "Did Phil Robertson personally sign the 2019 letter?",
        ["did Phil Robertson sign"],
        ["don't say", "76"],
    ),
    (
        "did brad adams personally sign the 2018 letter as an individual",
        ["did Brad Adams sign"],
        ["do not name Brad Adams"],
    ),
    # The letter compared against is found by its recipient as well as its year.
    (
        "did the 2012 letter have more signers than the Moon letter?",
        ["how many more signed"],
        ["No.", "33"],
    ),
    (
        "did the moon letter have more signers than the 2012 letter?",
        ["how many more signed"],
        ["Yes.", "33"],
    ),
    # A count names the letter whose recipient is claimed.
    (
        "the 76-signer letter was addressed to Kim, right?",
        ["sent to Kim Jong Un"],
        ["No", "Moon Jae-in"],
    ),
    # A letter-writer's greeting and thanks, and an aside, ask nothing.
    (
        "Good afternoon! Who called North Korea the 'world's biggest open prison'? Thank you.",
        ["who said these words"],
        ["Brad Adams"],
    ),
    (
        "Who, may I ask, remarked that he saw no dilemma between human rights and the talks?",
        ["who said these words"],
        ["Quintana"],
    ),
    # "put its name to" is signing; "can we say …" puts a claim up for checking.
    (
        "Can we say Amnesty International put its name to the 2012 open letter?",
        ["did Amnesty International sign"],
        ["Yes"],
    ),
    (
        "Dear sir or madam, I admire Liberty in North Korea. Did they sign the 2012 letter?",
        ["did Liberty in North Korea sign"],
        ["Yes"],
    ),
    # Quoted words inside a topic are the topic; quotes about an event are its quotes.
    (
        "Are there statements on record concerning the 'open prison' characterisation?",
        ["about open prison"],
        ["quote"],
    ),
    (
        "Which quotes are about the North Korean Human Rights Act?",
        ["quotes about", "Human Rights Act"],
        [],
    ),
    # Two letters' signer counts compared, each letter described.
    (
        "Compare signatory counts: the HRW pre-summit letter vs the ICNK letter to Moon.",
        ["how many more signed"],
        ["76 − 52 = 24"],
    ),
    (
        "What's the sending date on the HRW-led letter to the DPRK leader?",
        ["date →"],
        ["7 June 2018"],
    ),
    (
        "Which letter did Open North Korea take part in, and in what capacity?",
        ["letters signed by Open North Korea"],
        ["2012"],
    ),
    # A statement with a question mark puts words in someone's mouth to check, a named
    # speaker's or one described by role; words they never said get what they did say.
    (
        "Marco Rubio called North Korea one of the world's worst human rights abusers? source?",
        ["did Marco Rubio say"],
        ["Yes"],
    ),
    (
        "Open North Korea's president said Kim should close the prison camps? source?",
        ["did Ha Tae Keung say"],
        ["Yes", "close the prison camps"],
    ),
    (
        "Brad Adams said security talks and human rights should be kept separate, didn't he?",
        ["did Brad Adams say"],
        ["do not quote Brad Adams", "intrinsically connected"],
    ),
    (
        "the former US special rep for NK policy told congress rights should top the agenda?",
        ["did Joseph Yun say"],
        ["do not quote Joseph Yun", "paraphrase"],
    ),
    # Two people's roles, side by side.
    (
        "Rubio vs Cardin — party and state?",
        ["the posts of Marco Rubio and Ben Cardin"],
        ["Republican of Florida", "Democrat of Maryland"],
    ),
    (
        "brad adams vs phil robertson titles",
        ["the posts of Brad Adams and Phil Robertson"],
        ["Asia deputy director"],
    ),
    # Every letter, or a group's, asked for in a few words.
    ("list every letter in here real quick", ["all letters"], []),
    ("icnk ltrs?", ["letters signed by International Coalition"], ["2012", "2019"]),
    # A group listed, not listing; a long lead-in before a colon; a claim heard from someone.
    (
        "Is Amnesty International listed as a signatory of the 2012 open letter? yes/no",
        ["did Amnesty International sign"],
        ["Yes"],
    ),
    (
        "For my tracker comparing NGO pressure before and after the 2018 summits: did "
        "Amnesty International sign the 2012 open letter to Kim Jong-un?",
        ["did Amnesty International sign"],
        ["Yes"],
    ),
    (
        "my friend from church said CSW was one of the groups on that june 2018 letter "
        "is that right or is she mixing it up with something else",
        ["did Christian Solidarity Worldwide sign"],
        ["Yes"],
    ),
    (
        "I was told HRW coordinated the 2019 letter. is that true?",
        ["organised by Human Rights Watch"],
        ["No", "International Coalition"],
    ),
    # Words remembered, then the user's own story; quoted words and who wrote them.
    (
        "who said north korea has been called the worlds biggest open prison i saw it quoted "
        "in the paper but lost the name",
        ["who said these words"],
        ["Brad Adams"],
    ),
    (
        "'Kim Jong-un should look to his legacy' - who wrote that bit of wishful thinking?",
        ["who said these words"],
        ["Ha Tae Keung, President, Open North Korea"],
    ),
    ("Who is Kiri Kankhwende - another 'spokesperson' with no title?", ["who is Kiri"], []),
    # "Every signatory", "full list", "who else": the signatories, or that the sources
    # print no full list.
    (
        "need every signatory of the 2012 open letter to kim jong-un. full list, all of them",
        ["who signed →", "new era"],
        ["39"],
    ),
    ("ICNK 2012 ltr - big 3 + who else? full list if u have it", ["who signed →"], ["39"]),
    ("full list of the 52? need all names", ["full list of signers"], ["do not name"]),
    ("list all 76 co-signer of the Moon Jae In letter pls", ["full list of signers"], ["76"]),
    (
        "What reforms did the 52-org letter ask Pyongyang to undertake? Full list.",
        ["demands →"],
        [],
    ),
    # "What abuses did it cite?" whatever follows; "any request concerning X" is yes or no.
    (
        "what abuses did the 2012 letter cite? I need the numbers (prisoners, population)",
        ["abuses cited →"],
        [],
    ),
    (
        "what abuses did the 2018 letter actually cite? or did it just list demands",
        ["abuses cited →"],
        [],
    ),
    (
        "Did the 2018 instrument make any request concerning the reunification of separated "
        "families?",
        ["says about reunification of separated families"],
        ["Yes"],
    ),
    (
        "Did the pre-summit letter make any request regarding humanitarian assistance, and, "
        "if so, on what conditions?",
        ["says about humanitarian assistance"],
        ["Yes", "monitoring"],
    ),
    # "Was X one of the monitors the letter wanted let in?": whether its demands speak of X.
    (
        "Was the UN special rapporteur one of the people the 2012 letter wanted let into "
        "North Korea?",
        ["speak of the un special rapporteur"],
        ["Yes"],
    ),
    (
        "was the WFP one of the monitors the 2012 letter wanted let in?",
        ["speak of the wfp"],
        ["No"],
    ),
    # "Every U.S. lawmaker", "every UN body": all of a kind, named in the singular.
    ("Every U.S. lawmaker mentioned in the coverage?", ["lawmakers"], ["Rubio", "Cardin"]),
    ("List every UN body these sources drag into the story.", ["UN bodies"], ["Security Council"]),
    # Follow-ons that add a country; a role that listed; a topic, then where it comes up.
    (
        "which 2012 signer is from Bangladesh? and Brazil? and Thailand?",
        ["from Bangladesh or Brazil or Thailand"],
        ["Conectas", "Odhikar"],
    ),
    (
        "The Republican senator from Florida listed North Korea's abuses. What were they?",
        ["quotes by Marco Rubio"],
        ["terrorizes"],
    ),
    ("prison camps: which letters/quotes mention them?", ["about prison camps"], ["200,000"]),
    ("humanitarian aid - which letters mention it?", ["about humanitarian aid"], ["monitoring"]),
    # A demand asked about in a lawyer's words; "might one say"; "in advance of" an event.
    (
        "Did the 2012 open letter expressly request that the International Committee of the "
        "Red Cross be admitted to North Korea?",
        ["speak of the international committee of the red cross"],
        ["Yes"],
    ),
    (
        "Did the 2018 joint letter make denuclearisation one of its formal demands?",
        ["speak of denuclearisation"],
        ["No"],
    ),
    (
        "Might one say that Amnesty International was among those behind the 2012 open letter?",
        ["did Amnesty International sign"],
        ["Yes"],
    ),
    (
        "On what date, might I ask, was the joint letter to Kim Jong Un sent in advance of the "
        "Singapore summit?",
        ["date →"],
        ["7 June 2018"],
    ),
    # Whether two names are one.
    (
        "is csw the same as christian solidarity worldwide lol",
        ["one name"],
        ["Yes", "CSW"],
    ),
    ("is HRW the same as Amnesty?", ["one name"], ["No", "Amnesty International"]),
    ("csw's list of demands same as hrw's?", ["demands"], []),
    # A claim about an event that its record denies is answered No, with the record's words.
    (
        "did Trump raise human rights with Kim Yong Chol?",
        ["is it true: Trump meets"],
        ["No.", "had not brought up human rights"],
    ),
    (
        "did the UN Security Council keep North Korea on its agenda?",
        ["is it true: UN Security Council"],
        ["Yes"],
    ),
    # Countries listed first, then "from these countries".
    (
        "Bangladesh, Indonesia, Brazil, from these countries which organizations are on the list?",
        ["from Bangladesh or Indonesia or Brazil"],
        ["Odhikar", "Conectas", "Kontras"],
    ),
    # More verbs of saying put words in a mouth to check: "cautioned", "urged", "stressed".
    (
        "Is it correct that Joseph Yun cautioned against putting human rights high on the "
        "summit agenda?",
        ["did Joseph Yun say"],
        ["Yes"],
    ),
    # "Did anyone say something about X?" asks what the sources say about X.
    ("did anyone say something about kim's legacy", ["who spoke of kim s legacy"], ["Ha Tae"]),
    # A claim in quotation marks heard from someone is checked; asked who, it is words.
    (
        "Someone said 'South Korea stopped co-sponsoring the UN resolution in 2019'. Is that true?",
        ["is it true: South Korea stops"],
        ["Yes"],
    ),
    (
        "Someone said 'Kim should look to his legacy'. Who was that?",
        ["who said these words"],
        ["Ha Tae Keung"],
    ),
    # "True or false?" after a claim is answered True or False, wherever it stands.
    (
        "Claim: 'Kontras, the Indonesian group, signed the 2012 letter.' True or false?",
        ["did Kontras sign"],
        ["Yes, that is true"],
    ),
    (
        "Claim: 'Human Rights Watch is headquartered in London.' True or false?",
        ["is Human Rights Watch based in London"],
        ["No, that is false"],
    ),
    # A courteous wrapper round a claim puts the claim up to be checked.
    (
        "Would I be right in thinking CSW signed the June 2018 letter to Kim Jong Un?",
        ["did Christian Solidarity Worldwide sign Joint letter"],
        ["Yes"],
    ),
    (
        "Can it be confirmed that Amnesty is among the groups behind the 2012 letter?",
        ["did Amnesty International sign ICNK open letter"],
        ["Yes"],
    ),
    (
        "I may be misremembering, but wasn't Freedom House on the 2012 open letter's list?",
        ["did Freedom House sign"],
        ["Yes"],
    ),
    (
        "If it's no trouble, could you tell me whether CSW took part in more than one letter?",
        ["which letters Christian Solidarity Worldwide signed"],
        ["Yes"],
    ),
    ("Might there have been a Belgian group among the 2012 signers?", ["from Belgium"], ["Yes"]),
    ("Did Brad Adams sign the 2018 letter, by any chance?", ["did Brad Adams sign"], ["No"]),
    ("can you confirm who signed the 2019 letter?", ["who signed → ICNK joint letter"], ["76"]),
    # A body the event names is the one asked about, not a state the claim mentions.
    (
        "Did the UN Human Rights Council pass something about experts on North Korea in 2018?",
        ["did UN Human Rights Council do this"],
        ["Yes"],
    ),
    # A quoted claim that someone said something is checked against their quotes.
    (
        "Claim: 'Marco Rubio said it is America's moral responsibility to hold the North "
        "Korean dictatorship accountable.' True or false?",
        ["did Marco Rubio say"],
        ["Yes, that is true"],
    ),
    (
        "Claim: 'Joseph Yun said it would be a mistake to overload the agenda of the "
        "Trump-Kim talks.' True or false?",
        ["did Joseph Yun say"],
        ["Yes, that is true", "a mistake to overload the agenda"],
    ),
    (
        "A draft attributes this to Benedict Rogers: 'they betray the long-suffering people "
        "of North Korea'. True or false?",
        ["did Benedict Rogers say"],
        ["No, that is false", "Phil Robertson"],
    ),
    # Who spoke of a topic: the speakers first, not remembered words or an event described.
    ("who said stuff about isolation", ["who spoke of isolation"], ["Brad Adams"]),
    (
        "Did anyone talk about peace on the Korean peninsula?",
        ["who spoke of peace"],
        ["Yes", "Benedict Rogers"],
    ),
    (
        "Has anybody in these materials spoken about peace on the Korean peninsula, I wonder?",
        ["who spoke of peace on the korean peninsula"],
        ["Yes", "Benedict Rogers"],
    ),
    (
        "Which quotes in the knowledge base refer to crimes against humanity?",
        ["who spoke of crimes against humanity"],
        ["Benedict Rogers"],
    ),
    ("quotes re: summit agenda", ["who spoke of summit agenda"], ["Joseph Yun"]),
    ("who was it addressed to, the 2012 letter?", ["recipient"], ["Kim Jong"]),
    (
        "did benedict rogers realy say human rights cant be sacrificed for peace?",
        ["did Benedict Rogers say"],
        ["Yes"],
    ),
    (
        "did marco rubio really call north korea one of the world's worst human rights abusers?",
        ["did Marco Rubio say"],
        ["Yes", "worst human rights abusers"],
    ),
    (
        "What has been recorded regarding peace on the Korean peninsula?",
        ["what the sources say about peace"],
        ["peace"],
    ),
    # A place named in a demand is no recipient when a letter's recipient is named.
    (
        "Does the letter to Moon call for North Korea to close its prison camps?",
        ["ICNK joint letter urging President Moon"],
        ["No"],
    ),
    # When, put before a yes-or-no question, is read after it.
    (
        "In 2012, long before the Moon campaign, was People In Need among the organisations on "
        "the open letter?",
        ["did People In Need sign ICNK open letter"],
        ["Yes"],
    ),
    # "they" in the question is the group the sentence before names.
    (
        "I read about Liberty in North Korea at the dentist's. Were they one of the groups on "
        "the 2012 letter to Kim Jong-un?",
        ["did Liberty in North Korea sign"],
        ["Yes"],
    ),
    # Backing a vote is no signing; a claim of who drew a letter up is checked.
    (
        "did south korea stop supporting that yearly UN vote condemning the north in 2019",
        ["did Government of South Korea do this"],
        ["Yes"],
    ),
    (
        "With respect to the 76-signer letter, is it correct that the ICNK drew it up?",
        ["organised by International Coalition"],
        ["Yes"],
    ),
    (
        "Is it the case that President Trump raised human rights with Kim Yong Chol?",
        ["is it true: Trump meets"],
        ["No"],
    ),
    # Two letters' signer counts, and their recipient's title in each.
    ("signers: 2018 vs 2019 counts", ["how many more signed: 2018 vs 2019"], ["76"]),
    (
        "How did the number of signers on the 2018 letter to Kim compare with the later one "
        "to President Moon?",
        ["how many more signed"],
        ["24 more"],
    ),
    ("2012 vs 2018 how kim described", ["whom the 2012 and 2018 letters went to"], ["heir"]),
    ("did kim say anything about both letters", ["Kim Jong Un on both"], ["No", "neither"]),
    # "wants to know", "on there": no topic of their own.
    (
        "Were any Latin American groups part of the 2012 letter? Our network there wants to know.",
        ["from Latin America"],
        ["Yes", "Conectas"],
    ),
    ("was there anything from brazil or south america on there", ["from Brazil"], ["Conectas"]),
    ("did kim jong un ever actually reply to any of these letters?", ["a reply from"], ["not"]),
    # this session: the writer's aside, chat after the question, two posts in one claim
    (
        "Was Phil Robertson already HRW's Asia deputy director in 2012, or just a press contact "
        "then?",
        ["role"],
        ["2012", "press contact"],
    ),
    ("did phil robertson work w hrw back in 2012 too", ["role"], ["Yes", "2012", "Bangkok"]),
    (
        "Did Kim Jong Un sign something with the president of South Korea?",
        ["Panmunjom Declaration"],
        ["Yes", "27 April 2018"],
    ),
    ("Kim Jong Un meet Xi Jinping in 2018?", ["meet Xi Jinping"], ["Yes"]),
    (
        "Would you know whether Ha Tae Keung sat on the ICNK's Coordinating Committee?",
        ["role"],
        ["Yes", "Coordinating Committee"],
    ),
    (
        "Hello again, it's me. I was wondering whether Amnesty International, which I used to "
        "send a little money to, was part of the open letter to Kim Jong-un back in 2012?",
        ["sign"],
        ["Yes", "Amnesty International"],
    ),
    (
        "My niece volunteers with Liberty in North Korea (she calls it LiNK). Was her "
        "organisation one of the groups behind the 2012 open letter? She would be so proud.",
        ["sign"],
        ["Yes", "Liberty in North Korea"],
    ),
    (
        "A listener wants to know which of these letters Christian Solidarity Worldwide had its "
        "name on. Can you tell us?",
        ["letters signed by"],
        ["2018", "Benedict Rogers", "2019"],
    ),
    (
        "Might you tell me who urged that President Moon 'reverse course before it's too late'?",
        ["who said"],
        ["Phil Robertson"],
    ),
    ("Who is Brad Adams? Need his title for an attribution.", ["Brad Adams"], ["Asia director"]),
    (
        "Which European organisations are on record for any of the letters?",
        ["from Europe"],
        ["Human Rights Without Frontiers"],
    ),
    ("anything on christians or religion", ["christians or religion"], ["do not mention"]),
    ("did CSW sign the 2012 and 2018 letters", ["which letters"], ["Yes", "2012 and 2018"]),
    (
        "did CSW sign the 2018 letter to kim and also the 2019 one to moon?",
        ["which letters"],
        ["No, only the 2018 one", "2019"],
    ),
    (
        "Which big international groups were behind the 2012 letter?",
        ["organiser"],
        ["Amnesty International", "Human Rights Watch"],
    ),
    ("What has been said concerning the prison camps?", ["prison camps"], ["200,000"]),
    (
        "Brad Adams and Phil Robertson had the same title at HRW? I doubt it.",
        ["posts of Brad Adams and Phil Robertson"],
        ["No, different titles", "Asia deputy director"],
    ),
    ("were rubio and cardin from the same party? y/n", ["posts of"], ["No, different parties"]),
    ("The 76-signer letter came out in 2018? I doubt it.", ["2018"], ["No", "December 2019"]),
    ("did Radio Free Asia quote Brad Adams?", ["did Radio Free Asia quote"], ["Yes"]),
    ("was Phil Robertson quoted by ICC?", ["quote Phil Robertson"], ["Yes"]),
    ("did HRW quote Rubio", ["quote Marco Rubio"], ["No"]),
    (
        "Who is Benedict Rogers and which of the letters did he comment on?",
        ["letters naming Benedict Rogers"],
        ["East Asia team leader"],
    ),
    # A claim put with a full stop is checked like one put with a question mark.
    ("Olivia Miller was HRW's Asia director.", ["role or party"], ["No", "Communications"]),
    ("Odhikar, one of the 2012 signatories, is from India.", ["from India"], ["No", "Bangladesh"]),
    ("Describe the 2018 letter.", ["about"], []),
    ("letters CSW signed", ["letters signed by"], ["2 letters"]),
    # A claim whose words deny what a quote affirms names no one as having said it.
    (
        "Ben Cardin said human rights were not worth raising.",
        ["did Ben Cardin say"],
        ["No, not Ben Cardin", "the opposite"],
    ),
    (
        "which letter was sent to a South Korean president instead of Kim?",
        ["which letter"],
        ["Moon Jae-in"],
    ),
    ("did the 2012 letter precede the Singapore summit?", ["which came first"], ["Yes"]),
    ("did the moon letter mention refugees or something?", ["speak of refugees"], ["No"]),
    ("quotes on the summit agenda, speakers only", ["spoke of summit agenda"], ["Quintana"]),
    # A yes-or-no question naming whom both letters went to, or who organised both, is
    # answered about the one it names.
    ("were the 2012 and 2018 letters both sent to Moon?", ["went to"], ["No", "Kim Jong Un"]),
    ("did the 2012 and 2018 letters both go to Kim?", ["went to"], ["Yes", "Kim Jong Un"]),
    ("were the 2012 and 2019 letters both organised by HRW?", ["organised"], ["No", "not Human"]),
    ("were the 2012 and 2019 letters both organised by ICNK?", ["organised"], ["Yes"]),
    # Someone quoted about a letter commented on it: no "reply (not in the sources)".
    ("did Rogers comment on the 2018 letter?", ["quotes by Benedict Rogers"], ["Yes"]),
    ("did Kim reply to the 2018 letter?", ["a reply from Kim Jong Un"], []),
    # Being quoted on something is no Yes to a claim that says more.
    (
        "True or false: RFA reports that Trump raised human rights with Kim Yong Chol.",
        ["quotes by Donald Trump"],
        ["did not bring up human rights"],
    ),
    # "The only X group": whether no other signatory named is from there.
    (
        "Han Voice is the only Canadian group on the 2012 list, right?",
        ["the only"],
        ["No", "Council"],
    ),
    ("is Odhikar the sole Bangladeshi signatory of the 2012 letter?", ["the only"], ["Yes"]),
    ("was Odhikar the only Indian group on the 2012 letter?", ["the only"], ["No", "Bangladesh"]),
    ("was HRW the only American org on the 2018 letter?", ["the only"], ["no country"]),
    # "Only ever a press contact": another post makes the claim false.
    ("was Phil Robertson just a press contact?", ["role or party"], ["No", "also as Asia deputy"]),
    ("was Phil Robertson a press contact?", ["role or party"], ["Yes"]),
    ("Odhikar - country listed as India?", ["from India"], ["No", "Bangladesh"]),
    # A view asked of someone found by role is no claim about the role; a verb of holding a
    # view is not what the view is about ("with regard to").
    (
        "did the UN rapporteur think a human rights dialogue was an obstacle to the talks?",
        ["quotes by Tomas Ojea Quintana"],
        ["Tomas Ojea Quintana"],
    ),
    (
        "did the UN special rapporteur see human rights dialogue as an obstacle to the "
        "denuclearisation talks?",
        ["want or think so"],
        ["No", "not of the opinion"],
    ),
    # "Did <role> urge …": the words put to the person the role names, not a role claim.
    (
        "did the HRW Asia deputy director urge Moon to reverse course?",
        ["did Phil Robertson say"],
        ["Yes", "reverse course"],
    ),
    ("did the Florida senator urge the House to pass the bill?", ["did Marco Rubio say"], ["Yes"]),
    # "What did <role> urge X to do": the words of the person the role names.
    ("what did the deputy Asia director at HRW urge Moon to do?", ["quotes by Phil"], []),
    ("what did the president of Open North Korea want Kim to do?", ["quotes by Ha Tae"], []),
    # Two topics set against each other are a topic, not two events they describe.
    ("anything said on peace on the Korean peninsula vs human rights?", ["sources say about"], []),
    # A post naming a country ("president of South Korea") filters no signatories.
    ("was the letter to moon sent to him as president of south korea", ["sent to Moon"], ["Yes"]),
    # "was Kim called …": how the letter addressed him, not words he said.
    ("was kim called heir apparent in the 2012 letter", ["sent to Kim"], ["Yes", "heir"]),
    # A nationality describing something else ("North Korean prison camps") is no country.
    (
        "true or false: Free NK Gulag is a group of North Korean prison camp survivors",
        ["Free NK Gulag"],
        ["Yes, that is true"],
    ),
    ("people in need czech yes or no", ["from Czech Republic"], ["Yes"]),
    ("did the 2018 letter mention food aid", ["food aid"], ["Yes", "humanitarian aid"]),
    # Two posts claimed at once, each held; the letter a post was for is no part of it.
    (
        "Ha Tae Keung was president of Open North Korea and sat on the ICNK Coordinating "
        "Committee - true?",
        ["Ha Tae Keung"],
        ["Yes", "Coordinating Committee"],
    ),
    ("was Ha Tae Keung president of Open North Korea and HRW's Asia director?", [], ["No"]),
    (
        "Kanae Doi was Human Rights Watch's Tokyo press contact for the 2012 open letter?",
        ["Kanae Doi"],
        ["Yes"],
    ),
    # A year guessed after a date question is no clue to the letter.
    ("when was the moon letter sent, 2018?", ["Moon Jae-in"], ["December 2019"]),
    # Quoted words, then the speaker guessed for them.
    (
        "'President Moon should reevaluate this disturbing policy' was Benedict Rogers, right?",
        ["who said"],
        ["No, not Benedict Rogers", "Phil Robertson"],
    ),
    (
        "The letter complaining that Seoul dropped its co-sponsorship of a UN resolution was "
        "addressed to Kim Jong Un - correct?",
        ["Moon Jae-in"],
        ["No, not to Kim Jong Un"],
    ),
    ("Exact send date of the 52-organisation joint letter to Kim?", ["date"], ["7 June 2018"]),
    ("Was the 2018 letter timed to the Singapore summit?", ["which came first"], ["Yes"]),
    ("was the 2019 letter timed to the singapore summit?", [], ["do not tie them"]),
    # A false role claim names who does hold the post, when one person does.
    (
        "Was Brad Adams the deputy Asia director?",
        ["Brad Adams"],
        ["No", "The sources describe Phil Robertson as Asia deputy director"],
    ),
    ("was Rubio the senator from Maryland?", ["Marco Rubio"], ["No", "Ben Cardin"]),
    ("was Yun the UN rapporteur?", ["Joseph Yun"], ["No", "Tomas Ojea Quintana"]),
    # Trailing "in these quotes", "across the letters" say where to look, not the topic.
    (
        "is there anything on denuclearization in these quotes?",
        ["about denuclearization"],
        ["Joseph Yun"],
    ),
    (
        "How do the sources connect denuclearisation and human rights?",
        ["denuclearisation and human rights"],
        ["Joseph Yun"],
    ),
    # "the link between": the word, not the group LiNK.
    (
        "what was said about the link between denuclearisation and human rights",
        ["link between denuclearisation"],
        ["Joseph Yun"],
    ),
    ("did link sign the 2012 letter", ["Liberty in North Korea"], ["Yes"]),
    # Signatories of a kind, named at the message's start or twice over.
    (
        "lawyer groups that signed the 2012 letter",
        ["lawyer"],
        ["3 of the 39", "Christian Lawyers Association for Paraguay"],
    ),
    (
        "were any survivor groups or defector groups part of the 2012 coalition letter?",
        ["survivor or defector"],
        ["Yes", "Free NK Gulag", "Young Defectors"],
    ),
    ("give me the orgs on the 2012 open letter pls", ["who signed"], ["39"]),
    # Whether a person signed in their own name: the sources name organisations.
    (
        "did brad adams personally sign the letter himself or just the org",
        ["Brad Adams sign in their own name"],
        ["The sources do not name Brad Adams as a signer"],
    ),
    (
        "did brad adams personally sign the 2018 letter or just HRW?",
        ["Brad Adams sign in their own name"],
        ["No. The sources do not name Brad Adams"],
    ),
    ("did individuals sign the 2019 letter?", ["individual signers"], ["Yes", "76"]),
    # The month that dates the letter is no filter on its events.
    (
        "List the events linked to the June 2018 letter.",
        ["events and letters tied to"],
        ["Panmunjom Declaration"],
    ),
    # A reply asked for, however put, is not in the sources.
    (
        "Did Kim Jong Un ever send a reply to the letter the groups sent him in 2018?",
        ["a reply from Kim Jong Un"],
        ["The sources do not report any reply"],
    ),
    (
        "how did the south korean president's spokesperson respond to the coalition's letter",
        ["a reply from"],
        ["The sources do not report any reply"],
    ),
    # "Name the 22 countries": a list asked for, no count claimed.
    (
        "Name the 22 countries behind the Moon letter. I doubt you can.",
        ["countries"],
        ["The sources do not name the at least 22 countries"],
    ),
    # How an event turned out, or another one in a later year: past what the sources record.
    (
        "How did the Singapore summit actually turn out — did human rights come up?",
        ["the outcome of"],
        ["The sources do not report what came of"],
    ),
    (
        "What happened at the second Trump–Kim summit in Hanoi in 2019?",
        ["another Trump–Kim summit"],
        ["The sources do not report another of these in 2019", "12 June 2018"],
    ),
    (
        "was there another panmunjom declaration in 2019",
        ["another Panmunjom Declaration"],
        ["The sources do not report", "27 April 2018"],
    ),
    # "the pre-summit letter" is dated by the summit it came before.
    (
        "Did the pre-summit letter demand the release of all political prisoners?",
        ["Joint letter to Kim Jong Un"],
        ["No", "The 2012 letter does speak of it"],
    ),
    ("whats the pre summit letter to kim about", ["Joint letter to Kim Jong Un"], []),
    # Quoted words, then "made by X?" or "who has said it?".
    (
        "Was the remark that the Commission of Inquiry called the crisis 'without parallel' "
        "made by Brad Adams?",
        ["who said"],
        ["No, not Brad Adams", "Benedict Rogers"],
    ),
    (
        "The sentence 'Kim Jong-un should look to his legacy', who has said it?",
        ["who said"],
        ["Ha Tae Keung"],
    ),
    (
        "Which legislator described promoting human rights as 'a core pillar of U.S. diplomacy "
        "abroad'?",
        ["who said"],
        ["Ben Cardin"],
    ),
    # Keywords naming a body no letter lists as a signer ask what the letter says of it.
    ("2012 letter red cross?", ["speak of International Committee of the Red Cross"], ["Yes"]),
    ("2012 letter amnesty?", ["did Amnesty International sign"], ["Yes"]),
    # "didn't he?" is a tag asking, not a statement denying.
    (
        "Benedict Rogers worked for Human Rights Watch, didn't he?",
        ["Benedict Rogers"],
        ["No.", "Christian Solidarity Worldwide"],
    ),
    # A person found by role who "called it …" is asked about their words, not their role.
    (
        "Did the Republican senator from Florida really call it America's moral responsibility?",
        ["did Marco Rubio say"],
        ["Yes", "moral responsibility"],
    ),
    (
        "Did the UN special rapporteur on North Korea say it's very important that human "
        "rights are raised?",
        ["did Tomas Ojea Quintana say"],
        ["Yes", "very important"],
    ),
    (
        "Did Phil Robertson actually accuse Moon's government of betraying North Koreans?",
        ["did Phil Robertson say"],
        ["Yes", "betray"],
    ),
    # A date that says when the sources spoke dates no event.
    (
        "What had the UN Security Council done about North Korea as of June 2018?",
        ["UN Security Council keeps North Korea on its formal agenda"],
        ["four years"],
    ),
    # Someone the sources never mention: not "No", only that the sources do not report it.
    ("did kim meet putin in 2018", ["did Kim Jong Un meet"], ["do not report"]),
    # A light verb before a topic is no part of it.
    (
        "did the letter ask kim to take food aid or something",
        ["Joint letter to Kim Jong Un"],
        ["Yes", "aid"],
    ),
    # The one a letter went to, asked why people were angry with him: why it was sent.
    ("why were ppl mad at moon", ["why"], ["November 2019"]),
    # "coalition member" said of a group asks whether it belongs; it names no person.
    ("is HRW a coalition member?", ["is Human Rights Watch a member"], ["Yes"]),
    ("Amnesty a coalition member per the 2012 list?", ["is Amnesty International a member"], []),
    # The speaker asked after the words: "of whom is this quote?".
    (
        "'we cannot take our eyes off the deplorable human rights situation' - of whom is "
        "this quote?",
        ["who said"],
        ["Ben Cardin"],
    ),
    # A role restated as "he" before the verb of saying still speaks.
    (
        "The HRW deputy Asia director - did he really tell Moon to reverse course?",
        ["did Phil Robertson say"],
        ["Yes", "reverse course"],
    ),
    # A topic put as the subject: "was X ever a topic in these letters?".
    (
        "Was humanitarian aid ever actually a topic in these letters?",
        ["what the sources say about humanitarian aid"],
        ["Yes", "humanitarian aid"],
    ),
    # A claimed gap in the order the question puts the two things.
    (
        "Was the Singapore summit really just five days after the 52-group letter?",
        ["which came first"],
        ["Yes", "five days"],
    ),
    ("was the 2018 letter sent 2 weeks before the summit?", ["which came first"], ["No, not 2"]),
    # "Verify." at the end puts the statement before it up for a verdict.
    (
        "The 2012 letter said more than 200,000 people were held in prison and labour camps. "
        "Verify.",
        ["ICNK open letter"],
        ["Yes. The 2012 letter says so", "200,000"],
    ),
    # "Did any letter talk about …": across the letters, best match first, Yes when found.
    (
        "Did any letter talk about family members of prisoners being punished too?",
        ["what the sources say about"],
        ["Yes", "guilt by association"],
    ),
    # A group, its country in apposition, then "it is signing": whether it signed.
    (
        "Freedom House, the american one, in 2012 it is signing the letter to Kim?",
        ["did Freedom House sign"],
        ["Yes"],
    ),
    # "which letter was that?" asked last is what the question asks.
    (
        "they said the leaders live like royalty while the people are hungry? which leter was "
        "that?",
        ["which letter"],
        ["2012"],
    ),
    # The policy a letter objected to: why it was sent, not a person whose title says "policy".
    (
        "Which South Korean policy did the signatories of the letter to President Moon object to?",
        ["why"],
        ["November 2019"],
    ),
    # The letter described, then its date or recipient asked at the end.
    (
        "the letter CSW joined as a joint signatory, whats the date on that",
        ["date"],
        ["7 June 2018"],
    ),
    (
        "The letter that urged admission of the International Committee of the Red Cross — to "
        "whom was it addressed?",
        ["recipient"],
        ["Kim Jong Un"],
    ),
    ("date, letter to Moon", ["date"], ["December 2019"]),
    ("wat did the 2012 letter call kim lol", ["recipient"], ["heir-apparent"]),
    # "the one to Moon" stands for the letter; summarising it shows the letter.
    (
        "Can you summarise the one to Moon for me? Our board wants a short paragraph.",
        ["about → ICNK joint letter urging President Moon Jae-in"],
        [],
    ),
    # A role that speaks "to Kim": Kim is spoken to, the one described speaks.
    (
        "The president of Open North Korea, what was his message to Kim Jong-un in 2012?",
        ["quotes by Ha Tae Keung"],
        ["legacy"],
    ),
    ("Open North Korea, what is this group and where it is?", ["about Open North Korea"], []),
    # "in favour of …? y/n": the stance and the tag are no part of what was said.
    (
        "Quintana in favour of rights on the summit table? y/n",
        ["did Tomas Ojea Quintana want or think so"],
        ["Yes, going by the sources' paraphrase"],
    ),
    # A claim read as about an event whose record holds none of its words gets no Yes.
    ("is north korea part of any human rights treaties", [], ["do not say so"]),
    # "who talked about X" asks who spoke of a topic or an event, not whose words these are.
    ("who talked abt the north korean human rights act", ["who was quoted"], ["Ben Cardin"]),
    (
        "who spoke of peace on the peninsula",
        ["who spoke of peace on the peninsula"],
        ["Benedict Rogers"],
    ),
    # "Did any letter mention …", "was X discussed in any of the letters": every letter.
    (
        "did any letter mention nuclear weapons",
        ["what the sources say about nuclear weapons"],
        ["do not mention nuclear weapons", "Joseph Yun"],
    ),
    (
        "was family separation raised in either letter",
        ["what the sources say about family separation"],
        ["Yes"],
    ),
    # A request opening "Everything the sources say about …" is no claim to check.
    (
        "Everything the sources say about political prison camps, please.",
        ["what the sources say about political prison camps"],
        ["200,000"],
    ),
    (
        "Everything the data says about prison camps: figures, quotes, and which letters.",
        ["what the sources say about prison camps"],
        [],
    ),
    # A misspelt first name before a surname names the surname's holder, not another "Kim".
    ("who was kim young chol", ["who is Kim Yong Chol"], ["envoy"]),
    # "the Kim regime" is his rule: the role described speaks.
    ("florida senator's quote listing kim regime abuses", ["quotes by Marco Rubio"], []),
    # "The UN guy": the one person the sources place at the UN.
    (
        "lol did the UN guy sign the 2018 letter too",
        ["did Tomas Ojea Quintana sign"],
        ["No"],
    ),
    # A superlative over every letter: the most signers, the first sent.
    ("which letter had the most signers", ["the letter with the most signers"], ["76", "24"]),
    (
        "Which letter has the largest reported signer count, and by how much does it exceed "
        "the next one?",
        ["the letter with the most signers"],
        ["76 − 52 = 24"],
    ),
    ("which letter had the fewest signers", ["the letter with the fewest signers"], ["2012"]),
    ("which letter was sent first", ["the first letter"], ["2012"]),
    ("what was the most recent letter", ["the last letter"], ["2019", "Moon Jae-in"]),
    # Of two letters named, "the most" is the more.
    (
        "which had the most signers, the hrw letter or the moon letter",
        ["how many more signed: 2018 vs 2019"],
        ["76"],
    ),
    # "Of the three letters, which one …" asks which letter.
    (
        "Of the three letters, which one went to a South Korean leader rather than a North "
        "Korean one?",
        ["which letter → ICNK joint letter urging President Moon Jae-in"],
        [],
    ),
    # The first sentence asks; what follows is chat, and refers back to nothing before it.
    (
        "Which had more signers, the Human Rights Watch letter to Kim or the one to Moon? "
        "I'd have guessed the Kim one, being so much more famous, but I'm often wrong.",
        ["how many more signed: 2018 vs 2019"],
        ["76"],
    ),
    # Who said words, asked in a writer's terms.
    (
        "Who is recorded as arguing that human rights should not be sacrificed for the sake of "
        "peace on the Korean Peninsula?",
        ["who said these words"],
        ["Benedict Rogers"],
    ),
    (
        "Who asserted that holding the North Korean dictatorship accountable is both America's "
        "moral responsibility and in its national security interest?",
        ["who said these words"],
        ["Marco Rubio"],
    ),
    # The end of a quotation is no question of its own, whatever it opens with.
    (
        "Attribute this: 'It is essential that the human rights crisis in North Korea ... is "
        "addressed as part of engagement with the North Korean regime.'",
        ["who said these words"],
        ["Benedict Rogers"],
    ),
    # "tell Kim to …" asks what the letter asked of him, as "ask Kim to …" does.
    (
        "did the 2018 letter tell kim to act on the COI findings?",
        ["speak of act on the coi findings"],
        ["Yes"],
    ),
    # "Can you tell me whether X" asks whether X.
    (
        "can you tell me whether the 2012 letter asked for family reunions",
        ["does ICNK open letter to Kim Jong-un urging a new era speak of family reunions"],
        ["No"],
    ),
    # A person before "urge" is the one who urged: his words, not the letter's demands.
    (
        "What did Ha Tae Keung urge Kim Jong-un to do in the 2012 release?",
        ["quotes by Ha Tae Keung"],
        ["legacy"],
    ),
    # "Print the member-and-supporter list": who signed.
    (
        "Print the member-and-supporter list that came with the 2012 ICNK release.",
        ["who signed → ICNK open letter to Kim Jong-un urging a new era"],
        ["39"],
    ),
    # "the 2018 one", the only year named, is that year's letter.
    (
        "list the events tied to the 2018 one",
        ["tied to Joint letter to Kim Jong Un urging human rights reforms"],
        [],
    ),
    # "Is the X's name Y?", "is Y the same guy who was the X?": is Y the X.
    (
        "Is the UN special rapporteur's name really Tomas Ojea Quintana?",
        ["Tomas Ojea Quintana's role"],
        ["Yes"],
    ),
    ("is the HRW deputy Asia director's name Brad Adams?", ["Brad Adams's role"], ["No"]),
    (
        "is phil robertson the same guy who was the hrw bangkok press contact back in 2012?",
        ["Phil Robertson's role"],
        ["Yes"],
    ),
    # "A profile of X: …" asks about X, whatever the list after it mentions.
    (
        "Short profile of Christian Solidarity Worldwide: where it's based, which letters it's "
        "connected to, and who spoke for it.",
        ["about Christian Solidarity Worldwide"],
        [],
    ),
    (
        "Give me a profile of the ICNK for the briefing: full name, what it does, and who "
        "served as its secretariat.",
        ["about International Coalition to Stop Crimes Against Humanity"],
        [],
    ),
    # "same guy" beside a person named is him, not the letters' recipient.
    (
        "phil robertson 2012 vs 2019, same guy diff job?",
        ["Phil Robertson's role in 2012, 2019"],
        ["Bangkok"],
    ),
    # Whether the sources quote a letter's own words.
    ("does the 2012 release quote the letter itself?", ["the full text of ICNK"], ["No"]),
    (
        "does the csw release quote the 2018 letter itself?",
        ["the full text of Joint letter"],
        ["Only in part"],
    ),
    # Two counts offered: the names printed, or a total given in parts, when asked so.
    (
        "How many names are on the 'members and supporters' list printed with the 2012 "
        "release -- 39 or 43?",
        ["39 or 43: a count of"],
        ["39: the sources name 39"],
    ),
    ("2012 letter: 40 or 43 signers?", ["40 or 43: a count of"], ["43", "3 + 40"]),
    # Two dates offered for when: the letter's date answers, not a word in its text.
    (
        "When was the letter to Moon written -- November or December 2019?",
        ["ICNK joint letter urging President Moon Jae-in"],
        ["December 2019"],
    ),
    # Whom each letter went to, asked of them all.
    (
        "give me the recipient for each letter",
        ["whom each letter went to"],
        ["Kim Jong Un", "Moon Jae-in"],
    ),
    # "Why did X think …": the quote that says most of it first, in their words.
    (
        "why did the UN guy think raising human rights wouldnt hurt the nuke talks",
        ["why Tomas Ojea Quintana thought so"],
        ["undermine"],
    ),
    # A topic asked first, then what the sources say of it.
    (
        "prison camps - what do the sources say",
        ["what the sources say about prison camps"],
        ["200,000"],
    ),
    # 'nk' is North Korea; the note most about the topic answers first.
    ("anything about christians in nk in the sources", ["christians"], ["hardest country"]),
    # 'What's in the sources about X' asks of every source.
    (
        "what's in the sources about Christians or religion in North Korea?",
        ["what the sources say"],
        ["hardest country"],
    ),
    # A letter claimed to ask the opposite of what it asked.
    (
        "The 2018 letter told North Korea to reject foreign aid, correct?",
        ["Trump–Kim summit says about"],
        ["No", "Accept international humanitarian aid"],
    ),
    # Words from elsewhere in the sources are not put in a speaker's mouth.
    ("did Rubio say forced abortions were among the abuses?", ["Marco Rubio"], ["No", "abortions"]),
    # A choice of two speakers for remembered words names the one.
    (
        '"The Kim regime systematically and mercilessly terrorizes its own people" '
        "— Cardin or Rubio?",
        ["who said"],
        ["Marco Rubio, not Ben Cardin"],
    ),
    # The Kim regime's abuses, listed by the one who speaks of them.
    (
        "What did Rubio list as the Kim regime's abuses?",
        ["quotes by Marco Rubio"],
        ["political prisoner camps"],
    ),
    # Two countries asked in two clauses are one list.
    (
        "which org was from thailand, and which one from indonesia?",
        ["Thailand or Indonesia"],
        ["Burma Partnership", "Kontras"],
    ),
    # Countries side by side after a misspelt 'from'.
    ("2012 orgs frm thailand / indonesia / bangladesh", ["Bangladesh"], ["Odhikar", "Kontras"]),
    # A count in a clause that names the letter is no claim.
    ("Addressee of the letter signed by 52 organisations?", ["recipient"], ["Kim Jong Un"]),
    # Any group from a country, and its name: the signers from there.
    (
        "Was there any organisation from Bangladesh involved in these letters, and if so, what "
        "was it called?",
        ["from Bangladesh"],
        ["Odhikar"],
    ),
    # A McCune–Reischauer romanisation names the president.
    ("When exactly did the ICNK send its letter to Mun Chae-in?", ["date"], ["December 2019"]),
    # Someone with no quotes is said to be listed, with the role they are listed in.
    (
        "Is Kiri Kankhwende quoted anywhere in the sources, or is she only a name on a contact "
        "list?",
        ["quotes by Kiri Kankhwende"],
        ["No quotes", "London"],
    ),
    # A person described by role who 'wanted Moon to' do something speaks; the year only dates him.
    (
        "HRW's asia deputy director in 2019 - what did he want moon to do?",
        ["quotes by Phil Robertson"],
        ["mollify"],
    ),
    # A recipient claimed with a tag question is checked, not taken as a clue to the letter.
    (
        "The letter complaining that Seoul dropped co-sponsorship of the UN resolution - that was "
        "addressed to Kim Jong Un, wasn't it?",
        ["Moon Jae-in"],
        ["No", "Moon Jae-in"],
    ),
    # Whether a group signed both letters to the North's leader asks of the group.
    (
        "Did CSW sign both the 2012 open letter and the 2018 pre-summit letter to the Bukhan "
        "leader?",
        ["Christian Solidarity Worldwide"],
        ["Yes"],
    ),
    # Two people's titles come first when the question also asks which letter.
    (
        "Brad Adams and Phil Robertson - what were their HRW titles, and which letter did each "
        "speak on?",
        ["who are Brad Adams and Phil Robertson"],
        ["Asia director", "Asia deputy director"],
    ),
    # What was listed, claimed with a tag, is checked against the speaker's words.
    (
        "Rubio listed forced abortions among the regime's abuses in his statement, didn't he?",
        ["Marco Rubio"],
        ["No", "abortions"],
    ),
    # A question word alone before a comma still opens the question after a preamble.
    (
        "I had always thought of South Korea as a friend of human rights campaigners. Why, then, "
        "did the coalition feel it necessary to write to President Moon in December 2019?",
        ["why"],
        ["co-sponsor"],
    ),
    # 'I read that the UN's special rapporteur…' describes him by role.
    (
        "I read that the UN's special rapporteur gave a news briefing in Geneva. What did he say "
        "about the nuclear talks?",
        ["Tomas Ojea Quintana"],
        [],
    ),
    # A letter described in a lead-in stays with the question after the colon.
    (
        "pre-summit kim letter: was ICC a signer?",
        ["International Christian Concern", "Trump"],
        ["published one of the sources"],
    ),
    # Letters an organisation was part of, asked as a list.
    ("List the letters Amnesty International was part of.", ["letters signed by Amnesty"], []),
    # A group's name, 'letters' and a request for the list.
    ("csw letters - list w/ yrs", ["letters signed by Christian Solidarity"], []),
    # A tag after the question mark says how to answer it.
    ("phil robertson - on hrw staff? y/n", [], ["Yes"]),
    # A claim checked against the sources, with where to look.
    ("Panmunjom declaration signed in april 2018 - true per sources?", [], ["Yes"]),
    # 'By how many … exceed' asks a difference of counts.
    ("By how many signers did the 2019 letter exceed the 2018 one?", ["how many more"], ["24"]),
    # A count guessed at the end of 'how many' is no clue to the letter.
    ("how many signed the letter to Moon, 52?", ["how many", "Moon"], ["76"]),
    # The letter a group coordinated, said as 'where X was the coordinator'.
    (
        "the letter where ICNK was the coordinator in 2019 - how many signed it?",
        ["how many", "Moon"],
        ["76"],
    ),
    # The organiser that signed too.
    (
        "which organisation both coordinated and signed the 52-group letter?",
        ["organiser"],
        ["Human Rights Watch", "named signatory"],
    ),
    # 'member organisations' are no person described by role.
    (
        "Was Human Rights Watch among the member organisations on the 2012 letter?",
        ["did Human Rights Watch sign"],
        ["Yes"],
    ),
    # A topic, then what the letters say, with no auxiliary.
    ("separated families - what the letters say", ["separated families"], []),
    # The same represented figure in two letters, asked yes or no.
    (
        "over-300 groups in 2018 and 2019 - same figure both times?",
        ["groups represented"],
        ["Yes, the same figure"],
    ),
    # Keywords and a tag: did the group sign the letter.
    ("Amnesty International, 2012 letter? yes or no", ["did Amnesty International sign"], ["Yes"]),
    # 'According to the sources,' before a question asks nothing of its own.
    (
        "According to the sources, which Japanese groups signed the 2012 letter?",
        ["who signed", "Japan"],
        [],
    ),
    # 'characterised … as' puts words in someone's mouth, to check.
    (
        "Is it correct that Marco Rubio characterised the Kim regime as a criminal enterprise?",
        ["did Marco Rubio say"],
        ["do not quote Marco Rubio"],
    ),
    # 'To whom should the view be attributed' asks who said it.
    (
        "To whom should the view be attributed that the Kim regime terrorizes its own people?",
        ["who said"],
        ["Rubio"],
    ),
    # A count against the names printed: 'total orgs claimed vs names'.
    ("2019 letter: total groups claimed vs names listed", ["how many"], ["76"]),
    # The dates of two events set side by side.
    (
        "dates needed: panmunjom declaration + singapore summit",
        ["which came first"],
        ["27 April 2018", "12 June 2018"],
    ),
    # 'in the run-up to' runs nothing.
    ("did kim meet xi in the run-up to singapore?", ["did Kim Jong Un meet"], ["Yes"]),
    # 'that one' after two letters points back at the one named last.
    (
        "I was reading about the 2019 letter to President Moon, and then about the earlier "
        "2012 open letter to Kim Jong-un. Who coordinated that one?",
        ["organiser", "new era"],
        ["International Coalition"],
    ),
    # 'that one' after two years: the later-named letter only.
    (
        "I read about the 2018 letter first and then the 2019 one. How many signed that one?",
        ["how many", "Moon"],
        ["76"],
    ),
    # A title in the plural claims one too: 'among the press contacts'.
    (
        "Was Ha Tae Keung among the press contacts printed on the 2012 release?",
        ["Ha Tae Keung's role"],
        ["Yes"],
    ),
    # 'roll call' is the list of signatories.
    ("give me the full roll call for the 2019 letter", ["who signed", "Moon"], []),
    # 'the last thing it asks' is how the letter closes, not the last letter.
    ("the 2018 letter - whats the last thing it asks?", ["ended"], ["strong and quick"]),
    # 'together with other groups' is who joined whom, not a request for every signer.
    (
        "Why, in Benedict Rogers' words, did CSW come together with other groups to write to Kim?",
        ["quotes by Benedict Rogers"],
        [],
    ),
    # 'describe X as a kind of Y': what the sources liken it to.
    ("how do the sources describe north korea as a prison?", ["about prison"], []),
    # French words mixed into English: 'signataires', 'lettre ouverte'.
    (
        "Amnesty, it is in the signataires of the lettre ouverte of 2012?",
        ["did Amnesty International sign"],
        ["Yes"],
    ),
    # French 'combien de' asks how many.
    ("Combien de signataires for the letter to Moon?", ["how many", "Moon"], ["76"]),
    # French 'qui a dit' asks who said it.
    ("Qui a dit that the Kim regime terrorizes its own people?", ["who said"], ["Rubio"]),
    # A name, then 'they are signatory of' the letter: whether they signed.
    (
        "Human Rights Watch, they are signatory of the letter 2018, yes or no?",
        ["did Human Rights Watch sign"],
        ["Yes"],
    ),
    # 'or am I imagining it' is doubt, not part of the topic.
    (
        "separated families - did the 2018 letter say anything about them or am I imagining it",
        ["separated families"],
        ["Yes"],
    ),
    # A tag after a topic pointed back at: the topic before the dash.
    (
        "separated families - did the 2018 letter say anything about them, right?",
        ["separated families"],
        ["Yes"],
    ),
    # Someone described by role at a group from a country: their words, not the signers from there.
    (
        "What did the East Asia team leader at the UK-based Christian group say about the "
        "Commission of Inquiry?",
        ["quotes by Benedict Rogers"],
        [],
    ),
    # A request for plain words after the question is no part of it.
    ("What did the 2019 letter ask Moon to do? Please explain in simple words.", ["Moon"], []),
    # 'I humbly ask' is courtesy.
    ("I humbly ask what Marco Rubio said about the Kim regime.", ["quotes by Marco Rubio"], []),
    # 'a group made of …' describes the signatory asked for.
    (
        "which group made of prison camp survivors signed the 2012 letter?",
        ["who signed", "survivors"],
        ["Free NK Gulag"],
    ),
    # Words joined by underscores, as in code, are words.
    ("did human_rights_watch sign the 2012 letter?", ["did Human Rights Watch sign"], ["Yes"]),
    # A group, a year and 'signer set': did it sign.
    ("amnesty in 2012 signer set? bool", ["did Amnesty International sign"], ["Yes"]),
    # A litany someone rattled off is their quotes, not a signer list.
    (
        "Rubio rattled off a whole list of stuff the Kim regime does, what was on it?",
        ["quotes by Marco Rubio"],
        ["Marco Rubio"],
    ),
    # A group whose name holds a region filters nothing; a signer word asks whether it signed.
    (
        "radio_free_asia ∈ signatories of 2018?",
        ["did Radio Free Asia sign"],
        ["The sources don't say", "Radio Free Asia"],
    ),
    # A count offered as a choice asks the count.
    ("was the moon letter the 76-signer one or the 52-signer one?", ["how many"], ["76"]),
    # 'in here' is where, not the topic.
    (
        "anything about defectors in here?",
        ["what the sources say about defectors"],
        ["Young Defectors"],
    ),
    # 'is that covered anywhere' closes the topic.
    (
        "okay what about religion - like Christians in north korea, is that covered anywhere?",
        ["what the sources say about religion"],
        ["Christians in North Korea"],
    ),
    # Families that are apart are separated families.
    (
        "what do the letters say about families that are apart from each other",
        ["what the sources say about families"],
        ["separated families"],
    ),
    # People going hungry is hunger.
    (
        "what did the 2012 letter say about food or like people going hungry",
        ["says about food"],
        ["hunger"],
    ),
    # Asking to know when asks the date.
    ("I'd like to know when the ICNK open letter to Kim Jong-un was released.", ["date"], ["2012"]),
    # A reader's email is where the claim came from, not a contact asked for.
    (
        "Claim in a reader email: 'the ICNK's 2012 open letter was addressed to Kim Jong Il.'"
        " Verdict?",
        ["recipient"],
        ["Kim Jong Un"],
    ),
    # A role claimed of the group named first is the group's.
    (
        "Is Open North Korea described as the ICNK's secretariat?",
        ["is it true of Open North Korea"],
        ["Yes", "secretariat"],
    ),
    # A mention of the bot asks nothing.
    (
        "@bot is open north korea the icnk secretariat or am i mixing it up w something else",
        ["is it true of Open North Korea"],
        ["Yes"],
    ),
    # A group's full name supports a claim on it.
    ("is CSW a christian group?", ["is it true of Christian Solidarity Worldwide"], ["Yes"]),
    # The boss of a group is whoever heads it.
    ("is ha tae keung the boss of open north korea?", ["Ha Tae Keung"], ["Yes", "President"]),
    # An Asia director does not head the whole group.
    ("is brad adams the boss of HRW?", ["Brad Adams"], ["No", "Asia director"]),
    # Spanish around names is read as English.
    (
        "la organización International Christian Concern, firmó la carta de 2019 a Moon? sí o no",
        ["did International Christian Concern sign"],
        ["Yes"],
    ),
    # Spanish: a count of the Moon letter.
    ("cuántos co-firmantes tuvo la carta a Moon?", ["how many"], ["76"]),
    # A worksheet's numbering and marks ask nothing.
    (
        "Q9. Is Open North Korea described as the ICNK's secretariat? (yes/no, 1 mark)",
        ["is it true of Open North Korea"],
        ["Yes"],
    ),
    # A blank after 'sent to' asks the recipient.
    (
        "Fill in the blank: The 52-organisation letter of June 2018 was sent to __________,"
        " days before the Singapore summit.",
        ["recipient"],
        ["Kim Jong Un"],
    ),
    # South or southeast Asia, with examples after 'like'.
    (
        "were there signers from south or southeast asia outside korea and japan, like indonesia,"
        " thailand or bangladesh?",
        ["from Asia outside South Korea and Japan"],
        ["Kontras"],
    ),
    # 'Who's the guy that said …' asks who said it.
    (
        "who's the guy that said moon was trying to 'mollify' kim",
        ["who said these words"],
        ["Phil Robertson"],
    ),
    # A remark attributed, with its words between.
    (
        "To whom is the remark 'I don't think that there is a dilemma here' attributed?",
        ["who said these words"],
        ["Tomas Ojea Quintana"],
    ),
    # A sports fan's teams are the signing groups.
    ("any canadian teams on the list?", ["from Canada"], ["Canada"]),
    # 'Mentioned anywhere' asks all the sources; either topic counts.
    (
        "is hunger or starvation mentioned anywhere? what words do they use for it",
        ["what the sources say about hunger or starvation"],
        ["hunger"],
    ),
    # Two topics joined by 'and' are each looked for.
    (
        "What do the sources in this collection say about aid and food?",
        ["what the sources say about aid and food"],
        ["humanitarian aid"],
    ),
    # German around names is read as English.
    (
        "wann war the Singapore summit zwischen Trump und Kim?",
        ["when: Trump–Kim summit in Singapore"],
        ["12 June 2018"],
    ),
    # A support ticket's fields ask nothing.
    (
        "Hi team, I need help with the following. Issue: which organisations from Canada signed"
        " the 2012 letter? Expected: names.",
        ["from Canada"],
        ["Han Voice"],
    ),
    # A claim, then a second question after 'and'.
    (
        "Is it accurate that the 2018 letter called on Kim to accept humanitarian aid — and was"
        " there a condition attached?",
        ["says kim to accept humanitarian aid"],
        ["Yes", "monitoring"],
    ),
    # 'That summit' after a sentence that names it.
    (
        "The joint letter was sent, according to Radio Free Asia, five days before the meeting"
        " between Trump and Kim in Singapore. On what date was that summit scheduled to take"
        " place?",
        ["when: Trump–Kim summit in Singapore"],
        ["12 June 2018"],
    ),
    # A relative clause is no question of its own.
    (
        "Kim Jong Un's rapprochement with Seoul culminated in a declaration signed at the border"
        " village, which both HRW and Radio Free Asia mention as context for the 2018 letter. On"
        " what date was the Panmunjom Declaration signed?",
        ["when: Panmunjom Declaration"],
        ["27 April 2018"],
    ),
    # An inquiry's findings, with a letter's year beside it.
    (
        "The 2014 UN Commission of Inquiry looms over later advocacy, and both HRW and CSW call"
        " it seminal. What do the sources say it found, and how does the 2018 letter relate to it?",
        ["what happened: 2014 UN Commission of Inquiry"],
        ["enslavement"],
    ),
    # A form's context leads its question.
    (
        "Context: Phil Robertson, December 2019. Question: what did he urge Moon to do about the"
        " policy? one line",
        ["quotes by Phil Robertson"],
        ["Phil Robertson"],
    ),
    # Whether a group released a letter it did not organise.
    (
        "is it true the 2012 letter was put out by Amnesty, HRW and FIDH?",
        ["organiser"],
        ["Yes", "released by Amnesty International"],
    ),
    # A group that neither organised nor released the letter.
    (
        "did Freedom House release the 2012 letter?",
        ["organiser"],
        ["No", "released by Amnesty International"],
    ),
    # A quiz's options are no part of the question.
    (
        "Who got the ICNK open letter of 2012? A) Moon Jae-in B) Kim Jong-un C) Xi Jinping",
        ["recipient"],
        ["Kim Jong Un"],
    ),
    # A lawyer's leading question is a claim to check.
    (
        "Isn't it the case that the 2012 open letter demanded Pyongyang let in the "
        "International Committee of the Red Cross? And who else?",
        ["is it true"],
        ["Yes"],
    ),
    # An assistant's instructions ask nothing.
    (
        "Act as a research assistant. Task: date of the Panmunjom Declaration. "
        "Return the date only.",
        ["Panmunjom"],
        ["27 April 2018"],
    ),
    # A learner's 'somebody say … who is it' asks who said it.
    (
        "somebody say Kim try become international statesman but will fail, who is it?",
        ["who said"],
        ["Brad Adams"],
    ),
    # A scene retold in the present asks who said it.
    (
        "Who tells Moon that his government is betraying the long-suffering people of North Korea?",
        ["who said"],
        ["Phil Robertson"],
    ),
    # Several people's roles in a year are each one's.
    (
        "Kanae Doi and Kiri Kankhwende, what role they have in 2012?",
        ["who are Kanae Doi and Kiri Kankhwende"],
        ["Tokyo", "London"],
    ),
    # A title 'held' in a year is the role then.
    (
        "Isn't it the case that Phil Robertson already held the title of Asia deputy "
        "director back in 2012?",
        ["role"],
        ["No", "press contact"],
    ),
    # Two people's words, each one's.
    (
        "what did Brad Adams and Phil Robertson say?",
        ["quotes by Brad Adams and Phil Robertson"],
        ["Brad Adams", "Phil Robertson"],
    ),
    # Two people set side by side with 'vs'.
    (
        "kanae doi vs kiri kankhwende — org + city for each",
        ["who are Kanae Doi and Kiri Kankhwende"],
        ["Tokyo", "London"],
    ),
    # The one spoken to is no second speaker.
    ("What did Xi Jinping say to Kim Jong Un when they met in 2018?", [], ["do not"]),
    # More signers is a count, however the letters are described.
    (
        "which letter had more signers, the one to Moon or the one to Kim before the summit?",
        ["how many more signed"],
        ["76"],
    ),
    # Korean in Hangul.
    ("2018 편지에 서명한 단체 몇 개?", ["how many"], ["52"]),
    # Korean: who said the words quoted.
    ("'world's biggest open prison' 이 말 누가 했어?", ["who said"], ["Brad Adams"]),
    # Several organisations named together: what each is.
    (
        "amnesty vs FIDH, what are they per the data?",
        ["what Amnesty International and International Federation for Human Rights are"],
        ["Amnesty International: an NGO", "International Federation for Human Rights"],
    ),
    # Two organisations, what they do.
    (
        "ICC vs CSW - both christian orgs? what do they do",
        ["International Christian Concern and Christian Solidarity Worldwide"],
        ["persecuted Christians"],
    ),
    # Three letters compared: each one asked.
    ("recipients 2012 vs 2018 vs 2019, table pls", ["recipient →"], ["Kim Jong Un"]),
    # Someone said the words; which lawmaker was that.
    (
        "Somebody in the 2018 coverage said that promoting and defending human rights must "
        "always remain a core pillar of U.S. diplomacy abroad — which lawmaker was that?",
        ["who said"],
        ["Cardin"],
    ),
    # What a letter's record says about a group named after 'about'.
    (
        "What does the 2012 release say about Free NK Gulag?",
        ["says about Free NK Gulag"],
        ["named signatory", "survivors"],
    ),
    # The part a group played in a letter.
    (
        "per the ICNK release, what role did Open North Korea play in the coalition?",
        ["says about Open North Korea"],
        ["secretariat"],
    ),
    # A group that wrote about a letter is no topic of it.
    (
        "did CSW sign the 2018 letter to kim or did they just write about it",
        ["did Christian Solidarity Worldwide sign"],
        ["Yes"],
    ),
    # Who the sources name but never quote.
    (
        "which people in the data were never quoted at all? press contacts etc",
        ["never quote"],
        ["Gina Goh", "never quoted"],
    ),
    # Who is not quoted anywhere.
    ("who isn't quoted anywhere?", ["never quote"], ["Kanae Doi"]),
    # Counsel 'against' is a negation: no false 'the opposite'.
    ("why did Joseph Yun say not put human right high on summit agenda?", ["Joseph Yun"], ["Yes"]),
    # 'argue against …' asked of a quote that cautions against it.
    (
        "Did Joseph Yun argue against putting human rights high on the summit agenda?",
        ["Joseph Yun"],
        ["Yes"],
    ),
    # Budgets of two groups are not in the sources.
    ("HRW vs Amnesty annual budgets, table?", ["not in the sources"], ["do not"]),
    # A count of signers from a country, claimed.
    (
        "Isn't it the case that five United States organisations appear on the 2012 list? Name "
        "them.",
        ["signers of"],
        ["Yes", "Freedom House"],
    ),
    # A wrong count of signers from a country.
    ("did 3 Japanese groups sign the 2012 letter?", ["signers of"], ["No: 4, not 3"]),
    # A name put after the words: was it that person.
    (
        "Somebody in December 2019 argued that people's human rights must not be sacrificed for "
        "peace on the Korean Peninsula. You'd agree that was Benedict Rogers?",
        ["Benedict Rogers"],
        ["Yes"],
    ),
    # 'it was X who urged …' is whether X did.
    (
        "You would agree it was Marco Rubio who urged the House to pass the reauthorisation and "
        "send it to the president?",
        ["who said"],
        ["Yes", "Marco Rubio"],
    ),
    # A quiz's 'which of these did NOT' keeps its options, so the one left out is named.
    (
        "Which of these orgs wasn't on the 2018 letter? a) HRW b) Amnesty c) CSW",
        ["did not sign"],
        ["Amnesty International is not named"],
    ),
    # Two years joined by 'and in': which of them it signed.
    ("did HRW sign in 2012 and in 2018?", ["which letters Human Rights Watch signed"], ["Yes"]),
    # On the letters of two years, plural.
    (
        "was Amnesty on the 2012 and 2018 letters",
        ["which letters Amnesty International signed"],
        ["No, only the 2012 one"],
    ),
    # A topic claimed among a letter's abuses, the topic first.
    (
        "hunger was one of the abuses the 2012 letter pointed to, right?",
        ["speak of hunger"],
        ["Yes"],
    ),
    # Listed among the abuses.
    (
        "did the 2019 letter list public executions among the abuses?",
        ["speak of public executions"],
        ["No"],
    ),
    # 'How come' asks why.
    ("how come they wrote to moon jae-in at all?", ["why"], [""]),
    # 'According to <person>,' asks for that person's words.
    (
        "According to Tomas Ojea Quintana, what problem would arise if human rights were not"
        " raised?",
        ["quotes by Tomas Ojea Quintana"],
        [""],
    ),
    # Joining other groups in sending a letter is no request for the others.
    (
        "According to Benedict Rogers, for what purpose did CSW join other organisations in"
        " sending the 2018 letter to Kim Jong-Un?",
        ["quotes by Benedict Rogers"],
        [""],
    ),
    # What a letter was responding to is why it was sent.
    (
        "Which November 2019 decision by South Korea was the December 2019 letter responding to?",
        ["why"],
        [""],
    ),
    # A region missing from the first letter named.
    (
        "Is Africa missing from the 2012 coalition's regions compared with the 2018 letter's?",
        ["regions"],
        ["Yes"],
    ),
    # Britain is the United Kingdom the data names.
    ("was there anybody from britain", ["United Kingdom"], ["Christian Solidarity Worldwide"]),
    # A follow-on country adds to the filter.
    (
        "Which signatory was from Bangladesh? oh and Indonesia?",
        ["Bangladesh or Indonesia"],
        ["2 of the 39"],
    ),
    # 'Am I right that it was X who said …' is whether X said it.
    (
        "Am I right that it was Brad Adams who called it 'a mistake to overload the agenda'?",
        ["who said"],
        ["No, not Brad Adams", "Joseph Yun"],
    ),
    # 'Only appears in connection with' one letter claims that letter alone.
    (
        "Am I right that Amnesty International only appears in connection with the 2012 letter"
        " and none of the others?",
        ["the only letter"],
        ["Yes"],
    ),
    # What someone thought, claimed, is checked against their words.
    (
        "Am I right that Quintana thought raising human rights was needed for a lasting"
        " denuclearization deal?",
        ["did Tomas Ojea Quintana say"],
        ["Yes"],
    ),
    # Relatives who got split up are no recipients.
    (
        "Did the 2018 appeal say anything about relatives who got split up across borders?",
        ["speak of relatives"],
        [""],
    ),
    # Mistreatment is an abuse.
    (
        "What kinds of mistreatment inside the country did the 2012 message point to?",
        ["abuses cited"],
        [""],
    ),
    # What a role accused a government of is in their words.
    (
        "What wrongdoing did the lawmaker from Florida accuse the Kim government of?",
        ["quotes by Marco Rubio"],
        [""],
    ),
    # An open message is an open letter; the alliance is the coalition.
    (
        "When was the alliance's open message to the young heir put out? I keep seeing two "
        "different dates for it.",
        ["date → ICNK open letter"],
        [""],
    ),
    # Something compared within one letter compares no letters.
    (
        "What did the 2012 text say about how the ruling class lives compared with ordinary "
        "people?",
        ["says about how the ruling class lives"],
        [""],
    ),
    # A group described by where it is headquartered.
    (
        "Is it correct that the rights watchdog headquartered in New York is also on the "
        "alliance's 2012 roster of members and supporters?",
        ["did Human Rights Watch sign"],
        ["Yes"],
    ),
    # Where a letter's organiser is.
    (
        "Where is the rights watchdog that organised the 2018 appeal headquartered?",
        ["where Human Rights Watch"],
        ["New York"],
    ),
    # The radio station is the outlet.
    ("what did the radio station report about the 2018 letter?", ["Radio Free Asia"], [""]),
    # Whom an outlet quoted.
    (
        "Who are all the people the radio station quoted or paraphrased in its story on the 2018 "
        "appeal?",
        ["everyone quoted in Radio Free Asia's coverage"],
        ["Brad Adams"],
    ),
    # Whom an outlet named by its name quoted.
    (
        "who did RFA quote in its 2018 story?",
        ["everyone quoted in Radio Free Asia's coverage"],
        [""],
    ),
    # Years in words with hyphens.
    ("who was the twenty-nineteen letter addressed to?", ["recipient"], ["Moon Jae-in"]),
    # The letters alone, in date order.
    (
        "Chronology check: order the three letters, earliest first.",
        ["letters, in date order"],
        ["3 letters, earliest first"],
    ),
    # Signed one of these letters: any of them.
    ("hey which group from brazil signed one of these letters", ["from Brazil"], ["Conectas"]),
    # The letters a coalition was responsible for.
    (
        "Keep it simple please: which letters was the ICNK coalition responsible for?",
        ["letters coordinated by"],
        [""],
    ),
    # The bot addressed as 'hey bot'.
    ("hey bot so I was wondering um who was it that signed the 2019 letter", ["who signed"], [""]),
    # A policy insider's 'per the SR' and 'HR'.
    (
        "Per the SR, why does raising HR matter for the denuke outcome?",
        ["quotes by Tomas Ojea Quintana"],
        [""],
    ),
    # 'Source of' quoted words asks who said them.
    (
        "Source of 'America's moral responsibility and in our national security interest'?",
        ["who said"],
        ["Marco Rubio"],
    ),
    # Why someone said something: their words.
    (
        "why did benedict rogers say csw got together with the other groups to send the twenty "
        "eighteen letter",
        ["quotes by Benedict Rogers"],
        [""],
    ),
    # An inquiry's key findings are the event's.
    (
        "COI 2014 - key findings, and how did the 2018 letter leverage it?",
        ["what happened: 2014 UN Commission of Inquiry"],
        [""],
    ),
    # People who only say which event are not asked for.
    (
        "When did the two Korean heads of state put their signatures on the declaration at "
        "Panmunjom?",
        ["when: Panmunjom Declaration"],
        ["27 April 2018"],
    ),
    # Italian 'tra': between the signatories.
    (
        "The International Christian Concern was between the signatories of the open letter of "
        "2012?",
        ["did International Christian Concern sign"],
        [""],
    ),
    # Italian 'firmare', 'destinatario'.
    (
        "President Moon has firmed the letter of December 2019, or he was only the destinatary of "
        "it?",
        ["recipient"],
        ["Moon Jae-in"],
    ),
    # Italian 'di chi è la frase'.
    ("Of who is the frase 'a mistake to overload the agenda'?", ["who said"], ["Joseph Yun"]),
    # 'A, or only B?': which of the two it signed.
    (
        "Is Amnesty International recorded as a signatory of the 2018 HRW-organised letter, or "
        "does it only appear in connection with the 2012 one?",
        ["which letters Amnesty International signed"],
        ["No, only the 2012 one", "2 of its 52"],
    ),
    # 'Also signed A, or only involved in B?'
    (
        "Did Human Rights Watch also sign the 2012 open letter, or was it only involved in the "
        "2018 one?",
        ["Human Rights Watch"],
        ["Yes"],
    ),
    # The persons that are quoted.
    (
        "Give me all the persons that are quoted in the articles about the letter of 2018",
        ["who was quoted"],
        [""],
    ),
    # What a group does besides being listed is what it is.
    (
        "open north korea — what does it do besides just being on the member list?",
        ["about Open North Korea"],
        [""],
    ),
    # What a person described on a letter wanted: their words.
    (
        "Statement from HRW's Asia deputy director on the Moon letter - what did he want Moon to "
        "do?",
        ["quotes by Phil Robertson"],
        [""],
    ),
    # A count compared with 'the pre-summit one'.
    (
        "how many more signers did the letter to the south korean president have than the "
        "pre-summit one to the north?",
        ["how many more signed"],
        ["24"],
    ),
    # Backed by more orgs than another letter.
    (
        "was the coalition's first letter backed by more orgs than the 52-group one? or fewer",
        ["how many more signed"],
        ["No. The 2018 letter had 9 more"],
    ),
    # The coordinators of two letters, the same?
    (
        "Is the coordinator of the 2012 letter and of the 2019 letter the same?",
        ["who organised the 2012 and 2019 letters"],
        ["Yes"],
    ),
    # Money is never in the sources.
    (
        "How much money the organisations have spent for this campaign of letters?",
        ["not in the sources"],
        ["do not report"],
    ),
    # 'Which ones did they sign' lists the letters.
    (
        "icc - which ones did they actually sign vs just post about",
        ["letters signed by International Christian Concern"],
        [""],
    ),
    # The president of which country a letter went to.
    (
        "The letter of the coalition with 76 co-signatories was for the president of which "
        "country?",
        ["recipient"],
        ["South Korea"],
    ),
    # Whether someone received more than one letter.
    (
        "did kim jong un get more than one of these letters",
        ["did Kim Jong Un receive more than one letter"],
        ["Yes. 2 letters went to Kim Jong Un"],
    ),
    # Whether someone received more than one letter: No.
    (
        "did Moon get more than one letter?",
        ["did Moon Jae-in receive more than one letter"],
        ["No. One letter went to Moon Jae-in"],
    ),
    # Quoted in a letter's coverage, though about something else.
    (
        "was Quintana quoted in the coverage of the 2018 letter?",
        ["quotes by Tomas Ojea Quintana"],
        ["Yes, in its coverage", "though not about the letter itself"],
    ),
    # A common misspelling of a whole name.
    ("who is Kim Jung Un?", ["who is Kim Jong Un"], [""]),
    # A first name then a misspelt rest.
    ("who is Kim Yong Cho?", ["who is Kim Yong Chol"], ["envoy"]),
    # A topic fronted, then whether anything mentions it.
    (
        "christians in north korea - does anything mention them",
        ["what the sources say about christians in north korea"],
        ["hardest country"],
    ),
    # A topic set against another: the first is asked.
    (
        "did the 2012 letter say anything about the elite, not just ordinary north koreans?",
        ["speak of the elite"],
        ["Yes"],
    ),
    # Quoted on both letters: the quotes, not the posts.
    (
        "Was Benedict Rogers quoted in connection with both the 2018 letter and the 2019 letter?",
        ["Benedict Rogers on both"],
        ["Yes"],
    ),
    # Which of two groups signed more letters.
    (
        "did Human Right Watch sign more of the leters than CSW did",
        ["sign more letters than Christian Solidarity Worldwide"],
        ["No", "2 against 2"],
    ),
    # Which of two groups signed more letters, asked 'which'.
    (
        "which signed more letters, HRW or Amnesty?",
        ["sign more letters than Amnesty International"],
        ["Human Rights Watch signed or coordinated more"],
    ),
    # Was someone quoted on a letter: their words, not their post.
    (
        "Benedict Rogers of CSW: was he quoted in connection with the 2012 open letter as well?",
        ["quotes by Benedict Rogers"],
        ["No"],
    ),
    # 'U.K.' with its stops.
    ("which U.K. groups signed?", ["United Kingdom"], ["Christian Solidarity Worldwide"]),
    # A question with a hedge still asks its question.
    ("who coordinated the 2018 letter, I think", ["organiser"], ["Human Rights Watch"]),
    # Yes or no asked with marks, and a letter set before an event with no verb at all.
    ("ICC cosigner moon letter? ✅/❌", ["International Christian Concern"], ["Yes"]),
    ("2018 letter before singapore summit? y/n", ["which came first"], ["Yes"]),
    ("2012 letter after the COI? yes or no", ["which came first"], ["No"]),
    # A letter asked to have someone do something: yes or no, from its demands.
    (
        "did the 2012 letter ask north korea to admit the red cross?",
        ["speak of admit the red cross"],
        ["Yes", "Red Cross"],
    ),
    (
        "Did the 2012 open letter seek access to the country for the International Committee of "
        "the Red Cross?",
        ["speak of access"],
        ["Yes"],
    ),
    # Sent "prior to" an event, and the interval that "separated" them.
    (
        "Was the June 2018 joint letter transmitted prior to the Singapore summit?",
        ["which came first"],
        ["Yes", "7 June 2018"],
    ),
    (
        "What interval separated the dispatch of the 2018 joint letter from the Singapore summit?",
        ["time between"],
        ["Five days"],
    ),
    # The place in an event's title names it; a place after "before" only dates.
    (
        "what happened at the Panmunjom meeting between Moon and Kim in 2018?",
        ["Panmunjom Declaration"],
        ["27 April 2018"],
    ),
    (
        "What did Kim and Moon agree to in that declaration they signed in the spring before "
        "Singapore?",
        ["Panmunjom Declaration"],
        ["peace treaty"],
    ),
    (
        "When exactly did Human Rights Watch and the others send their letter to Kim before the "
        "Singapore meeting?",
        ["Trump–Kim summit"],
        ["7 June 2018"],
    ),
    # A count claimed of the groups the signers represent is that count, not the signers'.
    (
        "'More than 300 NGOs represented' by the signers of the 2018 letter — is that figure "
        "accurate?",
        ["is 300 a count"],
        ["Yes", "represented"],
    ),
    (
        "the 2018 letter had 300 signers representing 52 groups, right?",
        ["is 300 a count"],
        ["No", "52"],
    ),
    # "… with the letter sent five days earlier": the date is the summit's, the letter earlier.
    (
        "Singapore summit on 12 June 2018, with the letter sent five days earlier — is that "
        "correct?",
        ["which came first"],
        ["Yes", "7 June 2018"],
    ),
    # "No X …, right?" claims there were none: the answer is for the claim.
    (
        "Claim: no European organisations appear on the 2012 list. Is that so?",
        ["from Europe"],
        ["No, the sources show otherwise", "People In Need"],
    ),
    ("no african groups signed the 2012 letter, right?", ["from Africa"], ["Yes, that's right"]),
    # What came of a letter or an event after the sources: they do not say.
    (
        "Did President Moon change his government's policy after receiving the 2019 letter?",
        ["not in the sources"],
        ["do not report"],
    ),
    (
        "did the south korean president change his mind after he got the letter?",
        ["not in the sources"],
        ["do not report"],
    ),
    (
        "In the end, were the 2018 letter's demands actually raised at the Singapore summit?",
        ["outcome", "not in the sources"],
        ["do not report"],
    ),
    (
        "what did north korean state media say about the 2012 letter?",
        ["not in the sources"],
        ["do not report"],
    ),
    (
        "the House of Representatives has finally passed the North Korean Human Rights Act?",
        ["Senate passes"],
        ["do not report"],
    ),
    # Nationality asked by adjective: the answer says what the sources can bear out.
    ("is moon jae-in north korean", ["Moon Jae-in"], ["No", "South Korea"]),
    ("is phil robertson american?", ["Phil Robertson"], ["don't say"]),
    # A subject fronted, then asked of as "they" or "it".
    (
        "Open North Korea - Ha Tae-keung's group - were they signers on the 2012 open letter?",
        ["did Open North Korea sign"],
        ["Yes"],
    ),
    ("CSW, did they sign the 2012 letter?", ["did Christian Solidarity Worldwide sign"], ["Yes"]),
    # A year says which of the letters to Kim is set beside an event.
    (
        "Am I right in thinking that the 2018 letter to Kim Jong Un went out before his summit "
        "with President Trump in Singapore?",
        ["which came first", "Trump–Kim summit in Singapore"],
        ["Yes"],
    ),
    # Terse keywords: a count, the countries; "by name" asks for names the sources do not print.
    ("moon letter — groups represented, count", ["how many"], ["300"]),
    ("countries 2012 list 🌏", ["countries"], ["Japan"]),
    (
        "who were the 76 cosigners on the Moon letter, by name? or is that being hidden?",
        ["full list", "not in the sources"],
        ["do not name"],
    ),
    # A signatory's note names the signatory; "people who lived through" the camps survived them.
    (
        "Among the backers of the 2012 open letter, which organisation was made up of prison-camp "
        "survivors?",
        ["note"],
        ["Free NK Gulag"],
    ),
    (
        "did the group of people who lived through the prison camps sign the 2012 letter too?",
        ["did Free NK Gulag sign"],
        ["Yes"],
    ),
    # "Which were for Kim and which for Moon?": every letter, with its recipient.
    (
        "Which letters were for Kim Jong Un and which for Moon?",
        ["all letters"],
        ["3 letters", "Moon Jae-in"],
    ),
    # "rep" is a representative; getting "the attribution right" asks for a title, not a speaker.
    ("yun still special rep june 2018?", ["Joseph Yun's role"], ["until March 2018"]),
    ("brad adams - exact title? want the attribution right", ["Brad Adams"], ["Asia director"]),
    # "all three joint letters": every letter, whatever kind it is called.
    (
        "were all three joint letters addressed to kim jong un?",
        ["were all the letters addressed to Kim Jong Un"],
        ["No", "Moon Jae-in"],
    ),
    # a speaker asked for by a noun, or by a bare "who" closing the message
    (
        "someone say moon government is betraying north korean people for make kim happy. who?",
        ["who said"],
        ["Phil Robertson"],
    ),
    (
        "which HRW guy said Moon was betraying north koreans just to keep Kim happy? Adams?",
        ["who said"],
        ["Robertson"],
    ),
    (
        "Someone accused President Moon's government of betraying the North Korean people in a "
        "misguided attempt to placate Kim; which individual said this, and which organisation did "
        "he work for?",
        ["who said"],
        ["Phil Robertson"],
    ),
    # "it is a mistake to …" counsels against, as "cautioned against" does
    ("who say it is mistake to put too many thing on summit agenda?", ["who said"], ["Joseph Yun"]),
    (
        "Which actor asserted that a human rights dialogue would in no way undermine "
        "denuclearisation negotiations?",
        ["who said"],
        ["Quintana"],
    ),
    (
        "someone said kim should think about his legacy and be rememberd as the guy who brought "
        "freedom back.. who?",
        ["who said"],
        ["Ha Tae Keung"],
    ),
    # signers counted, though "how many people" could count anything
    (
        "That letter complaining about Seoul pulling out of the UN resolution: how many people "
        "actually backed it?",
        ["how many"],
        ["76"],
    ),
    ("who signed the moon letter in 2019 like how many ppl", ["how many"], ["76"]),
    # voice typing's "human writes watch"
    (
        "which letters did human writes watch sign",
        ["letters signed by Human Rights Watch"],
        ["2 letters"],
    ),
    # a request to clarify who two people were, with the asker's reason after it
    (
        "Could you clarify who Kanae Doi and Kiri Kankhwende were, since both names appear in the "
        "2012 release and my students are bound to ask about them?",
        ["who are Kanae Doi and Kiri Kankhwende"],
        ["Tokyo", "London"],
    ),
    # a letter and an event in a claim of order: the letter its clues point at, not every
    # letter to Kim
    (
        "The HRW letter to Kim went out after the Singapore summit, right?",
        ["which came first", "Trump–Kim summit in Singapore"],
        ["No", "7 June 2018"],
    ),
    # a count claimed of the wrong letter says whose count it is
    (
        "One of my students claims that 76 organisations signed the June 2018 letter to Kim Jong "
        "Un; is that correct, or is she mixing it up with a different letter from the same period?",
        ["is 76 a count of"],
        ["No", "52", "The 76 is the 2019 letter's"],
    ),
    # a declarative claim of what a letter said, tagged yes or no
    (
        "2018 letter welcomed north korea dialogue other countries y/n",
        ["says about welcomed dialogue"],
        ["Yes"],
    ),
    (
        "2012 letter ask north korea let the red cross come in? yes no",
        ["speak of"],
        ["Yes", "Red Cross"],
    ),
    # "asks" as a noun; a wish for change with the government named
    ("what were the 2012 letter's asks of kim jong-un?", ["demands"], ["three demands"]),
    # the title of a named person is no role to list
    (
        "Kindly list every individual quoted in connection with the 2019 letter to President Moon.",
        ["who was quoted"],
        ["Benedict Rogers", "Phil Robertson"],
    ),
    # the time between, asked tersely
    ("2018 letter vs singapore summit days between", ["time between"], ["Five days"]),
    # opinions and money: not in the sources
    (
        "Rank the NGOs by effectiveness on North Korean human rights - which one is best in your "
        "opinion?",
        ["an opinion of the bot's own"],
        ["not opinions of its own"],
    ),
    (
        "What does Benedict Rogers personally think of Donald Trump?",
        ["(not in the sources)"],
        ["do not report"],
    ),
    (
        "How much did HRW spend organising the 2018 letter?",
        ["(not in the sources)"],
        ["do not report"],
    ),
    (
        "Did North Korea ultimately admit the UN Special Rapporteur as a consequence of the 2012 "
        "letter?",
        ["what happened afterwards (not in the sources)"],
        ["do not report"],
    ),
    (
        "Recipient response: any reply from the South Korean presidential office to the 2019 "
        "letter (date, content).",
        ["a reply from Moon Jae-in"],
        ["do not report"],
    ),
    # words common to many speakers' quotes: the guessed speaker's own words are checked
    (
        "Benedict Rogers said peace on the peninsula matters more than human rights, that's his "
        "quote right?",
        ["did Benedict Rogers say"],
        ["No", "opposite"],
    ),
    (
        "Who called for human rights to be put on the Singapore summit agenda? Names and dates "
        "please.",
        ["who said"],
        ["Benedict Rogers", "Quintana"],
    ),
    (
        "I recall a statement arguing that holding the North Korean dictatorship to account was "
        "both a moral duty for America and in its national security interest; who made that "
        "argument?",
        ["who said"],
        ["Marco Rubio"],
    ),
    # an ordinal after "that" still picks its letter
    (
        "was Kim even the leader yet when that first letter was sent to him, or what?",
        ["ICNK open letter"],
        ["heir-apparent"],
    ),
    # "other than" asks for the letters not to the person
    (
        "Were any of the three letters directed at a head of state other than the North Korean "
        "leadership?",
        ["all letters not to Kim Jong Un"],
        ["Moon Jae-in"],
    ),
    # "the only Canadian signer": a demonym before a singular "signer"
    (
        "The only Canadian signer in 2012 was Han Voice, right?",
        ["is Han Voice the only 2012 signatory from Canada"],
        ["No", "Council for Human Rights in North Korea"],
    ),
    # the asker's plan for the list is no part of the question
    (
        "Could you give me the list of organisations printed with the coalition's release on the "
        "2012 open letter, so that I can hand it out to my students and ask them to sort the "
        "groups by region?",
        ["who signed"],
        ["39"],
    ),
    # a total the sources give in parts is added up, and says so
    (
        "so if it was the big three plus the others, how many groups is that altogether on the "
        "2012 letter?",
        ["how many"],
        ["3 + 40 = 43"],
    ),
    # "passage" of an act is its passing, not a passage of text
    (
        "U.S. Senate passage of the North Korean Human Rights Act reauthorisation — date and "
        "sponsors.",
        ["U.S. Senate passes the North Korean Human Rights Act"],
        ["25 April 2018", "Rubio"],
    ),
    (
        "Stated rationale for the timing of the 2018 joint letter relative to the Singapore "
        "summit.",
        ["why"],
        ["Singapore"],
    ),
    # how many letters there are: all of them, not one letter's signers
    ("how many letters are there?", ["all letters"], ["3 letters"]),
    (
        "I hope you don't mind me asking, but how many letters do you actually know about, and "
        "could you list them all for me with their years? I've lost track.",
        ["all letters"],
        ["3 letters", "2012"],
    ),
    # a moderator's label before the question; who the sources say released it
    (
        "Mod question: for the 2012 letter, who does the release itself say actually released it? "
        "I'd rather name those than the whole member list.",
        ["organiser"],
        ["Amnesty International", "Human Rights Watch"],
    ),
    # a topic, then who spoke of it; "and by whom"; "Kim's isolation" is the country's
    (
        "Peace on the Korean peninsula - who is talking about this in connection to the letters?",
        ["who spoke of peace on the korean peninsula"],
        ["Benedict Rogers"],
    ),
    (
        "What has been said about peace on the Korean peninsula in these materials, and by whom?",
        ["who spoke of"],
        ["Benedict Rogers"],
    ),
    ("who talked about kims isolation ngl", ["who spoke of kims isolation"], ["Brad Adams"]),
    (
        "What's said across these sources about political prison camps? I'd like the numbers and "
        "the voices.",
        ["who spoke of political prison camps"],
        ["Marco Rubio"],
    ),
    # a yes-or-no question a sentence of the record answers, with doubt around it
    (
        "Is North Korea even a party to any human rights treaties, or is that a myth the NGOs "
        "repeat?",
        ["what the sources state"],
        ["Yes, the sources say so"],
    ),
    (
        "North Korea is a party to human rights treaties? says who?",
        ["what the sources state"],
        ["Yes, the sources say so"],
    ),
    (
        "does it say anywhere that north korea has actually signed human rights treaties because "
        "i always thought they just ignored all that",
        ["what the sources state"],
        ["Yes, the sources say so"],
    ),
    # a region's signers, each with its country; not every country
    (
        "Which European organisations appear among the 2012 signatories, and in which countries?",
        ["from Europe"],
        ["People In Need (Czech Republic)"],
    ),
    (
        "any latin american groups in there? we need partners in that region",
        ["from Latin America"],
        ["Yes", "Conectas"],
    ),
    # a checklist's numbering; a check asked after the claim's full stop
    (
        "Claim 38: the December 2019 ICNK letter was addressed to Kim Jong Un. True or false?",
        ["sent to Kim Jong Un"],
        ["No, that is false"],
    ),
    (
        "Claim 66: the 2012 release listed press contacts. Name all of them.",
        ["contact"],
        ["Kanae Doi"],
    ),
    (
        "Item 29: a spokesperson told Kim he should think about how he'll be remembered — his "
        "legacy. Who said that?",
        ["who said"],
        ["Ha Tae Keung"],
    ),
    # speakers asked for by other nouns and verbs
    (
        "Who was it that contended a dialogue on human rights would in no way undermine the "
        "denuclearisation talks?",
        ["who said"],
        ["Quintana"],
    ),
    (
        "quote: moon govt betraying the long suffering north koreans. who",
        ["who said"],
        ["Phil Robertson"],
    ),
    (
        "Which U.S. legislator said it was both America's moral duty and in its security interest "
        "to hold the North Korean dictatorship to account?",
        ["who said"],
        ["Marco Rubio"],
    ),
    # "it won't work" is failing, not the opposite of "will fail"
    (
        "who said something like kim wants to be an international statesman but it won't work "
        "while he runs the world's biggest prison",
        ["who said"],
        ["Brad Adams"],
    ),
    # a yes for the letters found "not addressed to" someone
    (
        "Was any of the three letters addressed to a head of state other than Kim Jong Un? If so, "
        "identify the recipient.",
        ["all letters not to Kim Jong Un"],
        ["Yes", "Moon Jae-in"],
    ),
    # totals asked tersely or by "what number"
    ("2012 total orgs, 3 + the others = ?", ["how many"], ["43"]),
    (
        "The 2012 release says the three big groups released it 'along with' a number of other "
        "organisations. What number?",
        ["how many"],
        ["40"],
    ),
    # "the bill" only names the event found: what its senators said, not the word "bill"
    ("what did the senators say about the bill?", ["quotes by the senators"], ["Ben Cardin"]),
    ("what did the senator say about the act?", ["North Korean Human Rights Act"], []),
]


@pytest.mark.parametrize(("question", "reading", "first_line"), SHAPES)
def test_message_shape_gets_its_reading(
    scope: Scope, question: str, reading: list[str], first_line: list[str]
) -> None:
    """The reading names the right subject, and the first line answers."""
    answer = ask(scope, question)
    first = answer.direct or " ".join(answer.lead[:2])
    for words in reading:
        assert words.casefold() in answer.interpretation.casefold(), answer.interpretation
    for words in first_line:
        assert words.casefold() in first.casefold(), first


def test_keywords_are_searched_and_an_unread_question_says_so(scope: Scope) -> None:
    """No reading fits: keywords get passages; a question first hears it is not covered."""
    keywords = ask(scope, "forced labour")
    assert keywords.direct.startswith("Passages in the knowledge base that match")
    question = ask(scope, "could the bot tell me something interesting here?")
    assert "does not cover this question" in (question.direct or question.lead[0])


def test_a_place_the_knowledge_base_never_mentions_is_not_covered(scope: Scope) -> None:
    """A question about a country no entry mentions says so, instead of a nearby letter."""
    answer = ask(scope, "what's the religious freedom situation like in vietnam?")
    assert not answer.found
    assert answer.lead[0].startswith("The knowledge base does not cover Vietnam")
    # A place it does mention, or a named entity, is answered as before.
    assert ask(scope, "which groups from japan signed the 2012 letter").found
    assert "Reading" not in ask(scope, "i was reading the 2012 letter, who signed it?").lead[0]


def test_a_buried_question_is_found_in_bounded_time(scope: Scope) -> None:
    """A message of many question-like clauses reads at most a few parts and answers."""
    message = ", ".join(["what did the 2018 letter say about prisons"] * 60)
    answer = ask(scope, message)
    assert answer.found
    assert "Trump–Kim summit" in answer.interpretation


def test_a_name_echoed_back_carries_no_mention(scope: Scope) -> None:
    """An unknown name is quoted back in its words only: "@everyone" never comes back."""
    answer = ask(scope, "was foo @everyone bar among the 2012 signers?")
    assert "@" not in render_text(answer)
    assert "“foo everyone bar”" in (answer.direct or "")
