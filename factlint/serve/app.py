"""The HTTP layer of ``factlint serve``: routes, limits and errors.

Takes a :class:`~factlint.serve.api.Checker` (the KB loaded once, at
start-up) and gives a Starlette application:

- ``POST /api/check`` (JSON ``{"text", "date"?, "format"?}``),
  ``GET /api/kb/who?name=…&on=…`` and ``GET /healthz`` answer JSON;
- ``GET /`` is the page (``page.html``, shipped in the package: its CSS and
  script are inline, and its Content-Security-Policy lets it load nothing
  from anywhere else).

Every refusal is JSON ``{"error": "…"}`` with a 4xx status: 415 for a body
that is not JSON (by its Content-Type) or not UTF-8; 413 for a body over
:data:`MAX_BODY_BYTES` (refused from its Content-Length before it is read,
or as soon as it grows past the limit); 400 for malformed JSON; 422 for a
missing or wrong field; 404 and 405 for a wrong path or method. Nothing
here writes a file.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from importlib.resources import files
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from factlint.fsio import size_text
from factlint.serve.api import BadRequest, Checker

# A request body, at most: far above any news draft (a long feature is
# ~100 kB) and well under the 10 MB a draft file may have, so one request
# cannot hold the (single) checker for long.
MAX_BODY_BYTES = 1024 * 1024

_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
_PAGE_HEADERS = {
    **_HEADERS,
    "Content-Security-Policy": ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                                "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
                                "frame-ancestors 'none'"),
    "Referrer-Policy": "no-referrer",
}


def page() -> bytes:
    """The page, as shipped in the package."""
    return files("factlint.serve").joinpath("page.html").read_bytes()


def _json(data: object, status: int = 200, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers={**_HEADERS, **(headers or {})})


async def read_json(request: Request) -> object:
    """The request's body as JSON, or :class:`BadRequest` saying why not."""
    media, _, params = request.headers.get("content-type", "").partition(";")
    charset = params.partition("charset=")[2].strip().strip('"').lower()
    if media.strip().lower() != "application/json" or charset not in ("", "utf-8", "utf8"):
        raise BadRequest(415, "send the draft as JSON: Content-Type: application/json (UTF-8), "
                              'body {"text": "…", "date": "YYYY-MM-DD"}')
    too_large = BadRequest(413, f"the request is larger than {size_text(MAX_BODY_BYTES)}, "
                                "the limit of factlint serve (check a long draft from the command line)")
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise too_large
        chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(415, f"the body is not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}") from None
    if not text.strip():
        raise BadRequest(400, 'empty body: send a JSON object such as {"text": "…"}')
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadRequest(400, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise BadRequest(400, "malformed JSON: nested too deeply") from None


async def _answer(work: Callable[[Any], dict[str, object]], arg: object) -> Response:
    # Checking is CPU work: off the event loop, so /healthz still answers.
    return _json(await run_in_threadpool(work, arg))


def create_app(checker: Checker) -> Starlette:
    body = page()

    async def index(request: Request) -> Response:
        return Response(body, media_type="text/html; charset=utf-8", headers=_PAGE_HEADERS)

    async def check(request: Request) -> Response:
        return await _answer(checker.check, await read_json(request))

    async def kb_who(request: Request) -> Response:
        return await _answer(checker.who, dict(request.query_params))

    async def healthz(request: Request) -> Response:
        return _json(checker.health())

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BadRequest)
        return _json({"error": exc.message}, exc.status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = {404: f"no such page: {request.url.path} (try / or POST /api/check)",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, exc.detail)
        return _json({"error": message}, exc.status_code, exc.headers)

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/kb/who", kb_who, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    return Starlette(routes=routes, exception_handlers={BadRequest: refused, HTTPException: http_error})
