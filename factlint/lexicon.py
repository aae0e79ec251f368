"""Closed word lists the mention finder relies on.

They are language facts, not KB facts, so they live here rather than in the
KB. All entries are folded (lower-case, no diacritics).
"""
from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

class Tense(StrEnum):
    """What a modifier says about holding the office at the time described."""

    FORMER = "former"      # held it before, no longer
    THEN = "then"          # held it at the time described
    OUTGOING = "outgoing"  # holds it, or has only just left
    INCOMING = "incoming"  # has not taken it yet, or only just
    ACTING = "acting"      # holds it for now (often missing from a KB)
    CURRENT = "current"    # holds it now ("new")


class Cue(StrEnum):
    """What a mention's sentence says about when its title is claimed
    (``factlint.mentions.tense`` finds them; ``tuning.CURRENCY_WEIGHTS``
    weighs them)."""

    PRESENT = "present"            # it is the subject of a present, perfect or future verb ("says", "has said")
    REPORTING = "reporting"        # ... of a verb of saying, as news reports today's words ("said", "told")
    NEW = "new"                    # its title says so: "the new Foreign Minister X"
    RECENT = "recent"              # its sentence names a recent time ("on Friday", "yesterday", "this week")
    NEAR_RECENT = "near-recent"    # ... its paragraph does, in another sentence
    POSSESSIVE = "possessive"      # "President Nixon's Council", "President X's first term"
    INSTITUTION = "institution"    # "the administration of President X", "during ...", "when President X ..."
    COMPARISON = "comparison"      # "like President X", "than President X"
    PAST_PERFECT = "past-perfect"  # its clause is in the past perfect ("had been fired by President X")
    HISTORICAL = "historical"      # its sentence tells history ("once", "legacy", "anniversary", "died")
    HYPOTHETICAL = "hypothetical"  # "a President X would ...": no one in particular yet
    LEAVING = "leaving"            # it tells how they left: "Minister X resigned", "the resignation of Minister X"


class Modifier(NamedTuple):
    """A word that changes what a title asserts about time (DESIGN.md)."""

    tense: Tense
    after: bool = False   # written after the title: "President-elect", "Foreign Minister designate"
    starts: bool = True   # may be a title's first word ("new" may not: "New Zealand")


MODIFIERS: dict[str, Modifier] = {
    "former": Modifier(Tense.FORMER), "ex": Modifier(Tense.FORMER), "late": Modifier(Tense.FORMER),
    "onetime": Modifier(Tense.FORMER),
    "then": Modifier(Tense.THEN),
    "outgoing": Modifier(Tense.OUTGOING),
    "incoming": Modifier(Tense.INCOMING), "new": Modifier(Tense.CURRENT, starts=False),
    "acting": Modifier(Tense.ACTING), "interim": Modifier(Tense.ACTING), "caretaker": Modifier(Tense.ACTING),
    "elect": Modifier(Tense.INCOMING, after=True), "designate": Modifier(Tense.INCOMING, after=True),
    "nominee": Modifier(Tense.INCOMING, after=True),
}
# The same table by position: before the title, and after it.
TIME_MODIFIERS: dict[str, Tense] = {w: m.tense for w, m in MODIFIERS.items() if not m.after}
POST_MODIFIERS: dict[str, Tense] = {w: m.tense for w, m in MODIFIERS.items() if m.after}

# Words that make a different office: "Deputy Foreign Minister" never matches
# the Foreign Minister.
OTHER_OFFICE = frozenset("deputy vice assistant under associate shadow junior co".split())
# Words that make a different office only before the word given here:
# "First Deputy Prime Minister" (but "First Lady", "first President").
OTHER_OFFICE_BEFORE: dict[str, str] = {"first": "deputy"}

# Words that may stand right before a title without changing which office it
# is. Any other word there ("opposition leader", "Microsoft President",
# "Estonian prime minister" with no Estonia in the KB) makes the title one
# factlint does not know, and it is left alone: a false alarm costs more.
OPEN_CLASS_OK = frozenset("""
a an the and or but nor as at by for from in into of on onto to with without about after against among
before between during like near over since than through until upon via while when where whom who which that
this these those his her its their our your my he she they it we i you
said says say told tells tell asked asks according added adds met meets meeting called calls praised
thanked urged warned criticised criticized accused welcomed rejected joined replaced succeeded named
appointed elected visited visits hosted hosts greeted spoke speaking wrote writes signed signs
also now is was were be been being are has had have will would could should may might can did does do not
only even both either neither later earlier once yesterday today tonight currently still recently already
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
""".split())

# Formal office titles news copy shortens by putting the portfolio before the
# head word: "Secretary of State for Health" is the "Health Secretary",
# "Minister of Agriculture" the "Agriculture Minister" (head word -> the words
# the formal title starts with, before "of"/"for").
OFFICE_HEADS: dict[str, tuple[str, ...]] = {"secretary": ("secretary", "of", "state"), "minister": ("minister",)}
# Words that end the first portfolio of a pair ("Trade and Industry").
PORTFOLIO_SEPARATORS = frozenset({"and"})

# Name suffixes and regnal numbers: "Donald Trump Jr." is not Donald
# Trump, and neither is a family name ("Mswati III" is of the family Mswati).
NAME_SUFFIXES = frozenset("jr sr ii iii iv v vi vii viii junior senior".split())

# Lower-case words that may sit inside a name ("Mohammed bin Salman"); in
# the KB they belong to the family name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset("al el bin ibn bint van von der den de del della di da dos das du la le ter ten y".split())

# Words that introduce the time of a clause: "In 2019, ...", "on 12 June 2018".
TIME_PREPOSITIONS = ("in", "on", "during")
# Words that open a clause: a time after one applies to that clause, not
# to what comes before it ("X denied the claim that Y did it in 2016").
CLAUSE_WORDS = frozenset("that who whom whose which while because although though whereas unless".split())
# A sentence whose first clause begins with one of these and states a time
# is set in that time ("On a winter day in 2003, ..."): prepositions and
# words of time.
FRONTED_STARTS = frozenset("in on at during after before by since until from for when while as back early late".split())
# Words that make the year after them a time: "his 2016 visit", "in early 2019".
YEAR_INTRODUCERS = frozenset("his her their its a an early late mid".split())

# Counts in relative times ("two years later"; "several" and "a few" are
# read as two to nine) and how far the spans they count may reach, in days.
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
SPANS = {"days": 31, "day": 31, "weeks": 92, "week": 92, "months": 366, "month": 366}

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# What a slip of the pen looks like (factlint.assess.evidence): a letter for
# its keyboard neighbour, one vowel for another, or letters that sound alike.
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
VOWELS = frozenset("aeiouy")
SOUND_ALIKE = frozenset(frozenset(p) for p in ("vw", "ck", "sz", "cs", "gj", "fv", "mn", "dt", "bp", "kq", "xs"))

# Role words that are a title only with a country: "North Korean leader X",
# but "Leader X" in American copy is a party's leader in Congress.
NEEDS_JURISDICTION = frozenset(("leader",))

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr gen col lt sgt prof rep sen gov pres amb no vs etc".split())

# Words after a name that open a relative clause: an appositive title may end there.
RELATIVE = frozenset("who whose which".split())

# Ranks of the peerage that begin a peer's name ("Lord Ahmad of Wimbledon",
# "Baroness Smith of Basildon"): the name proper is the word(s) after the rank.
PEERAGE = frozenset("lord lady baron baroness viscount viscountess earl countess marquess marchioness".split())

# Courtesy titles and styles before a name: "Mr Blinken" is a mention of
# Blinken, "Sir John Smith" of John Smith (a KB form that includes the word,
# "Lord Smith", is still matched first).
HONORIFICS = frozenset("""mr mrs ms miss dr sir dame lord lady prof madam monsieur herr
sen rep gov gen col ayatollah sheikh""".split())

# Words that end the name of a company or an organisation: "Smith Holdings
# Ltd", "the Ana Smith Foundation", "the Ostoria Farmers Association" are
# not people, whoever the words before them name.
ORGANISATION_WORDS = frozenset("""ltd limited inc incorporated corp corporation co cos plc llc llp
company companies holdings foundation association institute institution society federation trust
university college""".split())

# Words of the furniture around pictures: a paragraph where one numbers a
# gallery ("Caption 5 of 20", "Photo 3 of 12"), credits a picture ("Photo:
# A. Smith/Agency") or calls it a "file photo" is a caption.
CAPTION_WORDS = ("caption", "photo", "photograph", "image", "slide", "picture")

# -- furniture: the parts of a page that are not the paper's prose (factlint.furniture)
# Words that open a picture credit ("Photograph: A. Smith/Agency").
CREDIT_MARKERS = ("Photograph", "Photo", "Illustration", "Composite", "Image", "Picture", "Graphic", "Credit",
                  "Photo credit", "Photograph by", "Photo by", "Illustration by", "Picture by")
# Picture agencies: the part of a credit after "/" or "|" ("A. Smith/Getty
# Images", "AP Photo/A. Smith"); first words only, as written.
PICTURE_AGENCIES = ("AP", "AFP", "Reuters", "Getty", "EPA", "Shutterstock", "Rex", "PA", "Bloomberg",
                    "Anadolu", "NurPhoto", "Sipa", "SOPA", "LightRocket", "ZUMA", "Zuma", "Xinhua", "Tass", "TASS",
                    "Sputnik", "Alamy", "Corbis", "UPI", "Redux", "Pool", "Polaris", "Abaca", "Associated",
                    "Agence", "Kyodo", "Yonhap", "WireImage", "Contributor", "Handout", "Courtesy")
# "Read more: <headline>" and "<headline> Read more": a link to another article.
RELATED_MARKERS = ("Read more", "READ MORE", "Related", "RELATED", "Read More")

# Words before a plural family name: "the Smiths" are a family, not a
# misspelling of Smith.
PLURAL_FAMILY_BEFORE = frozenset(("the",))

# Transliterations and nicknames of names (Ken/Kenneth, Sergei/Sergey,
# Vladimir/Volodymyr, Zelensky/Zelenskyy) are data: factlint/data/name_variants.yaml,
# read by factlint.variants.

# -- tense: is a title claimed now, or told as history? (factlint.mentions.tense)
# Verbs after their subject that put it in the present ("X says", "X has said", "X will").
PRESENT_VERBS = frozenset("""
is are has have will does can may must should shall says tells thinks believes wants plans argues insists
warns urges calls faces remains continues hopes expects holds leads needs knows seems appears supports
opposes vows pledges promises denies rejects claims admits agrees adds writes tweets meets visits travels
arrives speaks announces signs hosts accuses welcomes praises criticises criticizes rules refuses
""".split())
# Verbs of saying in the past: how news reports what someone said today.
REPORTING_VERBS = frozenset("""
said told added warned urged announced declared stated insisted argued noted wrote tweeted acknowledged
confirmed denied rejected welcomed praised criticised criticized pledged promised vowed asked explained
replied responded suggested predicted called accused thanked spoke
""".split())
# Title words for one member of a team ("White House spokesman", "Foreign
# Ministry spokeswoman"): a press office has several who speak for it, and a
# KB lists its principal only (factlint.assess.facts.team).
TEAM_WORDS = frozenset("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople".split())
# Verbs of saying that may come before their subject, in attribution
# (", said Governor X."; "says Governor X"): only then, with the mention
# closing its clause, does a verb before it say anything of it. Elsewhere a
# verb before a title has it as its object ("accused President X of",
# "said President X erred", of a past act).
INVERTED_SAYING = frozenset("""
said says added adds wrote writes noted notes explained explains continued continues replied replies stated
states declared insisted argued acknowledged tweeted tweets recalled
""".split())
# Words that may follow the subject of an inverted attribution ("said
# Governor X on Friday", "said Governor X in a statement").
ATTRIBUTION_TAIL = frozenset("on in at during to of when after before as while this last yesterday today tonight".split())
# Prepositions whose object a mention is ("issued by President X and
# ...", "worked for President X and ..."): "and" after it does not join it to
# a subject. ("of" is left out: "the likes of X and Y are warning".)
OBJECT_PREPOSITIONS = frozenset("by for to with from against about on at into than under over".split())
# Words that may stand between a subject and its verb ("X also said").
VERB_ADVERBS = frozenset("also now still again already later then recently reportedly himself herself".split())
# Words that name a time close to the article's date.
RECENT_WORDS = frozenset("today tonight yesterday monday tuesday wednesday thursday friday saturday sunday".split())
# "this week", "last night": the first word, then what may follow it.
RECENT_PAIRS: dict[str, frozenset[str]] = {
    "this": frozenset("week weekend month morning afternoon evening".split()),
    "last": frozenset("week weekend month night".split()),
    "next": frozenset("week weekend month".split()),
}
# "days ago": spans short enough for "... ago" to be recent.
RECENT_AGO = frozenset("days day hours hour weeks week moments minutes".split())
# Words that tell history in a sentence.
HISTORICAL_WORDS = frozenset("""
once formerly onetime era legacy history historic historical anniversary died death dead funeral obituary
born predecessor predecessors decades century former late then ago
""".split())
# Words right before a title that place its holder in a past period or
# institution: "during President X's term", "when President X ...", "the
# administration of President X". ("under" makes another office: "Under
# Secretary".)
PERIOD_WORDS = frozenset("during when".split())
INSTITUTION_WORDS = frozenset("""
administration administrations presidency era tenure term government cabinet reign rule regime days years
premiership time watch
""".split())
# Verbs after a mention, and nouns before "of" and a title, that tell how the
# holder left the office: the title is the one they left ("Defense
# Secretary X resigned", "the resignation of Defense Secretary X").
LEAVING_VERBS = frozenset("resigned quit retired stepped departed".split())
# ... and verbs right before a mention whose object is the one who left ("Y replaced President X").
LEAVING_BEFORE = frozenset("replaced replacing succeeded succeeding ousted toppled deposed unseated fired sacked".split())
LEAVING_NOUNS = frozenset("resignation departure firing ouster dismissal exit retirement impeachment".split())
# Words right before a title that compare with its holder: "like President X".
COMPARISON_WORDS = frozenset("like unlike than".split())
# Words right before a title that make its holder hypothetical: "a President X would".
INDEFINITE = frozenset("a an".split())

# -- the US Congress: states and parties (factlint.mentions.party, importers.us_congress)
# Postal code -> state (and DC and the territories that send a delegate).
US_STATES: dict[str, str] = {code: name.replace("_", " ") for code, name in (s.split(":") for s in (
    "AL:Alabama AK:Alaska AZ:Arizona AR:Arkansas CA:California CO:Colorado CT:Connecticut DE:Delaware "
    "FL:Florida GA:Georgia HI:Hawaii ID:Idaho IL:Illinois IN:Indiana IA:Iowa KS:Kansas KY:Kentucky "
    "LA:Louisiana ME:Maine MD:Maryland MA:Massachusetts MI:Michigan MN:Minnesota MS:Mississippi "
    "MO:Missouri MT:Montana NE:Nebraska NV:Nevada NH:New_Hampshire NJ:New_Jersey NM:New_Mexico "
    "NY:New_York NC:North_Carolina ND:North_Dakota OH:Ohio OK:Oklahoma OR:Oregon PA:Pennsylvania "
    "RI:Rhode_Island SC:South_Carolina SD:South_Dakota TN:Tennessee TX:Texas UT:Utah VT:Vermont "
    "VA:Virginia WA:Washington WV:West_Virginia WI:Wisconsin WY:Wyoming DC:District_of_Columbia "
    "PR:Puerto_Rico GU:Guam VI:U.S._Virgin_Islands AS:American_Samoa MP:Northern_Mariana_Islands"
).split())}
# AP style's abbreviations, as in "(D-Vt.)", "R-N.M.": the letters without dots -> postal code.
US_STATE_AP: dict[str, str] = {k: v for k, v in (s.split(":") for s in (
    "ala:AL ariz:AZ ark:AR calif:CA cal:CA colo:CO conn:CT del:DE fla:FL ga:GA ill:IL ind:IN kan:KS kans:KS "
    "ky:KY la:LA md:MD mass:MA mich:MI minn:MN miss:MS mo:MO mont:MT neb:NE nebr:NE nev:NV nh:NH nj:NJ "
    "nm:NM ny:NY nc:NC nd:ND okla:OK ore:OR pa:PA penn:PA ri:RI sc:SC sd:SD tenn:TN tex:TX vt:VT va:VA "
    "wash:WA wva:WV wis:WI wisc:WI wyo:WY dc:DC pr:PR"
).split())}
# The party letter of "(D-Vt.)" -> the party the congress-legislators data names.
PARTY_LETTERS: dict[str, str] = {"D": "Democrat", "R": "Republican", "I": "Independent"}
