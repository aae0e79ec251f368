#!/usr/bin/env python3
"""Generate a deterministic corpus of Markdown news drafts that mention officials of a KB.

    python bench/gen_corpus.py KBDIR OUTDIR [--articles 1000] [--words 600] [--seed 2026]

KBDIR is a KB made by ``bench/gen_kb.py`` (any contract-format KB works). Each
article has YAML front matter with its date, a title, ``##`` sections of
paragraphs wrapped at about 76 columns (so names and titles sometimes wrap
onto the next line), a bullet list, links, now and then a block quote, a
table, inline code or a fenced code block (whose names must not be checked).

The officials mentioned are drawn from the KB *as of the article's date*:
mostly right (title before the name, apposition, "former", family name alone
later, aliases, "In <year>, …" clauses), with a share of the mistakes factlint
exists to catch: a wrong holder, an outdated title, a listed or made-up
misspelling, a name conflated from two people. The mix is printed at the end.

Same seed, same bytes.
"""
from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
import shutil
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # every scalar a string: dates stay as written

FIRST_DATE = dt.date(2003, 1, 1)
LAST_DATE = dt.date(2026, 5, 31)


# -- reading the KB ----------------------------------------------------------------

def period(text: str) -> tuple[dt.date, dt.date]:
    parts = [int(x) for x in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    d = dt.date(*parts)
    return d, d


@dataclass
class Tenure:
    person: str
    office: str
    start: tuple[dt.date, dt.date]
    end: tuple[dt.date, dt.date] | None

    def surely_covers(self, d: dt.date) -> bool:
        return self.start[1] <= d and (self.end is None or self.end[0] > d)

    def surely_before(self, d: dt.date) -> bool:
        return self.end is not None and self.end[1] < d - dt.timedelta(days=30)


@dataclass
class KB:
    jurisdictions: dict[str, dict] = field(default_factory=dict)
    roles: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)
    offices: dict[str, dict] = field(default_factory=dict)
    tenures: dict[str, list[Tenure]] = field(default_factory=dict)   # by office
    by_person: dict[str, list[Tenure]] = field(default_factory=dict)
    offices_by_j: dict[str, list[str]] = field(default_factory=dict)


def read_kb(path: Path) -> KB:
    kb = KB()
    files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")) if path.is_dir() else [path]
    for f in files:
        doc = yaml.load(f.read_text(encoding="utf-8"), Loader=_Loader) or {}
        for j in doc.get("jurisdictions") or []:
            kb.jurisdictions[j["id"]] = j
        for r in doc.get("roles") or []:
            kb.roles[r["id"]] = r
        for p in doc.get("people") or []:
            kb.people[p["id"]] = p
        for o in doc.get("offices") or []:
            kb.offices[o["id"]] = o
    for oid in sorted(kb.offices):
        o = kb.offices[oid]
        kb.offices_by_j.setdefault(o["jurisdiction"], []).append(oid)
        ts = []
        for h in o.get("holders") or []:
            t = Tenure(h["person"], oid, period(h["from"]), period(h["to"]) if h.get("to") else None)
            ts.append(t)
            kb.by_person.setdefault(t.person, []).append(t)
        kb.tenures[oid] = ts
    return kb


# -- text material -----------------------------------------------------------------

TOPICS = ["the budget", "energy prices", "the border dispute", "a new trade agreement", "grain exports",
          "the pension reform", "fishing rights", "the ceasefire talks", "regional security", "inflation",
          "the rail link", "water sharing", "the election timetable", "vaccine supplies", "the port expansion",
          "sanctions", "the drought response", "the currency peg", "a prisoner exchange", "digital taxes"]
VERBS = ["said", "told reporters", "argued", "insisted", "warned", "stressed", "acknowledged", "noted"]
QUOTES = ["We will not be rushed into a bad deal", "This is a day of real progress",
          "Our position has not changed", "The talks were frank and useful",
          "Nobody wins from a long stalemate", "We expect concrete steps within weeks",
          "The figures speak for themselves", "We are ready to listen"]
INSTITUTES = ["Institute for Regional Studies", "Centre for Economic Policy", "National Statistics Office",
              "Chamber of Commerce", "Council on Public Finance", "Maritime Research Foundation"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    ("Officials in {city} described the mood as {mood}, while analysts at the {inst} warned that {topic} could "
    "dominate the coming months."),
    "The {inst} said on {day} that {topic} would cost about {num} million over three years.",
    "Trade between the two countries grew by {pct} percent last year, according to figures published in {city}.",
    "Negotiators met for {num} hours behind closed doors and agreed to meet again next week.",
    "Opposition lawmakers called the plan {mood} and demanded a vote in parliament before the summer recess.",
    "Markets in {city} were little changed after the announcement, and the currency held steady.",
    "Diplomats from both sides said privately that {topic} remained the hardest question on the table.",
    "Several thousand people marched through central {city} on {day}, most of them peacefully.",
    "The agreement still has to be ratified, and a legal challenge is already being prepared.",
    "Farmers and hauliers have long complained about {topic}, which they blame for rising costs.",
    "A joint statement released late on {day} promised \u201cclose coordination\u201d on {topic}.",
    "Critics pointed out that similar promises were made {num} years ago and never kept.",
    "The {inst} estimated that the measure would reach about {pct} percent of households.",
    "Talks are expected to resume in {city} once technical teams have finished their work.",
]
HEADINGS = ["Background", "What was agreed", "Reaction", "What comes next", "The economic picture",
            "Regional context", "Analysis", "In numbers", "The opposition", "Timeline"]


@dataclass
class Article:
    rng: random.Random
    kb: KB
    date: dt.date
    country: dict
    other: dict
    named: list[str] = field(default_factory=list)      # person ids mentioned in full so far
    stats: Counter = field(default_factory=Counter)

    # -- forms ---------------------------------------------------------------------
    def title_for(self, oid: str, lower: bool = False, adj_only: bool = False) -> tuple[str, str]:
        """(title before a name, title for apposition) for an office."""
        rng = self.rng
        o = self.kb.offices[oid]
        j = self.kb.jurisdictions[o["jurisdiction"]]
        role = self.kb.roles[o["role"]]
        role_forms = [role["name"]] + list(role.get("aliases") or [])
        if o.get("title") and rng.random() < 0.5 and not adj_only:
            words = o["title"]
            if j["name"] in words:
                return words, f"the {words}"
            adj = (j.get("adjectives") or [j["name"]])[0]
            return f"{adj} {words}", f"the {adj} {words}"
        rf = role["name"] if rng.random() < 0.7 else rng.choice(role_forms)
        if lower or rng.random() < 0.25:
            rf = rf.lower() if rf.isascii() and rf[:2] != "PM" else rf
        host = ""
        if o.get("host"):
            hj = self.kb.jurisdictions[o["host"]]
            host = f" to {hj['name']}"
        r = rng.random()
        adjs = j.get("adjectives") or []
        if (r < 0.6 or adj_only) and adjs:
            before = f"{rng.choice(adjs)} {rf}{host}"
        elif r < 0.85:
            before = f"{j['name']}\u2019s {rf}{host}" if rng.random() < 0.3 else f"{j['name']}'s {rf}{host}"
        else:
            before = f"{rf} of {j['name']}" if not host else f"{rng.choice(adjs or [j['name']])} {rf}{host}"
        after = f"the {before}" if not before.startswith(j["name"]) else before
        return before, after

    def name_of(self, pid: str, allow_alias: bool = True) -> str:
        p = self.kb.people[pid]
        if allow_alias and p.get("aliases") and self.rng.random() < 0.12:
            self.stats["alias"] += 1
            return self.rng.choice(p["aliases"])
        return p["name"]

    def family_of(self, pid: str) -> str:
        p = self.kb.people[pid]
        if p.get("family"):
            return p["family"]
        words = p["name"].split()
        for i, w in enumerate(words):
            if i and w in ("van", "de", "von", "di", "bin") or w.startswith("al-"):
                return " ".join(words[i:])
        return words[-1]

    def misspelled(self, pid: str) -> str:
        p = self.kb.people[pid]
        if p.get("misspellings") and self.rng.random() < 0.6:
            return p["misspellings"][0]
        name = p["name"].split()
        fam = name[-1]
        if len(fam) >= 6 and "-" not in fam:
            i = self.rng.randint(2, len(fam) - 3)
            fam = fam[:i] + fam[i + 1] + fam[i] + fam[i + 2:]
        name[-1] = fam
        return " ".join(name)

    # -- who held what --------------------------------------------------------------
    def current(self, j: dict, when: dt.date) -> list[Tenure]:
        out = []
        for oid in self.kb.offices_by_j.get(j["id"], []):
            out.extend(t for t in self.kb.tenures[oid] if t.surely_covers(when))
        return out

    def past(self, j: dict, when: dt.date) -> list[Tenure]:
        out = []
        for oid in self.kb.offices_by_j.get(j["id"], []):
            out.extend(t for t in self.kb.tenures[oid] if t.surely_before(when)
                       and not any(u.surely_covers(when) for u in self.kb.by_person[t.person] if u.office == oid))
        return out

    # -- sentences --------------------------------------------------------------------
    def fill(self, template: str) -> str:
        rng = self.rng
        city = rng.choice(self.country["cities"] or self.other["cities"] or ["the capital"])
        return template.format(city=city, mood=rng.choice(["constructive", "tense", "cautious", "upbeat", "premature"]),
                               inst=rng.choice(INSTITUTES), topic=rng.choice(TOPICS), day=rng.choice(WEEKDAYS),
                               num=rng.randint(2, 90), pct=rng.randint(2, 40))

    def mention_sentence(self) -> str:
        rng = self.rng
        j = self.country if rng.random() < 0.7 else self.other
        now = self.current(j, self.date)
        if not now:
            return self.fill(rng.choice(FILLER))
        t = rng.choice(now)
        verb = rng.choice(VERBS)
        quote = rng.choice(QUOTES)
        topic = rng.choice(TOPICS)
        r = rng.random()
        if r < 0.38:
            before, _ = self.title_for(t.office)
            name = self.name_of(t.person)
            self.named.append(t.person)
            self.stats["title+name"] += 1
            return f"{before[0].upper() + before[1:]} {name} {verb} that {topic} remained \u201ca priority\u201d."
        if r < 0.54:
            _, after = self.title_for(t.office)
            name = self.name_of(t.person)
            self.named.append(t.person)
            self.stats["apposition"] += 1
            return f"{name}, {after}, {verb}: \u201c{quote}.\u201d"
        if r < 0.66 and self.named:
            pid = rng.choice(self.named)
            self.stats["family alone"] += 1
            return f"{self.family_of(pid)} {verb} that the government would publish details on {rng.choice(WEEKDAYS)}."
        if r < 0.72:
            past = self.past(j, self.date)
            if past:
                p = rng.choice(past)
                before, _ = self.title_for(p.office, lower=True, adj_only=True)
                self.stats["former"] += 1
                return f"The plan was first floated by former {before} {self.name_of(p.person)} years ago."
        if r < 0.78:
            year = self.date.year - rng.randint(1, 8)
            when = dt.date(year, 6, 30)
            then = self.current(j, when)
            if then and FIRST_DATE.year <= year:
                p = rng.choice(then)
                before, _ = self.title_for(p.office)
                self.stats["in <year>"] += 1
                self.named.append(p.person)
                return f"In {year}, {before} {self.name_of(p.person)} signed a first version of the deal."
        if r < 0.86:
            self.stats["bare name"] += 1
            self.named.append(t.person)
            return f"{self.name_of(t.person)} met union leaders in {rng.choice(self.country['cities'] or ['the capital'])} on {rng.choice(WEEKDAYS)}."
        # -- the mistakes ---------------------------------------------------------------
        if r < 0.89 and len(now) > 1:
            wrong = rng.choice([u for u in now if u.person != t.person])
            before, _ = self.title_for(t.office)
            self.stats["ERR wrong holder"] += 1
            return f"{before[0].upper() + before[1:]} {self.name_of(wrong.person, False)} {verb} that talks would continue."
        if r < 0.92:
            past = self.past(j, self.date)
            if past:
                p = rng.choice(past)
                before, _ = self.title_for(p.office)
                self.stats["ERR outdated"] += 1
                return f"{before[0].upper() + before[1:]} {self.name_of(p.person, False)} {verb} that {topic} had been settled."
        if r < 0.96:
            before, _ = self.title_for(t.office)
            self.stats["ERR misspelling"] += 1
            return f"{before[0].upper() + before[1:]} {self.misspelled(t.person)} {verb} the talks were useful."
        if len(now) > 1:
            a, b = rng.sample(now, 2)
            pa, pb = self.kb.people[a.person], self.kb.people[b.person]
            if not pa.get("family") and not pb.get("family"):
                mixed = f"{pa['name'].split()[0]} {self.family_of(b.person)}"
                before, _ = self.title_for(a.office)
                self.stats["ERR conflation"] += 1
                return f"{before[0].upper() + before[1:]} {mixed} {verb} that nothing had been decided."
        return self.fill(rng.choice(FILLER))

    def paragraph(self, n_sent: int) -> str:
        rng = self.rng
        sents = []
        for _ in range(n_sent):
            if rng.random() < 0.45:
                s = self.mention_sentence()
            else:
                s = self.fill(rng.choice(FILLER))
            if rng.random() < 0.08:
                s = s.replace(" the ", f" the [{rng.choice(['official figures', 'statement', 'report'])}](https://example.org/{rng.randint(1000, 9999)}) ", 1) if " the " in s else s
            if rng.random() < 0.02:
                s += f" The draft is filed under `{rng.choice(['ref-2291', 'v2.1', 'annex-b'])}`."
            sents.append(s)
        return textwrap.fill(" ".join(sents), width=rng.randint(70, 80), break_on_hyphens=False, break_long_words=False)

    def bullet_list(self) -> str:
        rng = self.rng
        items = []
        for _ in range(rng.randint(3, 5)):
            s = self.mention_sentence() if rng.random() < 0.4 else self.fill(rng.choice(FILLER))
            items.append("- " + textwrap.fill(s, width=76, subsequent_indent="  ", break_on_hyphens=False, break_long_words=False))
        return "\n".join(items)

    def extra_block(self) -> str | None:
        rng = self.rng
        r = rng.random()
        if r < 0.10:
            # code: never checked, even with a wrong name in it
            now = self.current(self.country, self.date)
            who = self.kb.people[now[0].person]["name"] if now else "Nobody"
            return (f"```json\n{{\"speaker\": \"President {who}\", \"source\": \"wire\", "
                    f"\"id\": {rng.randint(10000, 99999)}}}\n```")
        if r < 0.20:
            return "> " + textwrap.fill(f"\u201c{rng.choice(QUOTES)}. {rng.choice(QUOTES)}.\u201d "
                                        + self.mention_sentence(), width=74, subsequent_indent="> ",
                                        break_on_hyphens=False, break_long_words=False)
        if r < 0.25:
            rows = ["| Year | Growth | Deficit |", "|---|---|---|"]
            for y in range(self.date.year - 3, self.date.year):
                rows.append(f"| {y} | {rng.randint(-2, 6)}.{rng.randint(0, 9)}% | {rng.randint(1, 9)}.{rng.randint(0, 9)}% |")
            return "\n".join(rows)
        return None


def article_text(kb: KB, countries: list[dict], n: int, seed: int, words: int) -> tuple[str, Counter]:
    rng = random.Random(seed * 1_000_003 + n)
    date = FIRST_DATE + dt.timedelta(days=rng.randint(0, (LAST_DATE - FIRST_DATE).days))
    country, other = rng.sample(countries, 2)
    a = Article(rng, kb, date, country, other)
    target = rng.randint(int(words * 0.80), int(words * 1.0))  # paragraphs overshoot; front matter adds ~15
    key = rng.choice(["date", "date", "date", "published"])
    headline = f"{country['name']} and {other['name']} weigh {rng.choice(TOPICS)}"
    fm = [
        "---",
        f"title: \"{headline}\"",
        f"{key}: {date.isoformat()}",
        f"author: {rng.choice(['Desk Editor', 'Staff Reporter', 'Foreign Desk'])}",
        f"tags: [{country['id']}, {other['id']}, politics]",
        "---",
        "",
    ]
    blocks = [f"# {headline}", ""]
    count = 0
    lead = a.paragraph(3)
    blocks += [lead, ""]
    count += len(lead.split())
    sections = HEADINGS[:]
    rng.shuffle(sections)
    listed = False
    while count < target:
        if sections and rng.random() < 0.35:
            h = sections.pop()
            blocks += [f"## {h}", ""]
            count += len(h.split())
        if not listed and count > target // 2:
            lst = a.bullet_list()
            blocks += [lst, ""]
            count += len(lst.split())
            listed = True
            continue
        extra = a.extra_block() if rng.random() < 0.3 else None
        if extra:
            blocks += [extra, ""]
            count += len(extra.split())
            continue
        p = a.paragraph(rng.randint(2, 5))
        blocks += [p, ""]
        count += len(p.split())
    if not listed:
        blocks += [a.bullet_list(), ""]
    if rng.random() < 0.05:
        blocks += ["<!-- factlint-disable-next-line -->", a.paragraph(1), ""]
    return "\n".join(fm + blocks).rstrip() + "\n", a.stats


def generate(kbdir: Path, out: Path, articles: int = 1000, words: int = 600, seed: int = 2026) -> dict:
    kb = read_kb(kbdir)
    countries = [j for j in (kb.jurisdictions[k] for k in sorted(kb.jurisdictions))
                 if any(kb.offices[o]["role"] in ("president", "monarch") for o in kb.offices_by_j.get(j["id"], []))]
    # cities are not in the KB: derive a few stable ones per country from its name
    for j in countries:
        r = random.Random(f"{seed}:{j['id']}")
        ends = ("grad", "burg", "ville", "mouth", "ford", "haven", "stad", "abad")
        j["cities"] = [j["name"][:4].rstrip("aeiou") + r.choice(ends) for _ in range(2)] + [f"Port {j['name'][:5]}"]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    stats: Counter = Counter()
    total_words = 0
    for n in range(articles):
        text, st = article_text(kb, countries, n, seed, words)
        stats.update(st)
        total_words += len(text.split())
        (out / f"article-{n:04d}.md").write_text(text, encoding="utf-8")
    return {"articles": articles, "words": total_words, "mentions": dict(sorted(stats.items()))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kbdir", type=Path)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args(argv)
    info = generate(args.kbdir, args.outdir, args.articles, args.words, args.seed)
    print(f"wrote {args.outdir}: {info['articles']} articles, {info['words']} words "
          f"({info['words'] / info['articles']:.0f} per article)", file=sys.stderr)
    print("mentions: " + ", ".join(f"{k} {v}" for k, v in info["mentions"].items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
