"""The compiled index with its person-scale tables packed, as the cache keeps it.

Takes a built :class:`~factlint.kb.index.KBIndex`; gives the same index in
which every table that grows with the number of people — the KB's people and
offices (with their tenures), the name trie, the maps of name forms and the
tenures by person — keeps each entry encoded (``marshal`` bytes) until it is
first read, then decodes it once. The tables are dicts, so membership tests,
``len`` and iteration over keys cost what they always did; ``[]``, ``get``,
``values`` and ``items`` give the decoded records, equal to the ones the
index was built with.

Why: a cached load of a KB of 100,000 people used to unpickle millions of
small records (every person, name form, tenure, date and origin), almost
all of which a check never reads. Unpickling a packed index creates one
byte string per key and a few large blobs; a draft decodes only the people
and offices it names. The name forms are stored once (:class:`FormStore`)
and the tables refer to them by number.

A record that does not encode plainly (a field holding something ``marshal``
cannot write) is kept as a pickle instead, so a field added to the model
later is never lost, only slower to read.
"""
from __future__ import annotations

import dataclasses
import marshal
import pickle
from array import array
from collections.abc import Callable, Iterator
from operator import attrgetter
from typing import Any

from factlint.kb.index import END, KBIndex, NameForm
from factlint.kb.schema import PERIODS as _PERIODS
from factlint.kb.schema import period as _period
from factlint.kb.model import Office, Origin, Person, Tenure

_MARSHAL, _PICKLE = b"m", b"p"
_PERSON_FIELDS = tuple(f.name for f in dataclasses.fields(Person))
_PERSON_VALUES = attrgetter(*_PERSON_FIELDS)  # a person's fields as a tuple, in one call
_PERSON_ORIGIN = _PERSON_FIELDS.index("origin")
_OFFICE_FIELDS = tuple(f.name for f in dataclasses.fields(Office))
_TENURE_FIELDS = len(Tenure._fields)
class _Plain(Exception):
    """A value that does not encode plainly: the record is pickled instead."""


def _dump(plain: Callable[[], Any], obj: object) -> bytes:
    try:
        return _MARSHAL + marshal.dumps(plain())
    except (ValueError, _Plain):
        return _PICKLE + pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


class FormStore:
    """Every name form of the index, encoded one after another, decoded on demand."""

    __slots__ = ("blob", "offsets", "_cache")

    def __init__(self, blob: bytes, offsets: array) -> None:  # type: ignore[type-arg]
        self.blob = blob
        self.offsets = offsets
        self._cache: list[NameForm | None] = [None] * (len(offsets) - 1)

    @classmethod
    def of(cls, forms: list[NameForm]) -> FormStore:
        parts = [marshal.dumps(tuple(nf)) for nf in forms]
        offsets = array("Q", [0])
        total = 0
        for part in parts:
            total += len(part)
            offsets.append(total)
        return cls(b"".join(parts), offsets)

    def form(self, i: int) -> NameForm:
        nf = self._cache[i]
        if nf is None:
            raw = memoryview(self.blob)[self.offsets[i] : self.offsets[i + 1]]
            nf = self._cache[i] = tuple.__new__(NameForm, marshal.loads(raw))
        return nf

    def forms(self, ids: tuple[int, ...]) -> list[NameForm]:
        return [self.form(i) for i in ids]

    def __reduce__(self) -> tuple[Any, ...]:
        return (FormStore, (self.blob, self.offsets))


class _Packed(dict):  # type: ignore[type-arg]
    """A dict whose values stay encoded (bytes) until first read."""

    __slots__ = ("_ctx",)

    def __init__(self, ctx: Any = None) -> None:
        super().__init__()
        self._ctx = ctx

    def _decode(self, raw: bytes) -> Any:
        raise NotImplementedError

    def __getitem__(self, key: Any) -> Any:
        value = _dict_getitem(self, key)
        if value.__class__ is bytes:
            value = self._decode(value)
            _dict_setitem(self, key, value)
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        value = _dict_get(self, key, default)
        if value.__class__ is bytes and key in self:  # (a bytes *default* is returned as it is)
            value = self._decode(value)
            _dict_setitem(self, key, value)
        return value

    def values(self) -> list[Any]:  # type: ignore[override]
        return [self[k] for k in dict.keys(self)]

    def items(self) -> list[tuple[Any, Any]]:  # type: ignore[override]
        return [(k, self[k]) for k in dict.keys(self)]

    def __iter__(self) -> Iterator[Any]:
        return dict.__iter__(self)

    def copy(self) -> dict[Any, Any]:
        return dict(self.items())

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self._ctx,), None, None, iter(dict.items(self)))


_dict_get, _dict_getitem, _dict_setitem = dict.get, dict.__getitem__, dict.__setitem__


class FormLists(_Packed):
    """Key -> [NameForm], the forms stored by number in a :class:`FormStore`."""

    __slots__ = ()

    def _decode(self, raw: bytes) -> list[NameForm]:
        return self._ctx.forms(marshal.loads(raw))


class NameTrie(_Packed):
    """The name trie: first token -> the rest of the trie below it."""

    __slots__ = ()

    def _decode(self, raw: bytes) -> dict[str, Any]:
        store: FormStore = self._ctx

        def expand(node: dict[str, Any]) -> dict[str, Any]:
            return {k: store.forms(v) if k == END else expand(v) for k, v in node.items()}

        return expand(marshal.loads(raw))


def _origin_codec(origins: dict[tuple[str, Any], int]) -> Callable[[Origin | None], Any]:
    def enc(o: Origin | None) -> Any:
        if o is None:
            return None
        return origins.setdefault((o.path, o.as_of), len(origins)), o.line
    return enc


def _origin(files: tuple[tuple[str, Any], ...], enc: Any) -> Origin | None:
    if enc is None:
        return None
    path, as_of = files[enc[0]]
    return tuple.__new__(Origin, (path, enc[1], as_of))


class People(_Packed):
    """Person id -> :class:`Person`; the context is the table of origin files."""

    __slots__ = ()

    def _decode(self, raw: bytes) -> Person:
        if raw[:1] == _PICKLE:
            return pickle.loads(raw[1:])  # noqa: S301 - written by this module into the cache
        values = list(marshal.loads(raw[1:]))  # the fields in their order (``_encode_person``)
        values[_PERSON_ORIGIN] = _origin(self._ctx, values[_PERSON_ORIGIN])
        return Person(*values)


class Offices(_Packed):
    """Office id -> :class:`Office` with its holders; the context is the table of origin files."""

    __slots__ = ()

    def _decode(self, raw: bytes) -> Office:
        if raw[:1] == _PICKLE:
            return pickle.loads(raw[1:])  # noqa: S301 - written by this module into the cache
        files = self._ctx
        values = dict(zip(_OFFICE_FIELDS, marshal.loads(raw[1:])))
        values["origin"] = _origin(files, values["origin"])
        if values["complete_from"] is not None:
            values["complete_from"] = _date(values["complete_from"])
        values["holders"] = tuple(
            tuple.__new__(Tenure, (person, office, _period(start), None if end is None else _period(end),
                                   source, _origin(files, origin), *rest))
            for person, office, start, end, source, origin, *rest in values["holders"]
        )
        return Office(**values)


class TenureRefs(_Packed):
    """Person id -> their tenures, as (office id, place among its holders); the context is the offices."""

    __slots__ = ()

    def _decode(self, raw: bytes) -> list[Tenure]:
        offices: Offices = self._ctx
        return [offices[oid].holders[i] for oid, i in marshal.loads(raw)]


def _date(ordinal: int) -> Any:
    import datetime as dt

    return dt.date.fromordinal(ordinal)


def _encode_person(p: Person, origin: Callable[[Origin | None], Any]) -> bytes:
    values = list(_PERSON_VALUES(p))
    values[_PERSON_ORIGIN] = origin(p.origin)
    try:
        return _MARSHAL + marshal.dumps(tuple(values))
    except ValueError:
        return _PICKLE + pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL)


def _plain_period(p: Any) -> bool:
    """*p* is the period its text reads as (the loader's own, as a rule: no parse needed)."""
    return _PERIODS.get(p.text) is p or _period(p.text) == p


def _encode_office(o: Office, origin: Callable[[Origin | None], Any]) -> bytes:
    def tenure(t: Tenure) -> tuple[Any, ...]:
        if len(t) != _TENURE_FIELDS or not _plain_period(t.start) or (t.end is not None and not _plain_period(t.end)):
            raise _Plain
        return (t.person, t.office, t.start.text, None if t.end is None else t.end.text, t.source, origin(t.origin),
                *t[6:])  # the fields after origin (party) as they are

    def field(name: str) -> Any:
        if name == "origin":
            return origin(o.origin)
        if name == "holders":
            return tuple(map(tenure, o.holders))
        if name == "complete_from":
            return None if o.complete_from is None else o.complete_from.toordinal()
        return getattr(o, name)

    return _dump(lambda: tuple(map(field, _OFFICE_FIELDS)), o)


def pack(index: KBIndex) -> KBIndex:
    """*index* with its person-scale tables packed (see the module's docstring)."""
    kb = index.kb
    origin_ids: dict[tuple[str, Any], int] = {}
    origin = _origin_codec(origin_ids)
    people_raw = [(pid, _encode_person(p, origin)) for pid, p in kb.people.items()]
    offices_raw = [(oid, _encode_office(o, origin)) for oid, o in kb.offices.items()]
    files = tuple(origin_ids)  # in the order of their numbers
    people = People(files)
    people.update(people_raw)
    offices = Offices(files)
    offices.update(offices_raw)

    # Every form is one of its person's; numbered in that order.
    forms = [nf for nfs in index.forms_by_person.values() for nf in nfs]
    number = {id(nf): i for i, nf in enumerate(forms)}

    def ids(nfs: list[NameForm]) -> tuple[int, ...]:
        try:
            return tuple(map(number.__getitem__, map(id, nfs)))
        except KeyError:  # a form that is no person's (none today): numbered now
            for nf in nfs:
                if id(nf) not in number:
                    number[id(nf)] = len(forms)
                    forms.append(nf)
            return tuple(number[id(nf)] for nf in nfs)

    def form_lists(table: dict[Any, list[NameForm]]) -> list[tuple[Any, bytes]]:
        dumps, at = marshal.dumps, number.__getitem__
        try:  # without a call per key: every form is numbered already, as a rule
            return [(k, dumps(tuple(map(at, map(id, v))))) for k, v in table.items()]
        except KeyError:
            return [(k, dumps(ids(v))) for k, v in table.items()]

    def trie(node: dict[str, Any]) -> dict[str, Any]:
        return {k: ids(v) if k == END else trie(v) for k, v in node.items()}

    tables = {name: form_lists(getattr(index, name))
              for name in ("forms_by_person", "by_family", "by_given", "by_given_part", "by_first_and_family")}
    names_raw = [(k, marshal.dumps(trie(v))) for k, v in index.names.items()]
    store = FormStore.of(forms)
    packed: dict[str, Any] = {}
    for name, raw in tables.items():
        packed[name] = FormLists(store)
        packed[name].update(raw)
    packed["names"] = NameTrie(store)
    packed["names"].update(names_raw)
    place = {id(t): (oid, i) for oid, o in kb.offices.items() for i, t in enumerate(o.holders)}
    at = place.__getitem__
    tenures = TenureRefs(offices)
    tenures.update((pid, marshal.dumps(tuple(map(at, map(id, ts))))) for pid, ts in index.tenures_by_person.items())
    packed["tenures_by_person"] = tenures
    packed["kb"] = dataclasses.replace(kb, people=people, offices=offices)
    return dataclasses.replace(index, **packed)
