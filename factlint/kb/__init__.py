"""Loading a KB: the default KB, then each ``--kb``, compiled and cached.

The compiled index is packed (:mod:`factlint.kb.packed`: the tables that
grow with the number of people decoded entry by entry, when first read) and
pickled under the cache directory
(``$FACTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/factlint``, else
``~/.cache/factlint``), keyed by factlint's version, the source files of every module the index is
built from (``_INDEX_MODULES``), and the path, size and modification time of
every KB file, so any edit to a KB file or to that code rebuilds it.
A cache that cannot be read or written is ignored, never an error.

The cache is written by :mod:`factlint.kb.writer`, atomically. For a large
KB in a process with one thread, a detached process packs and writes it
while :func:`load_kb` returns the index it built (equal, table by table, to
the packed one); below ``tuning.CACHE_DETACH_MIN_RECORDS`` people and
tenures, and wherever a fork is not safe, this process does.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import weakref
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from factlint import dates, lexicon, text, tuning, variants
from factlint.errors import KnowledgeBaseError
from factlint.kb import index as _index_module
from factlint.kb import model as _model_module
from factlint.kb import packed as _packed_module
from factlint.kb import schema as _schema_module
from factlint.kb import writer
from factlint.kb.index import KBIndex
from factlint.kb.loader import kb_files, load_sources
from factlint.kb.packed import pack

# Everything the compiled index is built from or copies: editing any of these
# rebuilds the cached index (lexicon: modifiers and office words; tuning: the
# heuristics' numbers; the name variants' data file, since the name matcher
# the index serves reads it).
_INDEX_MODULES = (_index_module, _model_module, _packed_module, _schema_module, dates, text, lexicon, tuning, variants)

CACHE_FORMAT = "4"

# Indexes whose cache a detached process writes (by id; the reference tells a reused id apart).
_DETACHED: dict[int, weakref.ref[KBIndex]] = {}


def default_kb_dir() -> Path:
    return Path(str(files("factlint._kb")))


def cache_dir() -> Path:
    env = os.environ.get("FACTLINT_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "factlint" if xdg else Path.home() / ".cache" / "factlint"


def _cache_key(sources: list[Path]) -> str | None:
    """The cache key of *sources*, or None when one of them cannot be read."""
    from factlint import __version__

    h = hashlib.sha256(f"{CACHE_FORMAT}:{__version__}".encode())
    # The code that defines what is pickled is part of the key too: an index
    # built by other code is never loaded.
    for src in (*(Path(m.__file__ or "") for m in _INDEX_MODULES), variants.DATA):
        st = src.stat()
        h.update(f"{src}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    problems: list[KnowledgeBaseError] = []
    try:
        for source in sources:
            h.update(b"\0source\0" + str(source.resolve()).encode())
            for f in kb_files(source, problems):
                st = f.stat()
                h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    except (OSError, RuntimeError, KnowledgeBaseError):  # a loop, a missing source: loading reports it
        return None
    return None if problems else h.hexdigest()[:32]


def kb_sources(paths: Sequence[str | Path] = (), default: bool = True) -> list[Path]:
    return ([default_kb_dir()] if default else []) + [Path(p) for p in paths]


def load_kb(paths: Sequence[str | Path] = (), *, default: bool = True, cache: bool = True) -> KBIndex:
    """Load, validate and compile KBs (the default KB first, then *paths*).

    Raises :class:`~factlint.errors.KnowledgeBaseErrors` listing every problem.
    """
    sources = kb_sources(paths, default)
    key = _cache_key(sources) if cache else None
    cache = key is not None
    target = cache_dir() / f"kb-{key}.pickle"
    if cache:
        try:
            with target.open("rb") as fh:
                gc_was_on = gc.isenabled()
                gc.disable()  # nothing to collect while unpickling: ~40% of the load time otherwise
                try:
                    index = pickle.load(fh)
                finally:
                    if gc_was_on:
                        gc.enable()
            if isinstance(index, KBIndex):
                return index
        except Exception:  # noqa: BLE001 - a stale or broken cache is just rebuilt
            pass
    # The first load makes millions of objects and no garbage cycles: the
    # collector, left on, would walk them again and again (about 15% of it).
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        index = KBIndex.build(load_sources(sources))
        if cache and writer.can_detach(_records(index)) and writer.store_detached(target, index):
            for dead in [k for k, ref in _DETACHED.items() if ref() is None]:
                del _DETACHED[dead]
            _DETACHED[id(index)] = weakref.ref(index)
            return index  # the built index: equal, table by table, to the packed one the cache holds
        # Otherwise packed, cached or not, so that the index reads as the cache gives it back.
        index = pack(index)
    finally:
        if gc_was_on:
            gc.enable()
    if cache:
        writer.store(target, index)
    return index


def _records(index: KBIndex) -> int:
    """People and tenures: what packing and pickling take time in proportion to."""
    kb = index.kb
    return len(kb.people) + sum(len(o.holders) for o in kb.offices.values())


def cache_written_apart(index: KBIndex) -> bool:
    """Whether *index* was built by this process and its cache is written by
    a detached process (see :mod:`factlint.kb.writer`), so that the cache
    may not be there yet: a worker process should be handed this index
    instead of loading the cache."""
    ref = _DETACHED.get(id(index))
    return ref is not None and ref() is index
