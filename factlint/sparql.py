"""Asking a SPARQL endpoint (the Wikidata query service) for P39 "position held".

Takes an endpoint URL and Wikidata position ids; gives the result rows as
:class:`~factlint.importers.wikidata.Statement`, or raises
:class:`~factlint.errors.NetworkError` with one line saying what went wrong
(offline, refused, a DNS failure, an HTTP status, a timeout, an answer that
is not SPARQL results JSON). Only the standard library (``urllib``) is used;
nothing here runs at ``factlint check`` time.

Requests follow the query service's rules: a POST of the query, ``Accept:
application/sparql-results+json``, a User-Agent naming factlint and where
it comes from, one request at a time.
"""
from __future__ import annotations

import http.client
import json
import socket
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from typing import Any

from factlint import __version__, tuning
from factlint.errors import ConfigError, NetworkError, shown
from factlint.importers.wikidata import Statement, bindings_of, read_statement

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
ACCEPT = "application/sparql-results+json"
USER_AGENT = (f"factlint/{__version__} (https://github.com/factlint/factlint; factlint kb update) "
              f"Python-urllib/{sys.version_info.major}.{sys.version_info.minor}")

QUERY = """\
SELECT ?person ?personLabel ?personAltLabel ?position ?start ?startPrecision ?end ?endPrecision
WHERE {{
  VALUES ?position {{ {values} }}
  ?person p:P39 ?held .
  ?held ps:P39 ?position .
  FILTER NOT EXISTS {{ ?held wikibase:rank wikibase:DeprecatedRank }}
  OPTIONAL {{ ?held pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] }}
  OPTIONAL {{ ?held pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en" . }}
}}
ORDER BY ?position ?start
"""


def build_query(positions: Sequence[str]) -> str:
    """The P39 query for *positions* (Q-ids, already validated by the KB loader)."""
    return QUERY.format(values=" ".join(f"wd:{q}" for q in positions))


def batches(positions: Sequence[str], size: int = tuning.UPDATE_BATCH) -> list[list[str]]:
    """*positions* in order, at most *size* per request."""
    return [list(positions[i:i + size]) for i in range(0, len(positions), size)]


def check_endpoint(endpoint: str) -> str:
    """*endpoint* if it is an http(s) URL with a host; else a ConfigError."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"--endpoint: expected an http:// or https:// URL, got {shown(endpoint)}")
    return endpoint


def _reason(exc: BaseException) -> str:
    """Why a connection failed, in words a user can act on."""
    if isinstance(exc, socket.gaierror):
        return "cannot resolve the host name (offline, or a wrong --endpoint?)"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused (offline, or nothing answers at that address)"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {exc.reason or exc}"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__


def _read(resp: Any, endpoint: str, timeout: float) -> bytes:
    """The whole body, within *timeout* overall (not only per read) and the size limit."""
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = resp.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > tuning.UPDATE_MAX_BYTES:
            raise NetworkError(f"the answer is longer than {tuning.UPDATE_MAX_BYTES // (1024 * 1024)} MiB; "
                               "refused (nothing written)", endpoint)
        chunks.append(chunk)


def post(endpoint: str, query: str, timeout: float) -> tuple[bytes, str]:
    """POST *query*; give the body and its Content-Type, or raise NetworkError."""
    data = urllib.parse.urlencode({"query": query}).encode("ascii")
    request = urllib.request.Request(endpoint, data=data, method="POST", headers={
        "Accept": ACCEPT, "User-Agent": USER_AGENT,
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310 - http(s) checked
            return _read(resp, endpoint, timeout), resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        retry = exc.headers.get("Retry-After") if exc.headers else None
        hint = " (too many requests: wait, then run again)" if exc.code == 429 else ""
        after = f"; retry after {retry} s" if retry and retry.strip().isdigit() else ""
        raise NetworkError(f"HTTP {exc.code} {exc.reason}{hint}{after}; nothing written", endpoint) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _timeout(endpoint, timeout) from None
        reason = exc.reason if isinstance(exc.reason, BaseException) else OSError(0, str(exc.reason))
        raise NetworkError(f"cannot connect: {_reason(reason)}; nothing written", endpoint) from None
    except TimeoutError:
        raise _timeout(endpoint, timeout) from None
    except (http.client.HTTPException, ConnectionError) as exc:
        raise NetworkError(f"the connection broke off: {_reason(exc)}; nothing written", endpoint) from None
    except OSError as exc:
        raise NetworkError(f"cannot connect: {_reason(exc)}; nothing written", endpoint) from None


def _timeout(endpoint: str, timeout: float) -> NetworkError:
    return NetworkError(f"no complete answer within {timeout:g} s (try a longer --timeout); nothing written",
                        endpoint)


def parse(body: bytes, content_type: str, endpoint: str) -> list[Statement]:
    """The rows of a SPARQL results JSON body; NetworkError if it is anything else."""
    kind = content_type.split(";")[0].strip() or "no content type"
    try:
        data = json.loads(body.decode("utf-8-sig"))
        rows = bindings_of(data)
    except UnicodeDecodeError:
        raise NetworkError(f"the answer ({kind}) is not UTF-8 text; nothing written", endpoint) from None
    except json.JSONDecodeError as exc:
        raise NetworkError(f"the answer ({kind}) is not SPARQL results JSON: {exc.msg} at line {exc.lineno} "
                           f"column {exc.colno}; nothing written", endpoint) from None
    except ValueError as exc:
        raise NetworkError(f"the answer ({kind}) is {exc}; nothing written", endpoint) from None
    out = []
    for i, row in enumerate(rows):
        try:
            out.append(read_statement(row))
        except ValueError as exc:
            raise NetworkError(f"result row {i + 1}: {exc}; nothing written", endpoint) from None
    return out


def fetch(endpoint: str, positions: Sequence[str], timeout: float) -> list[Statement]:
    """Every P39 statement of *positions* that the endpoint gives, in one request."""
    body, content_type = post(endpoint, build_query(positions), timeout)
    return parse(body, content_type, endpoint)
