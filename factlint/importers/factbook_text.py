"""Reading the Factbook's executive-branch texts: titles, name forms, dates, several holders.

Used by :mod:`factlint.importers.factbook` (see its docstring for the rules).
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from factlint.importers.common import unique

# kind -> (office id suffix, role, title pattern "{country}")
KINDS: dict[str, tuple[str, str, str]] = {
    "president": ("president", "president", "President of {country}"),
    "prime-minister": ("prime-minister", "prime-minister", "Prime Minister of {country}"),
    "chancellor": ("chancellor", "chancellor", "Chancellor of {country}"),
    "monarch": ("monarch", "monarch", "Monarch of {country}"),
    "supreme-leader": ("supreme-leader", "supreme-leader", "Supreme Leader of {country}"),
    "chief-adviser": ("chief-adviser", "official", "Chief Adviser of {country}"),
    "governor-general": ("governor-general", "head-of-state", "Governor-General of {country}"),
    "co-prince": ("co-prince", "head-of-state", "Co-Prince of {country}"),
    "captain-regent": ("captain-regent", "head-of-state", "Captain Regent of {country}"),
    "presidency-member": ("presidency-member", "head-of-state", "Member of the Presidency of {country}"),
    "head-of-state": ("head-of-state", "head-of-state", "Head of State of {country}"),
    "council-chairman": ("presidential-council-chairman", "head-of-state", "Chairman of the Presidential Council of {country}"),
    "sovereignty-council-chairman": ("sovereignty-council-chairman", "head-of-state",
                                     "Chairman of the Sovereignty Council of {country}"),
}
JOINT = frozenset(("co-prince", "captain-regent", "presidency-member"))  # several holders at once
# Title words (lower case, longest first) -> kind; None: not a head (deputies, heirs...).
TITLES: dict[str, str | None] = {
    "president of the swiss confederation": "president",
    "chairman of the presidency": "presidency-member",
    "member of the presidency": "presidency-member",
    "presidency member": "presidency-member",
    "chairman of the council of ministers": "prime-minister",
    "president of the council of ministers": "prime-minister",
    "president of the government": "prime-minister",
    "prime minister and foreign minister": "prime-minister",
    "supreme people's assembly president": None,
    "prime minister": "prime-minister",
    "premier": "prime-minister",
    "taoiseach": "prime-minister",
    "minister of state": "prime-minister",  # Monaco
    "head of government": "prime-minister",
    "federal chancellor": "chancellor",
    "chancellor": "chancellor",
    "supreme leader": "supreme-leader",
    "chief adviser": "chief-adviser",
    "chief advisor": "chief-adviser",
    "governor general": "governor-general",
    "governor-general": "governor-general",
    "co-prince": "co-prince",
    "captains regent": "captain-regent",
    "captain regent": "captain-regent",
    "co-chiefs of state captain regent": "captain-regent",
    "president": "president",
    "king": "monarch",
    "queen": "monarch",
    "emperor": "monarch",
    "amir": "monarch",
    "emir": "monarch",
    "sultan": "monarch",
    "grand duke": "monarch",
    "prince": "monarch",
    "pope": "monarch",
    "o le ao o le malo": "head-of-state",
    "state affairs commission president": "supreme-leader",  # North Korea: the KB's kp-supreme-leader
    "chairperson, presidential leadership council": "council-chairman",
    "chairman, presidential leadership council": "council-chairman",
    "presidential council chairman": "council-chairman",
    "chairman of the presidential council": "council-chairman",
    "sovereign council chair and commander-in-chief of the sudanese armed forces": "sovereignty-council-chairman",
    "sovereign council chair": "sovereignty-council-chairman",
    "sovereignty council chairman": "sovereignty-council-chairman",
    "french co-prince": "co-prince",
    "french coprince": "co-prince",
    "episcopal co-prince": "co-prince",
    "coprince": "co-prince",
    "vice president": None,
    "first vice president": None,
    "second vice president": None,
    "co-vice president": None,
    "deputy prime minister": None,
    "deputy prime ministers": None,
    "first deputy prime minister": None,
    "heir apparent": None,
    "crown prince": None,
    "represented by": None,
}
TITLE_WORDS = frozenset(("president", "prime", "minister", "chairman", "chairperson", "chair", "council",
                         "commission", "elect", "premier", "presidential", "vice", "governor", "leader"))
QUALIFIERS = re.compile(r"^(?:interim|acting|caretaker|transition(?:al)?|provisional)\s+", re.I)
HONORIFICS = re.compile(
    r"^(?:Sheikh|Shaykh|Sir|Dame|Dr\.|Gen\.|General|Lt\.\s*Gen\.|Maj\.\s*Gen\.|Brig\.\s*Gen\.(?:\s*\(Ret\.\))?|"
    r"Col\.|Colonel|Capt\.|Captain|Lt\.|Archbishop|Bishop|Tan Sri|Dato'?|Datuk|Seri|Mr\.|Mrs\.|Ms\.|Rev\.|"
    r"Air Vice-Marshal|Field Marshal|Marshal|Admiral|Adm\.|Sr\.\s*Gen\.|Grand Chief|Ratu|Crown Prince|"
    r"and (?:Co-)?Vice President|Vice President)\s+")
PARTICLES = frozenset(("bin", "bint", "ibn", "de", "da", "do", "dos", "das", "del", "della", "di", "van", "von",
                       "der", "den", "du", "y", "e", "i", "la", "le", "ben"))
GENERATIONS = re.compile(r"^(?:Jr|Sr)\.?$|^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}|XI{1,3}|XIV|XV|XVI)$")
MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"), 1)}
SINCE = re.compile(r"\((?:[^()]*?\b)?since ([^);]*)(?:\)|$|;)|\((\d{1,2} [A-Z][a-z]+ \d{4})\)", re.I)


def clean_text(text: str) -> str:
    """HTML entities decoded, markup and non-breaking spaces gone, whitespace collapsed."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(html.unescape(text)).replace("\xa0", " ")
    return " ".join(text.split())


def parse_since(text: str) -> str | None:
    """``"14 May 2017"`` -> ``2017-05-14``; ``"May 2017"`` -> ``2017-05``; ``"2017"``; else None."""
    m = re.search(r"(?:\b(\d{1,2})\s+)?\b([A-Za-z]+\.?\s+)?(\d{4})\b", text)
    if not m:
        return None
    d, month, year = m.group(1), m.group(2), m.group(3)
    if month is None:
        return None if d else year
    mon = MONTHS.get(month.strip().rstrip(".").lower())
    if mon is None:
        return None
    if d is None:
        return f"{year}-{mon:02d}"
    try:
        return dt.date(int(year), mon, int(d)).isoformat()
    except ValueError:
        return None


def _is_caps(word: str, *, first: bool = False) -> bool:
    """A family name in capitals ("MACRON", "al-ASAD", "SASSOU-Nguesso"), not a regnal number
    (a first word such as "XI" in "XI Jinping" is a name)."""
    if not first and GENERATIONS.match(word):
        return False
    for part in word.split("-"):
        letters = [c for c in part if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True
    return False


def _title_word(word: str, first: bool = False) -> str:
    """``MACRON`` -> ``Macron``; ``SASSOU-Nguesso`` -> ``Sassou-Nguesso``; ``al-BASHIR`` -> ``al-Bashir``."""
    if GENERATIONS.match(word) and not first:
        return word  # "III", "Jr."

    def part(p: str) -> str:
        if not _is_caps(p, first=True):
            return p
        low = p.lower()
        if low in PARTICLES:
            return low
        if low.startswith("mc") and len(low) > 2:
            return "Mc" + low[2:].capitalize()
        return "'".join(s[:1].upper() + s[1:] for s in low.split("'"))
    return "-".join(part(p) for p in word.split("-"))


@dataclass
class Name:
    name: str
    family: str | None
    aliases: list[str]


def parse_name(text: str) -> Name | None:
    """One holder's name from the Factbook's form, or None if it has no family name in capitals.

    >>> parse_name("Emmanuel MACRON").name
    'Emmanuel Macron'
    >>> parse_name("Joseph R. BIDEN, Jr.").name
    'Joseph R. Biden Jr.'
    """
    text = text.strip(" ,.") if not text.rstrip().endswith(("Jr.", "Sr.")) else text.strip(" ,")
    aliases = [m.strip() for m in re.findall(r"\"([^\"]+)\"", text)]
    text = re.sub(r"\"[^\"]+\"", " ", text)
    text = re.sub(r"\([^)]*\)", " ", text)  # party, ethnicity: "(PL)", "(Croat)"
    text = text.replace(",", " ")
    while True:
        stripped = HONORIFICS.sub("", text.strip())
        if stripped == text.strip():
            break
        text = stripped
    words = text.split()
    if any(w.strip(",.").lstrip("-").lower() in TITLE_WORDS for w in words):
        return None  # a title word left in: "State Affairs Commission Chairman KIM", "-Elect X"
    for w in words:
        if w[:1].islower() and w.lower() not in PARTICLES and not re.match(r"^(?:al|el|ad|as|ash|ar|at|an|az|bin)-", w):
            return None  # a sentence, not a name: "BARNIER is the caretaker prime minister..."
    caps = [_is_caps(w, first=i == 0) for i, w in enumerate(words)]
    if not words or not any(caps):
        return None
    out = [_title_word(w, i == 0) for i, w in enumerate(words)]
    # Particles the text writes in capitals inside a name: "MUHAMMAD BIN RASHID" -> "bin"
    out = [o.lower() if i and o.lower() in ("bin", "bint", "ibn") else o for i, o in enumerate(out)]
    family_words = [o for c, o in zip(caps, out) if c]
    name = " ".join(out)
    family = " ".join(family_words)
    trimmed = [o for o in out if not GENERATIONS.match(o)]
    if not family or (trimmed and trimmed[-1] == family):
        fam: str | None = None
    elif all(GENERATIONS.match(o) or o in family_words for o in out):
        fam = None  # a regnal name: "Charles III"
    else:
        fam = family if family in name else None  # capitals in two places: no family name
    return Name(name, fam, unique(aliases, drop=[name]))


@dataclass
class Holder:
    kind: str
    title: str
    name: Name
    since: str


def _match_title(head: str) -> tuple[str | None, str, str]:
    """(kind or None, title text, rest) for the start of *head*; kind "" if no known title."""
    body = QUALIFIERS.sub("", head.strip())
    low = body.lower()
    for words in sorted(TITLES, key=len, reverse=True):
        n = len(words)
        if low.startswith(words) and low[n:n + 1] == "s":
            n += 1  # "Vice Presidents", "Presidents"
        if low.startswith(words) and (len(low) == n or not low[n].isalpha()):
            rest = body[n:].lstrip(" ,:")
            if re.match(r"^-?elect\b", rest, re.I):
                return None, body[:n], rest  # "President-elect": not in office yet
            return TITLES[words], body[:n], rest
    acronym = re.match(r"^[A-Z]{2,6}\s+", body)  # "CNSP Prime Minister", "GNU Interim Prime Minister"
    if acronym:
        kind, title, rest = _match_title(body[acronym.end():])
        if kind != "":
            return kind, title, rest
    return "", "", body


def parse_text(text: str) -> tuple[list[Holder], list[str]]:
    """The heads a field's text names, and what in it could not be read."""
    text = clean_text(text)
    text = re.split(r"\bnote\s*[-:\u2013]|\bNotification Statement\b", text, maxsplit=1, flags=re.I)[0]
    holders: list[Holder] = []
    problems: list[str] = []
    for i, raw in enumerate(re.split(r";", text)):
        seg = re.sub(r"^and\s+", "", raw.strip(" ,."))
        if not seg:
            continue
        rep = re.match(r"^represented by\s+", seg, re.I)
        if rep:
            seg = seg[rep.end():]
        since = SINCE.search(seg)
        kind, title, rest = _match_title(seg[:since.start()] if since else seg)
        if kind is None or (rep and kind != "governor-general"):
            continue  # deputies, heirs, representatives
        if since is None:
            if kind:
                problems.append(f"no 'since' date in {seg!r}")
            continue
        if not kind and i > 0:
            continue  # an untitled later segment: deputies, council members
        when = since.group(1) or since.group(2)
        day = parse_since(when)
        if day is None:
            problems.append(f"unreadable date {when!r} in {seg!r}")
            continue
        rest = re.sub(r"\([^)]*\)", " ", rest)  # "(also spelled ...)", "(PL)"
        rest = re.sub(r",?\s*also (?:spelled|known as)\b.*$", "", rest)
        names = [n for n in re.split(r",\s+(?!(?:Jr|Sr)\.?\b)|\s+and\s+", rest) if n.strip()]
        for n in names:
            k2, t2, r2 = _match_title(n)  # "Captain Regent X and Captain Regent Y"
            if k2:
                n = r2
            parsed = parse_name(n)
            if parsed is None:
                if kind or holders == []:
                    problems.append(f"no name in capitals in {n.strip()!r}")
                continue
            holders.append(Holder(kind, title, parsed, day))
    return holders, problems
