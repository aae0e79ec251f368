#!/usr/bin/env python3
"""Generate a large, deterministic, contract-format knowledge base for benchmarks.

    python bench/gen_kb.py OUTDIR [--people 10000] [--tenures 20000] [--seed 2026]

The KB is made up (fictional countries, made-up but realistic-looking people)
and follows the KB format contract of DESIGN.md exactly, so that
``factlint kb check --no-default-kb --kb OUTDIR`` passes:

* ``roles.yaml``: the role words news copy uses;
* ``jurisdictions/<id>.yaml``, one file per country or organisation: the
  jurisdiction (name, aliases, adjectives), the people who come from it and
  its offices, with holders that never exceed an office's seats;
* a few offices have their own title and aliases, ambassadors have ``host``,
  deputy prime ministers have two seats;
* names are multi-token and varied: given + family, middle names, particles
  ("van der", "al-", "de la"), hyphenated and diacritic-bearing family names,
  family-name-first names with ``family:``; about a third of the people have
  aliases (transliterations, initials, nicknames) and a tenth a listed
  misspelling.

Same seed, same bytes: every random choice comes from one seeded generator
and everything is written in a fixed order.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

AS_OF = "2026-06-01"
END_OF_DATA = dt.date(2026, 6, 1)

# -- name material ---------------------------------------------------------------

GIVEN = """
Aaron Adam Adrian Agnes Ahmed Aisha Alan Alberto Aleksander Alexander Alice Alina Amara Amir Ana Anders
Andrea Andrey Angela Anita Anna Antoine Anton Antonio Arjun Arnaud Astrid Aurelio Ayesha Beatriz Benedikt
Bernard Bianca Bogdan Boris Bruno Camille Carlos Carmen Catalina Cecilia Celeste Chiara Christian Clara
Claudia Conrad Cristina Dalia Daniel Daria David Denis Diego Dmitry Dominik Edgar Edith Eduardo Elena Elias
Elif Elijah Elisa Emil Emilia Emre Enrique Erik Erika Esther Eva Fabian Farid Fatima Felipe Felix Fernando
Filip Fiona Florian Francesca Frederik Gabriel Gabriela Georg Gerhard Giulia Gonzalo Greta Gustavo Hamid
Hana Hannah Harald Hassan Hector Helena Henrik Hugo Ibrahim Ignacio Igor Ilya Ines Ingrid Irina Isabel
Ivan Jakob Jamal Jan Javier Jelena Joanna Johan Jonas Jorge Josef Julia Julian Karim Karin Katarina Kateryna
Khalid Klaus Konstantin Laila Lars Laura Leila Leon Leonardo Lidia Lorenzo Lucas Lucia Ludmila Luis Lukas
Magnus Malik Marco Marek Margarita Maria Marina Mario Marta Martin Mateo Matteo Maxim Mehmet Mikhail Milan
Miriam Mohammed Monika Nadia Natalia Nikolai Nina Noor Olaf Oleg Olga Omar Oscar Pablo Paolo Patricia Pavel
Pedro Petra Philippe Pietro Rafael Rania Raul Renata Ricardo Roberto Roman Rosa Ruslan Sabine Salma Samir
Sandra Sara Sebastian Selin Sergey Simon Sofia Sonia Stefan Stella Sven Tamara Tariq Teresa Thomas Tobias
Tomas Ulrich Valentina Valeria Vera Viktor Vincent Vladimir Walter Yasmin Yuri Yusuf Zainab Zofia Zoran
""".split()

GIVEN_DIACRITIC = "José Jürgen Zoë Ramón Søren Łukasz Ömer Çağla Inés Andrés Agnès Björn Dóra Miloš Tomáš".split()

FAMILY = """
Abbott Abramov Acosta Adler Aguilar Alvarez Amato Andersen Antonov Arnaud Arslan Asante Avila Bakker Baranov
Barros Bauer Becker Belov Benedetti Bergman Bianchi Blanco Bogdanov Borisov Brandt Brennan Caldera Campos
Cardenas Carvalho Castillo Cervantes Chaudhry Costa Cruz Dahl Danilov Delgado Demir Diaz Dimitrov Dragan
Duarte Eklund Engel Esposito Falk Farouk Ferrari Fischer Fonseca Franke Fuentes Galli Garrido Gavrilov
Gerber Giordano Gomez Gonzaga Greco Guerrero Gunnarsson Haddad Hakimi Halvorsen Hansen Hartmann Hoffmann
Horvat Hussain Ibarra Ivanova Jablonski Jansen Jovanovic Kaiser Kaplan Karimov Keller Khoury Klein Koch
Kovac Kowalski Kozlov Krause Kuznetsov Lambert Larsen Lehmann Leone Lindqvist Lombardi Lopez Lorenz Lucero
Maddox Malik Mancini Marchetti Marin Markovic Martens Medina Meier Mendoza Molina Morales Moreau Morozov
Nadeem Navarro Nielsen Novak Novikov Nowak Okafor Olsen Orlov Ortega Osei Pavlov Pereira Petrov Popescu
Quintero Rahman Ramos Rasmussen Reyes Ricci Rinaldi Rios Romano Rossi Saeed Salazar Santos Sauer Schmitt
Schultz Serrano Shapiro Sidorov Silva Sokolov Soto Stein Suarez Svensson Tanaka Tavares Toledo Torres
Valdez Varga Vasquez Vidal Vogel Volkov Wagner Weber Werner Wolff Yilmaz Zamora Zeller Zhukov Zielinski
Adeyemi Mensah Nkemelu Okonkwo Kamara Banda Mwangi Otieno Haile Tesfaye Abebe Diallo Traore Keita
""".split()

ARABIC_GIVEN = """Ahmed Aisha Amir Farid Fatima Hamid Hassan Ibrahim Jamal Karim Khalid Laila Malik Mohammed
Omar Rania Salma Samir Tariq Yasmin Yusuf Zainab""".split()
FAMILY_DIACRITIC = "Müller Núñez Yıldız Çelik Sánchez Ødegaard Wiśniewski Dvořák Jiménez Åberg Gonçalves Pérez Kovačević Szabó".split()

PARTICLE_FAMILY = [
    ("van der", "Berg Linden Meer Veen Heijden Wal".split()),
    ("van", "Dijk Leeuwen Rijn Dam Houten".split()),
    ("de la", "Cruz Fuente Rosa Vega Torre".split()),
    ("de", "Souza Vries Jong Lima Castro".split()),
    ("von", "Stein Arnim Berg Hagen".split()),
    ("al-", "Rashid Masri Hashimi Amiri Zahrani Otaibi Tamimi".split()),
    ("bin", "Salman Zayed Hamad Saeed".split()),
    ("di", "Maio Stefano Marco".split()),
]

FAMILY_FIRST_KO = "Kim Park Choi Jung Kang Cho Yoon Jang Lim Han Seo Shin Kwon Hwang Ahn Song".split()
KO_SYLLABLES = "min ji seo hoon jun yeon woo hyun soo young jae eun ho kyung sung hee dong chul".split()
FAMILY_FIRST_ZH = "Wang Zhang Liu Chen Yang Huang Zhao Zhou Xu Sun Zhu Guo Lin Gao Luo Liang Song Tang Deng Feng".split()
ZH_GIVEN = "Wei Jianguo Xiaoming Yiming Haoran Zhiwei Jun Lei Mingyu Xinyi Yuxuan Zihan Jiahui Qiang Hongwei Lihua".split()
FAMILY_FIRST_VI = "Nguyen Tran Le Pham Hoang Vu Dang Bui Do Ngo".split()
VI_MIDDLE = "Van Thi Duc Minh Quoc".split()
VI_GIVEN = "An Binh Cuong Dung Hai Hung Khanh Lan Long Nam Phuong Quang Son Thanh Tuan Vinh".split()

# accepted variants of given names (transliterations) and nicknames
GIVEN_VARIANTS = {
    "Sergey": ["Sergei"], "Dmitry": ["Dmitri", "Dmitriy"], "Andrey": ["Andrei"], "Yuri": ["Yury", "Yuriy"],
    "Mohammed": ["Muhammad", "Mohamed"], "Alexander": ["Aleksandr", "Alex"], "Aleksander": ["Alexander"],
    "Nikolai": ["Nikolay"], "Maxim": ["Maksim"], "Ilya": ["Ilia"], "Ahmed": ["Ahmad"],
    "Yusuf": ["Youssef"], "Hassan": ["Hasan"], "Kateryna": ["Katerina"], "Natalia": ["Natalya"],
    "Elena": ["Yelena"], "Olga": ["Olha"], "Tomas": ["Thomas"], "Filip": ["Philip"], "Jakob": ["Jacob"],
    "Daniel": ["Dan"], "Thomas": ["Tom"], "Elizabeth": ["Liz"], "Christian": ["Chris"], "Nina": ["Nino"],
    "Igor": ["Ihor"], "Pavel": ["Pavlo"], "Zainab": ["Zaynab"], "Omar": ["Umar"],
}

# -- jurisdictions -------------------------------------------------------------------

STEMS = """
Vald Kess Ard Bor Cal Dor Elb Fal Gar Hal Ist Jor Kal Lor Mar Nor Ost Pel Quar Ros Sal Tal Ulm Var Wes
Zan Bel Cor Del Esk Fen Gal Hel Ir Kar Lum Mel Nar Or Pal Ral Sel Tor Ur Vel Yar Zor Ab Bran Cest Dun
Ever Fros Glen Hav Ith Jas Kren Lys Mor Nev Ov Pyr Riv Sarn Tyr Umb Vor Wyn Ald Bast Carn Drav Elm Fyr
""".split()
SUFFIXES = [("oria", "orian"), ("ania", "anian"), ("ova", "ovan"), ("ar", "ari"), ("istan", "istani"),
            ("land", "landic"), ("enia", "enian"), ("ora", "oran"), ("esh", "eshi"), ("ica", "ican"),
            ("avia", "avian"), ("onia", "onian"), ("ia", "ian"), ("ukia", "ukian"), ("ador", "adoran")]
CITY_PARTS = ("Port", "San", "New", "Upper", "Fort", "Lake", "North", "Saint")
CITY_ENDS = ("grad", "burg", "ville", "mouth", "ford", "haven", "polis", "stad", "ton", "abad", "ia")

ORGS = [
    ("ocu", "Oceanic Cooperation Union", ["OCU"], ["OCU"], ["secretary-general"]),
    ("ndc", "Northern Defence Compact", ["NDC"], ["NDC"], ["secretary-general", "deputy-secretary-general"]),
    ("cmc", "Continental Monetary Commission", ["CMC", "the Commission"], ["CMC"], ["commission-president", "central-bank-governor"]),
    ("wtf", "World Trade Forum", ["WTF"], [], ["secretary-general"]),
    ("asc", "Assembly of Sovereign Councils", ["ASC", "the Assembly"], ["ASC"], ["speaker", "secretary-general"]),
]

# role id, name, aliases
ROLES = [
    ("head-of-state", "Head of State", []),
    ("president", "President", []),
    ("vice-president", "Vice President", ["Vice-President"]),
    ("monarch", "Monarch", ["King", "Queen", "Emir", "Grand Duke"]),
    ("prime-minister", "Prime Minister", ["premier", "PM", "head of government"]),
    ("deputy-prime-minister", "Deputy Prime Minister", ["Deputy PM", "Vice Premier"]),
    ("foreign-minister", "Foreign Minister", ["Minister of Foreign Affairs", "foreign secretary", "top diplomat"]),
    ("defense-minister", "Defense Minister", ["Defence Minister", "Minister of Defence", "defense secretary"]),
    ("finance-minister", "Finance Minister", ["Minister of Finance", "finance chief"]),
    ("interior-minister", "Interior Minister", ["Minister of the Interior", "home secretary"]),
    ("justice-minister", "Justice Minister", ["Minister of Justice", "Attorney General"]),
    ("health-minister", "Health Minister", ["Minister of Health"]),
    ("education-minister", "Education Minister", ["Minister of Education"]),
    ("trade-minister", "Trade Minister", ["Minister of Trade", "trade secretary"]),
    ("energy-minister", "Energy Minister", ["Minister of Energy"]),
    ("agriculture-minister", "Agriculture Minister", ["Minister of Agriculture", "farm minister"]),
    ("spokesperson", "Spokesperson", ["spokesman", "spokeswoman", "press secretary"]),
    ("central-bank-governor", "Central Bank Governor", ["central bank chief", "Governor of the Central Bank"]),
    ("ambassador", "Ambassador", ["envoy"]),
    ("speaker", "Speaker", ["Speaker of Parliament", "parliamentary speaker"]),
    ("secretary-general", "Secretary General", ["Secretary-General"]),
    ("deputy-secretary-general", "Deputy Secretary General", ["Deputy Secretary-General"]),
    ("commission-president", "Commission President", []),
]

# national offices every country has (role ids); head of state is added separately
CABINET = ["prime-minister", "foreign-minister", "defense-minister", "finance-minister", "interior-minister",
           "justice-minister", "health-minister", "education-minister", "trade-minister", "energy-minister",
           "agriculture-minister", "spokesperson", "central-bank-governor", "speaker"]

# own titles some countries give an office (title, aliases)
OWN_TITLES = {
    "foreign-minister": [("Secretary of State for Foreign Affairs", ["Foreign Affairs Secretary"]),
                         ("Minister for External Relations", ["External Relations Minister"])],
    "finance-minister": [("Chancellor of the Treasury", ["Treasury Chancellor"]),
                         ("Minister of Economy and Finance", ["Economy Minister"])],
    "spokesperson": [("Government Spokesperson", ["government spokesman", "government spokeswoman"])],
    "interior-minister": [("Minister of Public Security", ["Public Security Minister", "security minister"])],
}


@dataclass
class PersonRec:
    id: str
    name: str
    country: str
    aliases: list[str] = field(default_factory=list)
    misspellings: list[str] = field(default_factory=list)
    family: str | None = None


@dataclass
class OfficeRec:
    id: str
    role: str
    jurisdiction: str
    seats: int = 1
    title: str | None = None
    aliases: list[str] = field(default_factory=list)
    host: str | None = None
    holders: list[dict] = field(default_factory=list)  # {person, from, to}
    slots: list[tuple[str, str | None]] = field(default_factory=list)


def fold(s: str) -> str:
    s = s.translate(str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "æ": "ae", "Å": "A"}))
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s).lower()).strip("-")


class Generator:
    def __init__(self, seed: int, n_people: int, n_tenures: int, n_countries: int) -> None:
        self.rng = random.Random(seed)
        self.n_people = n_people
        self.n_tenures = n_tenures
        self.n_countries = n_countries
        self.jurisdictions: list[dict] = []
        self.offices: list[OfficeRec] = []
        self.people: list[PersonRec] = []
        self.used_ids: set[str] = set()

    # -- jurisdictions ---------------------------------------------------------------
    def make_jurisdictions(self) -> None:
        rng = self.rng
        names: set[str] = set()
        # keep a few real codes out of the way, and YAML 1.1 booleans ("no" is read as false)
        codes: set[str] = {"us", "gb", "ua", "ru", "cn", "kp", "kr"} | _RESERVED
        codes |= {o[0] for o in ORGS}
        letters = "abcdefghijklmnopqrstuvwxyz"
        while len(self.jurisdictions) < self.n_countries:
            stem = rng.choice(STEMS)
            suf, adj = rng.choice(SUFFIXES)
            name = stem + suf
            if name in names:
                continue
            names.add(name)
            low = name.lower()
            code = None
            for cand in [low[:2], low[0] + low[2], low[0] + low[-1]] + [low[0] + c for c in letters]:
                if cand not in codes and cand.isalpha():
                    code = cand
                    break
            if code is None:
                code = "".join(rng.choice(letters) for _ in range(3))
                while code in codes:
                    code = "".join(rng.choice(letters) for _ in range(3))
            codes.add(code)
            aliases = [f"Republic of {name}"] if rng.random() < 0.5 else [f"Kingdom of {name}"]
            if rng.random() < 0.3:
                aliases.append(code.upper())
            adjectives = [stem + adj]
            monarchy = aliases[0].startswith("Kingdom")
            cities = self.make_cities(stem)
            self.jurisdictions.append({"id": code, "name": name, "aliases": aliases, "adjectives": adjectives,
                                       "monarchy": monarchy, "org": False, "cities": cities})
        for code, name, aliases, adjectives, roles in ORGS:
            self.jurisdictions.append({"id": code, "name": name, "aliases": aliases, "adjectives": adjectives,
                                       "monarchy": False, "org": True, "roles": roles, "cities": []})

    def make_cities(self, stem: str) -> list[str]:
        rng = self.rng
        out = []
        for _ in range(3):
            base = rng.choice(STEMS) + rng.choice(CITY_ENDS)
            out.append(f"{rng.choice(CITY_PARTS)} {base}" if rng.random() < 0.4 else base)
        return out

    # -- offices ---------------------------------------------------------------------
    def make_offices(self) -> None:
        rng = self.rng
        countries = [j for j in self.jurisdictions if not j["org"]]
        for j in self.jurisdictions:
            code = j["id"]
            if j["org"]:
                for role in j["roles"]:
                    self.offices.append(OfficeRec(f"{code}-{role}", role, code))
                continue
            if j["monarchy"]:
                self.offices.append(OfficeRec(f"{code}-monarch", "monarch", code))
            else:
                self.offices.append(OfficeRec(f"{code}-president", "president", code,
                                              title=f"President of {j['name']}"))
                if rng.random() < 0.4:
                    self.offices.append(OfficeRec(f"{code}-vice-president", "vice-president", code))
            if rng.random() < 0.5:
                self.offices.append(OfficeRec(f"{code}-deputy-prime-minister", "deputy-prime-minister", code, seats=2))
            for role in CABINET:
                o = OfficeRec(f"{code}-{role}", role, code)
                if role in OWN_TITLES and rng.random() < 0.25:
                    o.title, aliases = rng.choice(OWN_TITLES[role])
                    o.aliases = list(aliases)
                self.offices.append(o)
            for host in rng.sample([c for c in countries if c is not j], 3):
                self.offices.append(OfficeRec(f"{code}-ambassador-to-{host['id']}", "ambassador", code, host=host["id"]))

    def make_timelines(self) -> None:
        """Give each office a chain of tenure slots (dates only), n_tenures in all."""
        rng = self.rng
        n = len(self.offices)
        counts = [1] * n
        weights = [3.0 if o.role in ("spokesperson", "ambassador", "deputy-prime-minister") else
                   0.6 if o.role == "monarch" else 1.0 for o in self.offices]
        remaining = self.n_tenures - n
        picks = rng.choices(range(n), weights=weights, k=remaining)
        for p in picks:
            counts[p] += 1
        for o, k in zip(self.offices, counts):
            chains = [k // o.seats + (1 if c < k % o.seats else 0) for c in range(o.seats)]
            for m in chains:
                o.slots.extend(self.chain(m, o.role))

    def chain(self, m: int, role: str) -> list[tuple[str, str | None]]:
        """m consecutive, non-overlapping tenures ending at (or open after) END_OF_DATA."""
        rng = self.rng
        if m == 0:
            return []
        mean = 2600 if role == "monarch" else 1500
        lengths = [max(120, int(rng.gauss(mean, mean * 0.5))) for _ in range(m)]
        gaps = [0 if rng.random() < 0.7 else rng.randint(1, 90) for _ in range(m)]
        open_last = rng.random() < 0.9
        end = END_OF_DATA - dt.timedelta(days=rng.randint(0, 200) if open_last else rng.randint(30, 400))
        spans = []
        for length, gap in zip(reversed(lengths), gaps):
            start = end - dt.timedelta(days=length)
            spans.append((start, end))
            end = start - dt.timedelta(days=gap)
        spans.reverse()
        out = []
        for idx, (s, e) in enumerate(spans):
            last = idx == len(spans) - 1
            out.append((self.fmt(s, "from"), None if last and open_last else self.fmt(e, "to")))
        return out

    def fmt(self, d: dt.date, which: str) -> str:
        r = self.rng.random()
        if r < 0.08:
            return d.strftime("%Y-%m")   # month precision: checks give it the benefit of the doubt
        if r < 0.10 and which == "from" and d.month == 1:
            return d.strftime("%Y")
        return d.isoformat()

    # -- people ----------------------------------------------------------------------
    def make_name(self, style: str) -> tuple[str, str | None]:
        rng = self.rng
        if style == "ko":
            fam = rng.choice(FAMILY_FIRST_KO)
            a, b = rng.sample(KO_SYLLABLES, 2)
            return f"{fam} {a.capitalize()}-{b}", fam
        if style == "zh":
            fam = rng.choice(FAMILY_FIRST_ZH)
            return f"{fam} {rng.choice(ZH_GIVEN)}", fam
        if style == "vi":
            fam = rng.choice(FAMILY_FIRST_VI)
            return f"{fam} {rng.choice(VI_MIDDLE)} {rng.choice(VI_GIVEN)}", fam
        given = rng.choice(GIVEN_DIACRITIC) if rng.random() < 0.06 else rng.choice(GIVEN)
        r = rng.random()
        if r < 0.08:
            particle, fams = rng.choice(PARTICLE_FAMILY)
            fam = rng.choice(fams)
            if particle in ("al-", "bin"):
                given = rng.choice(ARABIC_GIVEN)
            family = f"{particle}{fam}" if particle.endswith("-") else f"{particle} {fam}"
            return f"{given} {family}", None
        if r < 0.14:
            fam = f"{rng.choice(FAMILY)}-{rng.choice(FAMILY)}"
            return f"{given} {fam}", fam
        if r < 0.20:
            return f"{given} {rng.choice(FAMILY_DIACRITIC)}", None
        if r < 0.32:
            middle = rng.choice(GIVEN)
            while middle == given:
                middle = rng.choice(GIVEN)
            return f"{given} {middle} {rng.choice(FAMILY)}", None
        return f"{given} {rng.choice(FAMILY)}", None

    def person(self, country: str) -> PersonRec:
        rng = self.rng
        r = rng.random()
        style = "ko" if r < 0.03 else "zh" if r < 0.06 else "vi" if r < 0.08 else "west"
        name, family = self.make_name(style)
        base = slug(name)
        pid, k = base, 2
        while pid in self.used_ids:
            pid, k = f"{base}-{k}", k + 1
        self.used_ids.add(pid)
        p = PersonRec(pid, name, country, family=family)
        if rng.random() < 0.35:
            p.aliases = self.aliases_for(name, style)
        if rng.random() < 0.10:
            miss = self.misspell(name, family, style)
            if miss and miss != name and miss not in p.aliases:
                p.misspellings = [miss]
        return p

    def aliases_for(self, name: str, style: str) -> list[str]:
        rng = self.rng
        parts = name.split()
        out: list[str] = []
        if style == "ko":
            out.append(name.replace("-", " "))              # Kim Min-jun -> Kim Min Jun (form class)
            out[-1] = " ".join(w.capitalize() for w in out[-1].split())
        elif style in ("zh", "vi"):
            out.append(" ".join(parts[1:] + parts[:1]))       # western order
        else:
            given = parts[0]
            if given in GIVEN_VARIANTS and rng.random() < 0.8:
                out.append(" ".join([rng.choice(GIVEN_VARIANTS[given])] + parts[1:]))
            elif fold(name) != name:
                out.append(fold(name))
            elif len(parts) == 3 and parts[1][0].isupper():
                out.append(f"{parts[0]} {parts[2]}")           # middle name dropped
            else:
                out.append(f"{parts[0]} {rng.choice('ABCDEFGHJKLMNPRST')}. {' '.join(parts[1:])}")
        return [a for a in dict.fromkeys(out) if a != name]

    def misspell(self, name: str, family: str | None, style: str) -> str | None:
        rng = self.rng
        parts = name.split()
        idx = 0 if family and name.startswith(family) else len(parts) - 1
        word = parts[idx]
        core = word.split("-")[-1]
        if len(core) < 5:
            return None
        i = rng.randint(1, len(core) - 3)
        r = rng.random()
        if r < 0.4:
            new = core[:i] + core[i + 1] + core[i] + core[i + 2:]      # transposition
        elif r < 0.7:
            new = core[:i] + core[i] + core[i:]                        # doubled letter
        else:
            vowels = "aeiou"
            c = core[i]
            new = core[:i] + (rng.choice([v for v in vowels if v != c]) if c in vowels else c + "e") + core[i + 1:]
        if new == core:
            return None
        parts[idx] = word[: len(word) - len(core)] + new
        return " ".join(parts)

    def assign_people(self) -> None:
        """Create the people and deal them the tenure slots, country by country."""
        rng = self.rng
        by_country: dict[str, list[tuple[OfficeRec, int]]] = {}
        country_codes = [j["id"] for j in self.jurisdictions if not j["org"]]
        for o in self.offices:
            owner = o.jurisdiction if o.jurisdiction in country_codes else rng.choice(country_codes)
            for s in range(len(o.slots)):
                by_country.setdefault(owner, []).append((o, s))
        total = sum(len(v) for v in by_country.values())
        quotas = {c: max(1, round(len(by_country.get(c, [])) * self.n_people / total)) for c in country_codes}
        diff = self.n_people - sum(quotas.values())
        order = sorted(country_codes)
        i = 0
        while diff != 0:
            c = order[i % len(order)]
            if diff > 0:
                quotas[c] += 1
                diff -= 1
            elif quotas[c] > 1:
                quotas[c] -= 1
                diff += 1
            i += 1
        assignment: dict[tuple[str, int], str] = {}
        for c in order:
            slots = by_country.get(c, [])
            rng.shuffle(slots)
            people = [self.person(c) for _ in range(quotas[c])]
            self.people.extend(people)
            # everyone gets one slot, the rest go to a random minority (careers)
            careers = people[: max(1, len(people) // 2)]
            for k, (o, s) in enumerate(slots):
                p = people[k] if k < len(people) else rng.choice(careers)
                assignment[(o.id, s)] = p.id
            if len(slots) < len(people):
                raise SystemExit(f"country {c}: {len(slots)} slots for {len(people)} people")
        for o in self.offices:
            o.holders = [{"person": assignment[(o.id, s)], "from": f, "to": t} for s, (f, t) in enumerate(o.slots)]

    def run(self) -> None:
        self.make_jurisdictions()
        self.make_offices()
        self.make_timelines()
        self.assign_people()


# -- YAML output ---------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z\u00c0-\u024f][\w .'\u00c0-\u024f-]*")
_RESERVED = {"yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"}


def q(s: str) -> str:
    """A YAML scalar for *s*: plain when safe in flow context, else double-quoted."""
    if _PLAIN.fullmatch(s) and s.lower() not in _RESERVED and not s.endswith((" ", ".")) or re.fullmatch(r"\d{4}(-\d{2}){0,2}", s):
        return s
    return json.dumps(s, ensure_ascii=False)


def flow_list(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def write_kb(g: Generator, out: Path) -> dict[str, int]:
    if out.exists():
        shutil.rmtree(out)
    (out / "jurisdictions").mkdir(parents=True)
    meta = [f"meta:\n  as_of: {AS_OF}\n  source: factlint bench/gen_kb.py (synthetic)\n  license: CC0-1.0\n"]
    roles = ["\n".join(meta), "roles:"]
    for rid, name, aliases in ROLES:
        line = f"  - {{id: {rid}, name: {q(name)}"
        if aliases:
            line += f", aliases: {flow_list(aliases)}"
        roles.append(line + "}")
    (out / "roles.yaml").write_text("\n".join(roles) + "\n", encoding="utf-8")

    people_by_country: dict[str, list[PersonRec]] = {}
    for p in g.people:
        people_by_country.setdefault(p.country, []).append(p)
    offices_by_j: dict[str, list[OfficeRec]] = {}
    for o in g.offices:
        offices_by_j.setdefault(o.jurisdiction, []).append(o)
    n_files = 1
    for j in g.jurisdictions:
        lines = list(meta)
        lines.append("jurisdictions:")
        lines.append(f"  - id: {j['id']}\n    name: {q(j['name'])}")
        if j["aliases"]:
            lines.append(f"    aliases: {flow_list(j['aliases'])}")
        if j["adjectives"]:
            lines.append(f"    adjectives: {flow_list(j['adjectives'])}")
        people = sorted(people_by_country.get(j["id"], []), key=lambda p: p.id)
        if people:
            lines.append("\npeople:")
            for p in people:
                item = f"  - {{id: {p.id}, name: {q(p.name)}"
                if p.aliases:
                    item += f", aliases: {flow_list(p.aliases)}"
                if p.misspellings:
                    item += f", misspellings: {flow_list(p.misspellings)}"
                if p.family:
                    item += f", family: {q(p.family)}"
                lines.append(item + "}")
        lines.append("\noffices:")
        for o in offices_by_j.get(j["id"], []):
            lines.append(f"  - id: {o.id}\n    role: {o.role}\n    jurisdiction: {o.jurisdiction}")
            if o.title:
                lines.append(f"    title: {q(o.title)}")
            if o.aliases:
                lines.append(f"    aliases: {flow_list(o.aliases)}")
            if o.host:
                lines.append(f"    host: {o.host}")
            if o.seats != 1:
                lines.append(f"    seats: {o.seats}")
            lines.append("    holders:")
            for h in o.holders:
                item = f"      - {{person: {h['person']}, from: {h['from']}"
                if h["to"]:
                    item += f", to: {h['to']}"
                lines.append(item + "}")
        (out / "jurisdictions" / f"{j['id']}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        n_files += 1
    return {"files": n_files, "jurisdictions": len(g.jurisdictions), "roles": len(ROLES), "people": len(g.people),
            "offices": len(g.offices), "tenures": sum(len(o.holders) for o in g.offices),
            "aliases": sum(len(p.aliases) for p in g.people), "misspellings": sum(len(p.misspellings) for p in g.people)}


def generate(out: Path, seed: int = 2026, people: int = 10_000, tenures: int = 20_000, countries: int = 120) -> dict[str, int]:
    g = Generator(seed, people, tenures, countries)
    g.run()
    return write_kb(g, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--tenures", type=int, default=20_000)
    ap.add_argument("--countries", type=int, default=120)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args(argv)
    stats = generate(args.outdir, args.seed, args.people, args.tenures, args.countries)
    print(f"wrote {args.outdir}: " + ", ".join(f"{v} {k}" for k, v in stats.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
