"""``factlint kb update DIR``: refresh a KB's offices from Wikidata, in place.

Takes a KB directory (or file), an endpoint and a timeout; gives the same
files with every office that carries a ``wikidata:`` position brought up to
date from its P39 "position held" statements, and report lines. In order:

1. load and validate the KB (with the default KB unless told not to);
2. ask the endpoint for the positions of the offices DIR defines, a batch
   at a time (:mod:`factlint.sparql`): any network or HTTP error, a timeout
   or a body that is not SPARQL results JSON stops here, nothing written;
3. merge, office by office. A Wikidata person is the KB person with that
   wikidata id, else the office's holder with that name, else the one KB
   person (without another wikidata id) with that name, else a new person.
   The KB's facts win: a tenure the KB has keeps its dates; an open tenure
   is closed at Wikidata's end if that is after the file's ``as_of``; a new
   tenure is added if it starts within the office's record (not before its
   ``complete_from``) and fits its seats, closing an open tenure whose
   successor took office after ``as_of``; anything else is reported, not
   written;
4. edit the files line by line (:mod:`factlint.kb_edit`): only changed
   holders, added holders and people, and ``meta.as_of`` (set to today in
   a file all of whose offices were refreshed) differ;
5. load the edited KB from a temporary copy: if it would not load, nothing
   is written; else each changed file is replaced atomically.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint import sparql, tuning
from factlint.atomic import write_atomic
from factlint.dates import Period, parse_period
from factlint.errors import ConfigError, DraftError, FactlintError, KnowledgeBaseErrors
from factlint.importers.common import Stint, merge_consecutive, slugify, unique
from factlint.importers.wikidata import Statement
from factlint.kb.loader import kb_files, load_sources
from factlint.kb.model import KnowledgeBase
from factlint.kb_edit import FileEdit
from factlint.yamlio import LocDict, LocList, load_yaml_text

Say = Callable[[str], None]
_DAY = dt.timedelta(days=1)
_BARE_QID = re.compile(r"^Q\d+$")


@dataclass
class _Office:
    id: str
    qid: str | None
    path: str
    seats: int
    record_start: dt.date | None
    as_of: dt.date | None                 # its file's meta.as_of
    written: list[dict[str, Any]]         # holders as the file has them, in order
    holders: list[dict[str, Any]] = field(default_factory=list)  # after the merge (written ones first)
    refreshed: bool = False
    log: list[str] = field(default_factory=list)


def _period(value: Any) -> Period:
    return parse_period(str(value))


def _span(h: dict[str, Any]) -> tuple[Period, Period | None]:
    return _period(h["from"]), (_period(h["to"]) if h.get("to") is not None else None)


def _fits(holders: list[dict[str, Any]], seats: int) -> bool:
    """No more holders *surely* at once than seats (as the loader counts them)."""
    active: list[tuple[Period, Period | None]] = []
    for start, end in sorted((_span(h) for h in holders), key=lambda s: s[0].start):
        active = [(s, e) for s, e in active if e is None or e.start > start.end]
        active.append((start, end))
        if len(active) > seats:
            return False
    return True


def _touches(h: dict[str, Any], start: Period, end: Period | None) -> bool:
    h_start, h_end = _span(h)
    last = h_end.end if h_end else dt.date.max
    s_last = end.end if end else dt.date.max
    return h_start.start <= min(s_last, dt.date.max - _DAY) + _DAY and start.start <= min(last, dt.date.max - _DAY) + _DAY


def _noted(h: dict[str, Any], note: str) -> dict[str, Any]:
    return {**h, "note": f"{h['note']}; {note}" if h.get("note") else note}


class _People:
    """Who a Wikidata person is in the KB, and the people the update adds."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.by_qid = {p.wikidata: p.id for p in kb.people.values() if p.wikidata}
        self.qid_of = {p.id: p.wikidata for p in kb.people.values()}
        self.forms_of = {p.id: {slugify(f) for f in p.accepted} for p in kb.people.values()}
        self.named: dict[str, set[str]] = {}
        for pid, forms in self.forms_of.items():
            for form in forms:
                self.named.setdefault(form, set()).add(pid)
        self.taken = set(kb.people)
        self.new: dict[str, dict[str, Any]] = {}   # id -> entry, for people not in the KB
        self.home: dict[str, str] = {}             # id of a new person -> the file that gets it

    def resolve(self, st: Statement, holders: set[str]) -> str | None:
        """The KB id of *st*'s person (a new one if need be); None if it cannot be told."""
        if st.person in self.by_qid:
            return self.by_qid[st.person]
        forms = {slugify(st.label), *(slugify(a) for a in st.aliases)} - {""}
        free = [pid for pid in holders if self.forms_of.get(pid, set()) & forms and self.qid_of.get(pid) is None]
        if len(free) == 1:
            return free[0]
        named = [pid for pid in self.named.get(slugify(st.label), set()) if self.qid_of.get(pid) is None]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            return None
        base = slugify(st.label) or st.person.lower()
        pid = base if base not in self.taken else f"{base}-{st.person.lower()}"
        entry: dict[str, Any] = {"id": pid, "name": st.label}
        aliases = unique(a for a in st.aliases if len(a.split()) >= 2 and not any(c.isdigit() for c in a)
                         and slugify(a) != slugify(st.label) and slugify(a) not in self.named)
        if aliases:
            entry["aliases"] = aliases
        entry["wikidata"] = st.person
        self.new[pid] = entry
        self.taken.add(pid)
        self.by_qid[st.person] = pid
        self.qid_of[pid] = st.person
        self.forms_of[pid] = {slugify(st.label)}
        return pid


def _read_offices(kb: KnowledgeBase, files: list[Path]) -> tuple[dict[str, bytes], list[_Office]]:
    as_of = {m.path: m.as_of for m in kb.files}
    raws: dict[str, bytes] = {}
    offices: list[_Office] = []
    for path in files:
        raw = path.read_bytes()
        raws[str(path)] = raw
        doc = load_yaml_text(raw.decode("utf-8-sig"), str(path))
        items = doc.get("offices") if isinstance(doc, LocDict) else None
        for item in items if isinstance(items, LocList) else []:
            model = kb.offices[item["id"]]
            written = [dict(h) for h in item.get("holders") or []]
            offices.append(_Office(model.id, model.wikidata, str(path), model.seats, model.complete_from,
                                   as_of.get(str(path)), written, [dict(h) for h in written]))
    return raws, offices


def _merge(office: _Office, found: list[Statement], people: _People, today: str, warn: Say) -> None:
    """Bring *office*'s holders up to date with Wikidata's statements *found*."""
    stints = []
    for st in found:
        if not st.usable:
            warn(f"{office.id}: left out {st.label} ({st.person}): no start, or a date coarser than a year")
            continue
        if _BARE_QID.match(st.label):
            warn(f"{office.id}: left out {st.person}: Wikidata has no English label for them")
            continue
        pid = people.resolve(st, {h["person"] for h in office.holders})
        if pid is None:
            warn(f"{office.id}: left out {st.label} ({st.person}): several KB people have that name")
            continue
        stints.append(Stint(pid, st.start or "", st.end))
    office.refreshed = bool(stints)
    older = 0
    for s in merge_consecutive(stints, slack_days=1):
        start, end = _period(s.start), (_period(s.end) if s.end else None)
        if end is not None and end.end < start.start:
            warn(f"{office.id}: left out {s.person}: Wikidata's end {s.end} is before its start {s.start}")
            continue
        mine = [i for i, h in enumerate(office.holders) if h["person"] == s.person and _touches(h, start, end)]
        if mine:
            for i in mine:
                _keep_or_close(office, i, s, start, today, warn)
            continue
        if office.record_start is not None and start.start < office.record_start:
            older += 1
            continue
        _add(office, s, start, today, warn)
    if older:
        office.log.append(f"{older} earlier tenure(s) not added (before the record starts; "
                          "`factlint kb import wikidata` imports history)")


def _keep_or_close(office: _Office, i: int, s: Stint, start: Period, today: str, warn: Say) -> None:
    h = office.holders[i]
    h_start, h_end = _span(h)
    if h_end is None and s.end is not None:
        if office.as_of is None or _period(s.end).start >= office.as_of:
            office.holders[i] = _noted({**h, "to": s.end}, f"end from Wikidata (P39), fetched {today}")
            office.log.append(f"closed {s.person} on {s.end}")
        else:
            warn(f"{office.id}: Wikidata ends {s.person} on {s.end}, before the file's as_of "
                 f"{office.as_of}; kept the KB's open tenure")
    elif abs((h_start.start - start.start).days) > tuning.UPDATE_DATE_SLACK_DAYS:
        warn(f"{office.id}: Wikidata starts {s.person} on {s.start}, the KB on {h['from']}; kept the KB's date")


def _add(office: _Office, s: Stint, start: Period, today: str, warn: Say) -> None:
    new: dict[str, Any] = {"person": s.person, "from": s.start}
    if s.end:
        new["to"] = s.end
    new["source"] = f"Wikidata (P39 position held), fetched {today}"
    if _fits([*office.holders, new], office.seats):
        office.holders.append(new)
        office.log.append(f"added {s.person} from {s.start}" + (f" to {s.end}" if s.end else ""))
        return
    # A successor who took office after the file's as_of ends the open tenure before them.
    trial = list(office.holders)
    closed = []
    for i, h in enumerate(trial):
        h_start, h_end = _span(h)
        if (h_end is None and h_start.end < start.start and h["person"] != s.person
                and (office.as_of is None or start.start > office.as_of)):
            trial[i] = _noted({**h, "to": s.start}, f"ended at the successor's start (Wikidata, fetched {today})")
            closed.append(h["person"])
    if closed and _fits([*trial, new], office.seats):
        office.holders[:] = [*trial, new]
        office.log.append(f"closed {', '.join(closed)} on {s.start}; added {s.person} from {s.start}"
                          + (f" to {s.end}" if s.end else ""))
        return
    warn(f"{office.id}: left out {s.person} from {s.start}: it overlaps the KB's holders "
         f"({office.seats} seat{'s' if office.seats > 1 else ''}); kept the KB's record")


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal; else nothing."""
    if not sys.stderr.isatty() or total < 1:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("asking Wikidata", total=total)
        yield lambda: bar.advance(task)


def _edit_files(raws: dict[str, bytes], offices: list[_Office], people: _People, today: str
                ) -> dict[str, bytes]:
    """The new bytes of every file that changes."""
    out: dict[str, bytes] = {}
    for path, raw in raws.items():
        mine = [o for o in offices if o.path == path]
        edit = FileEdit(path, raw)
        for o in mine:
            changed = {i: h for i, h in enumerate(o.holders[:len(o.written)]) if h != o.written[i]}
            added = o.holders[len(o.written):]
            if not changed and not added:
                continue
            node = edit.office(o.id)
            nodes = edit.holder_nodes(node)
            for i, h in changed.items():
                edit.replace_holder(nodes[i], h)
            edit.add_holders(node, added)
            for h in added:
                if h["person"] in people.new:
                    people.home.setdefault(h["person"], path)
        edit.add_people([people.new[pid] for pid, home in people.home.items() if home == path])
        if mine and all(o.refreshed for o in mine):
            edit.set_as_of(today)
        new = edit.result()
        if new != raw:
            out[path] = new
    return out


def _validate(sources: list[Path], target: Path, files: list[Path], new: dict[str, bytes]) -> None:
    """Load the KB with the edits from a temporary copy; ConfigError if it would not load."""
    with tempfile.TemporaryDirectory(prefix="factlint-update-") as tmp:
        root = Path(tmp) / (target.name or "kb")
        for path in files:
            rel = path.relative_to(target) if target.is_dir() else Path()
            dest = root / rel if target.is_dir() else root
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(new.get(str(path), b"") or path.read_bytes())
        try:
            load_sources([*sources, root])
        except KnowledgeBaseErrors as exc:
            first = str(exc.errors[0]).replace(str(root), str(target))
            raise ConfigError(f"the updated KB would not load ({len(exc.errors)} problem(s); first: {first}); "
                              "nothing written") from None


def _write(new: dict[str, bytes], raws: dict[str, bytes]) -> None:
    for path in new:  # every check before the first write, so that none fails after it
        p = Path(path)
        if p.read_bytes() != raws[path]:
            raise ConfigError("changed on disk during the update; nothing written (run again)", path)
        if not p.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise ConfigError("read-only file; nothing written", path)
    for path, data in new.items():
        try:
            write_atomic(Path(path), data, raws[path])
        except DraftError as exc:
            raise FactlintError(exc.message.replace("not fixed", "not updated"), path) from None


def update(target: Path, *, endpoint: str = sparql.DEFAULT_ENDPOINT, timeout: float = tuning.UPDATE_TIMEOUT,
           base: list[Path] | None = None, dry_run: bool = False, today: dt.date | None = None,
           say: Say = print, warn: Say = print) -> int:
    """Refresh *target* (a KB directory or file) loaded after the KBs *base*; the number of files changed."""
    sparql.check_endpoint(endpoint)
    if timeout <= 0:
        raise ConfigError(f"--timeout: must be more than 0 seconds, got {timeout:g}")
    base = [b for b in base or [] if b.resolve() != target.resolve()]
    kb = load_sources([*base, target])
    files = kb_files(target)
    raws, offices = _read_offices(kb, files)
    day = (today or dt.date.today()).isoformat()
    without = [o.id for o in offices if not o.qid]
    if without:
        shown_ids = ", ".join(without[:5]) + (f", … ({len(without) - 5} more)" if len(without) > 5 else "")
        warn(f"skipped {len(without)} office(s) with no wikidata id: {shown_ids} (add `wikidata: Q…` to refresh them)")
    positions = sorted({o.qid for o in offices if o.qid})
    if not positions:
        say(f"kb update: no office in {target} has a wikidata id; nothing to update")
        return 0
    found: dict[str, list[Statement]] = {}
    chunks = sparql.batches(positions)
    with _progress(len(chunks)) as advance:
        for chunk in chunks:
            for st in sparql.fetch(endpoint, chunk, timeout):
                found.setdefault(st.position, []).append(st)
            advance()
    people = _People(kb)
    for o in offices:
        if o.qid:
            _merge(o, found.get(o.qid, []), people, day, warn)
            if not o.refreshed:
                warn(f"{o.id}: Wikidata gave no usable P39 statement for {o.qid}; left as it is")
    new = _edit_files(raws, offices, people, day)
    for o in offices:
        for line in o.log:
            say(f"{o.path}: {o.id}: {line}")
    refreshed = sum(o.refreshed for o in offices)
    if new:
        _validate(base, target, files, new)
    if not dry_run:
        _write(new, raws)
    verb = "would change" if dry_run else "changed"
    say(f"kb update: {refreshed} office(s) refreshed from {endpoint} in {len(chunks)} request(s); "
        f"{len(new)} file(s) {verb}" + "".join(f"\n  {p}" for p in new))
    return len(new)
