"""Running ``factlint serve``: bind the socket, then hand it to uvicorn.

Takes a host and a port (:func:`bind`), then a
:class:`~factlint.serve.api.Checker` (:func:`run`); gives a server that runs until Ctrl-C (or SIGTERM). The socket is bound before
uvicorn starts, so an unknown host or a port in use is a one-line error
(exit 2), never a traceback. It says on stderr where it listens (port 0
picks a free port, and the line names it) and warns when the address is
not loopback: there is no authentication.
"""
from __future__ import annotations

import ipaddress
import socket
import sys

from factlint.errors import ConfigError, shown
from factlint.serve.api import Checker


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on *host*:*port*, or a :class:`ConfigError`."""
    if not host.strip():
        raise ConfigError(f"--host: empty value {shown(host)} (give an address, such as 127.0.0.1)")
    if not 0 <= port <= 65535:
        raise ConfigError(f"--port: {port} is not a port (0 to 65535; 0 picks a free one)")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise ConfigError(f"--host: cannot use {shown(host)}: {getattr(exc, 'strerror', None) or exc}") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot listen on {host} port {port}: {exc.strerror or exc}") from None
    return sock


def url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def is_loopback(sock: socket.socket) -> bool:
    return ipaddress.ip_address(sock.getsockname()[0]).is_loopback


def run(checker: Checker, sock: socket.socket, host: str) -> int:
    """Serve on *sock* (from :func:`bind`; *host* as the user wrote it) until stopped."""
    import uvicorn  # here, so that other commands do not pay for importing it

    from factlint.serve.app import create_app

    config = uvicorn.Config(create_app(checker), log_level="warning", access_log=False, lifespan="off",
                            server_header=False)
    print(f"factlint: serving {url(sock)} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    if not is_loopback(sock):
        print(f"factlint: warning: listening on {host}, not loopback: anyone who can reach this machine "
              "there can use the page and the API (there is no authentication)", file=sys.stderr, flush=True)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn raises the Ctrl-C again once it has stopped
        pass
    return 0
