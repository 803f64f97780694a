"""Fetch a web page for a draft, safely: public addresses only, bounded in bytes and time.

Blocking I/O (callers run it off the event loop). Every hop, redirects included, resolves
the host once, refuses it when any of its addresses is private, loopback, link-local or
otherwise not public, and then connects to that checked address (not to a second lookup,
which could answer differently). The body is streamed under a byte cap and one deadline
for the whole fetch. Tests serve pages on loopback by passing `allow_private=True`.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import urllib3

from bot.core.drafts.document import MEDIA_TYPES
from bot.core.drafts.limits import DEFAULT_LIMITS, DraftLimits
from bot.core.errors import DocumentError

Resolver = Callable[[str, int], Sequence[str]]
_USER_AGENT = "campaign-bot-drafter/1 (+a moderator asked for a draft of this page)"
_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: its final URL, its bytes and its media type."""

    url: str
    data: bytes
    content_type: str | None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def fetch_url(
    url: str,
    limits: DraftLimits = DEFAULT_LIMITS,
    allow_private: bool = False,
    resolver: Resolver = system_resolver,
) -> Fetched:
    """GET `url`, following redirects; raise DocumentError on anything unsafe or too big."""
    deadline = time.monotonic() + limits.fetch_deadline
    for _ in range(limits.max_redirects + 1):
        scheme, host, port, target = _parse(url)
        address = _checked_address(host, port, allow_private, resolver, deadline)
        response = _request(scheme, host, port, target, address, limits, deadline)
        try:
            location = response.headers.get("Location")
            if response.status in (301, 302, 303, 307, 308) and location:
                url = urljoin(url, location)
                continue
            if response.status >= 400:
                raise DocumentError(f"The page answered with HTTP error {response.status}.")
            content_type = response.headers.get("Content-Type")
            media = (content_type or "").split(";")[0].strip().casefold()
            if media and media not in MEDIA_TYPES:
                raise DocumentError(f"The URL gives “{media[:60]}”, not a web page or text.")
            data = _read(response, limits, deadline)
            return Fetched(url, data, content_type)
        finally:
            response.release_conn()
            response.close()
    raise DocumentError(f"The URL redirects more than {limits.max_redirects} times.")


def _parse(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise DocumentError("That is not a valid URL.") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DocumentError("Give an http:// or https:// URL.")
    if parts.username or parts.password:
        raise DocumentError("URLs with a user name or password are not fetched.")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80), target


def _checked_address(
    host: str, port: int, allow_private: bool, resolver: Resolver, deadline: float
) -> str:
    """One address of `host` to connect to, after checking every address it has."""
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        addresses = _resolve(host, port, resolver, deadline)
    if not addresses:
        raise DocumentError(f"The host “{host[:100]}” has no address.")
    for address in addresses:
        if not allow_private and not _public(address):
            raise DocumentError(
                f"The URL points to a private, loopback or link-local "
                f"address ({address}); only public web pages are fetched."
            )
    return addresses[0]


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not _public(str(embedded)):
            return False
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int, resolver: Resolver, deadline: float) -> list[str]:
    """Resolve in a helper thread so a hanging DNS lookup cannot outlive the deadline."""
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["addresses"] = list(resolver(host, port))
        except OSError as exc:
            result["error"] = exc

    worker = threading.Thread(target=work, daemon=True, name="draft-resolve")
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise DocumentError("The URL's host name could not be resolved in time.")
    if "error" in result:
        raise DocumentError(f"The host “{host[:100]}” could not be found.")
    return list(result["addresses"])


def _request(
    scheme: str,
    host: str,
    port: int,
    target: str,
    address: str,
    limits: DraftLimits,
    deadline: float,
) -> urllib3.BaseHTTPResponse:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise DocumentError(f"The page took longer than {limits.fetch_deadline:g} seconds.")
    timeout = urllib3.Timeout(connect=min(limits.connect_timeout, remaining), read=remaining)
    pool: urllib3.HTTPConnectionPool
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1)
    default = 443 if scheme == "https" else 80
    headers = {
        "Host": host if port == default else f"{host}:{port}",
        "User-Agent": _USER_AGENT,
        "Accept": "text/html, application/xhtml+xml, text/plain, text/markdown",
    }
    try:
        return pool.urlopen(
            "GET",
            target,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
    except (urllib3.exceptions.TimeoutError, TimeoutError):
        raise DocumentError(
            f"The page took longer than {limits.fetch_deadline:g} seconds."
        ) from None
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise DocumentError(f"The page could not be fetched ({type(exc).__name__}).") from None


def _read(response: urllib3.BaseHTTPResponse, limits: DraftLimits, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise DocumentError(
            f"The page is {int(declared):,} bytes; a draft takes at most {limits.max_bytes:,}."
        )
    body = bytearray()
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DocumentError(f"The page took longer than {limits.fetch_deadline:g} seconds.")
            _set_read_timeout(response, remaining)
            # read1 returns after one read from the socket, so a server that drips bytes
            # cannot hold the loop past the deadline; decoding is capped chunk by chunk.
            chunk = response.read1(_CHUNK)
            if not chunk:
                return bytes(body)
            body += chunk
            if len(body) > limits.max_bytes:
                raise DocumentError(
                    f"The page is larger than {limits.max_bytes:,} bytes, the most a draft takes."
                )
    except (urllib3.exceptions.TimeoutError, TimeoutError):
        raise DocumentError(
            f"The page took longer than {limits.fetch_deadline:g} seconds."
        ) from None
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise DocumentError(f"The page could not be read ({type(exc).__name__}).") from None


def _set_read_timeout(response: urllib3.BaseHTTPResponse, seconds: float) -> None:
    sock = getattr(getattr(response, "connection", None), "sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.01))
