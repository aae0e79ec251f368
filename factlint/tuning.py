"""Every number and punctuation set the mention finder and the assessor tune on.

Like flake8's ``defaults.py`` and yamllint's ``DEFAULT``: one place to read
what factlint's heuristics are, and to change one. The compiled KB index
depends on this module, so editing it rebuilds the cached index. Words (the
closed lists of English the finder relies on) are in ``factlint.lexicon``.
"""
from __future__ import annotations

import datetime as dt

# -- spelling ------------------------------------------------------------------
# How close a word must be to a known one to be its misspelling
# (rapidfuzz's normalised OSA similarity, 0..1).
NEAR_SIMILARITY = 0.8
# A given name next to an exact family name may be further off ("Volodimir").
GIVEN_NEAR_SIMILARITY = 0.6
# Words shorter than this are never called a misspelling of another.
MIN_SIMILAR_LENGTH = 4
# A capitalised word standing alone must be at least this long to be checked
# as a slip of a family name ("Lavrow"): shorter ones are mostly other words.
MIN_SLIP_LENGTH = 5
# A short form ("Recep Erdogan" for Recep Tayyip Erdogan) is read only from
# a known form of at least this many tokens.
SHORT_FORM_MIN_TOKENS = 3

# -- names ---------------------------------------------------------------------
MAX_NAME_TOKENS = 6         # a run of more capitalised words than this is not one name (parts joined by a hyphen count as one)
NEAR_NAME_TOKENS = (2, 4)   # a near miss or a mix-up has this many tokens (inclusive)
UNKNOWN_NAME_TOKENS = (2, 3)  # an unknown name after a title has this many tokens

# -- time ----------------------------------------------------------------------
YEARS = (1900, 2100)        # a four-digit number in this range can be a year
# A tenure that began (or ended) this close to the date still fits
# "incoming" (or "outgoing").
RECENT = dt.timedelta(days=90)
# How close in time the two people of a mixed-up name must be.
MIX_WINDOW = dt.timedelta(days=10 * 365)
# How far back before the person's first tenure the KB's list of holders
# must reach to say that "former TITLE NAME" never held the office.
RECORD_MARGIN = dt.timedelta(days=20 * 365)

# -- punctuation ---------------------------------------------------------------
# What may set a title in apposition off from the name before it
# ("Blinken, the US Secretary of State,").
APPOSITION_OPENERS = frozenset((",", "\u2014", "\u2013", "(", "--"))
# What may end a title in apposition.
APPOSITION_CLOSERS = ",;:.)!?\u2014\u2013"
# What may stand between a table cell's two dates ("2014\u20132019").
RANGE_MARKS = frozenset(("", "-", "\u2013", "\u2014", "to"))
# What ends a clause between two words: an explicit time applies to its
# clause ("appointed by X in 1979"), not across these.
CLAUSE_MARKS = (",", ";", ":", "(", ")", "\u2014", " \u2013 ", "--")
# A time whose phrase begins within this many words of its sentence's start
# heads the sentence ("In 2019, ...", "But in 2019, ...", "Then in May
# 2019 ...") and applies to all of it.
FRONTED_REACH = 2
# "Several years later", "a few years later": this many years, inclusive.
SOME_YEARS = (2, 9)

# -- furniture: embedded posts, picture credits and captions (factlint.furniture)
# An embedded post's text is the whole sentences right before its signature
# that fit in the platform's limit (a tweet: 280 characters, a link counted
# as 23, an attached picture's link as none); a tweet's may begin in the
# paragraphs before, an Instagram post's stays in its own paragraph.
TWEET_CHARS = 280
POST_CHARS = 2200
LINK_CHARS = 23
# A caption is the whole sentences right before its picture credit that fit
# in this many characters; a related link's headline, in this many.
CAPTION_CHARS = 300
HEADLINE_CHARS = 200
# The paper quotes an embedded post when the paragraph before it holds a
# sentence or a quotation of the post of at least this many characters.
MIN_QUOTED_CHARS = 8
# A byline ("By Ana Smith and Li Wei, Agency") has at most this many words.
BYLINE_WORDS = 12

# -- near misses: a misspelling of a KB person, or someone the KB does not know?
# A near miss (a letter or so off a known name) is reported as a misspelling
# only if the evidence that the KB person is meant adds up to NEAR_THRESHOLD
# (factlint.assess.evidence). A different valid name is evidence against.
NEAR_TITLE_FITS = 2      # the title written is one of an office they held
NEAR_NAMED = 2           # the draft names them elsewhere
NEAR_IN_OFFICE = 2       # they held some office at the date
NEAR_PROMINENT = 1       # ... else within NEAR_PROMINENT_WINDOW of it
NEAR_TYPO = 1            # the differing word is one edit off (changed, added, dropped letter; two swapped)
NEAR_DROPPED = 1         # ... and that edit is a letter left out ("Vladmir", "Follet")
NEAR_DISTINCT = 1        # the part written right is shared by at most NEAR_DISTINCT_PEOPLE KB people
NEAR_DISTINCT_PEOPLE = 4  # a handful
NEAR_OTHER_NAME = -1     # the word as written is a name word of other KB people ("Steven" for Stephen)
NEAR_SHARED_FAMILY = -1  # only the given name differs, and other KB people share the family name
NEAR_UNLIKELY_EDIT = -1  # ... but one consonant for another that neither sits next to it nor sounds like it
NEAR_REPEATED = -1       # the word as written recurs in the draft and the KB's word never does ("Comey", "Comer")
NEAR_THRESHOLD = 2
NEAR_PROMINENT_WINDOW = dt.timedelta(days=2 * 365)

# -- tense: is a title claimed now, or told as history? ------------------------
# How far after a mention "and" may join the rest of its subject before the
# verb ("A and the minister B have said").
COORDINATION_REACH = 6
# A title its holder no longer had at the article's date is reported only
# as a claim about now: the weights of the evidence (factlint.lexicon.Cue)
# and of how recently they left add up to at least CLAIM_THRESHOLD.
# Writing a past holder under the title they held then is correct English
# ("President Nixon's Council", "appointed by President X"); the slip is
# "President X said on Friday" after they left.
CURRENCY_WEIGHTS: dict[str, int] = {
    "present": 2, "recent": 2, "new": 2, "reporting": 1, "near-recent": 1,
    "possessive": -2, "institution": -2, "hypothetical": -2, "historical": -2,
    # how they left names them by the title they left: outweighs a recent time and a recent departure
    "leaving": -4,
    "comparison": -1, "past-perfect": -1,
}
# A time the draft states for the mention's clause is a claim at that time,
# unless the clause tells history ("the anniversary of President X's ...").
STATED_TIME_WEIGHT = 3
# Left within this window before the date: evidence that the writer has not
# caught up ("Ambassador X was summoned", months after X's successor came).
# It does not count when the draft names who held the office at the date:
# the writer has caught up ("President X" of the predecessor, in an article
# that names the new President, is narration of their time).
LEFT_RECENTLY = dt.timedelta(days=365)
LEFT_RECENTLY_WEIGHT = 1
# Left this long ago (two four-year terms) or more: any reader knows, and a
# stale title there is history unless the sentence says it is current
# ("President X told aides", decades on).
LEFT_LONG_AGO = dt.timedelta(days=8 * 365)
LEFT_LONG_AGO_WEIGHT = -1
CLAIM_THRESHOLD = 1

# -- kb update: refreshing offices from the Wikidata query service -------------
UPDATE_BATCH = 40                  # Wikidata positions asked for in one SPARQL request
UPDATE_TIMEOUT = 60.0              # seconds one request may take (the query service stops queries at 60 s)
UPDATE_MAX_BYTES = 64 * 1024 * 1024  # a longer answer is refused, not read
# A Wikidata tenure starting more than this many days off a KB tenure of the
# same person is reported (the KB's date is kept).
UPDATE_DATE_SLACK_DAYS = 31

# -- the language server (factlint lsp) -----------------------------------------
LSP_DEBOUNCE_SECONDS = 0.3  # after the last keystroke, before a changed draft is checked again
LSP_MAX_ERRORS_SHOWN = 3    # KB problems named in one window message (the rest are counted)
LSP_HOVER_PEOPLE = 3        # namesakes a hover describes at most, the likeliest first

# -- many drafts at once (check --jobs) -----------------------------------------
# Without --jobs, a run of more than this many drafts uses a process per CPU;
# fewer are checked in one process. A worker costs about 0.1-0.3 s to start
# (a process and the cached KB), a draft of 600 words about 3-6 ms to check:
# below a few dozen drafts a pool cannot win that back.
PARALLEL_MIN_FILES = 32
# Drafts handed to a worker at a time: fewer round trips, yet small enough
# that the workers finish together.
PARALLEL_MAX_CHUNK = 16
# A progress bar (on a terminal only) for runs of at least this many drafts.
PROGRESS_MIN_FILES = 200

# -- the compiled KB's cache (factlint.kb.writer) --------------------------------
# A first load of a KB of at least this many people and tenures leaves
# packing and writing its cache to a detached process. Both cost about
# 10-12 us a record (3-4 s at 300,000, the bench's 100,000 people): below
# this, under about a second, which a fork (tens of ms) and the chance that
# the next run starts before the file is there are not worth. The default KB
# (about 13,000) and the bench's 10,000-person KB (30,000) stay below.
CACHE_DETACH_MIN_RECORDS = 100_000
# A temporary cache file this old is a dead writer's, and is removed.
CACHE_TEMP_STALE_SECONDS = 3600

# A message names the holders of a title on a date only up to this many
# ("the Texas Senator was A and B"); of more (every US senator) it says what
# the person held instead.
MAX_HOLDERS_NAMED = 4

# How many distinct mention texts keep their word keys (factlint.text.token_keys): a
# mention's words are read by several stages, and a draft repeats its names.
TOKEN_KEYS_CACHE = 8192
# Near-miss readings remembered per KB index (mentions.names.near_or_mixed); beyond this many, new ones are
# worked out each time (a long-running server does not grow without bound)
NEAR_MEMO_SIZE = 50_000
