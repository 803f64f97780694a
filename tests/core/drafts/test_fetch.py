"""Fetching a URL: public addresses only, a byte cap and one deadline, against a real server.

The server runs on loopback, which production refuses: these tests pass
`allow_private=True`, except those that check the refusal itself.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.core.drafts import Known, draft_url
from bot.core.drafts.fetch import fetch_url
from bot.core.drafts.limits import DraftLimits
from bot.core.errors import DocumentError

PAGE = (Path(__file__).parent / "fixtures" / "release.html").read_bytes()
LIMITS = DraftLimits(max_bytes=200_000, fetch_deadline=2.0, max_redirects=3)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Quiet."""

    def _send(
        self, status: int, body: bytes, content_type: str = "text/html", length: bool = True
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        """Each path is one behaviour under test."""
        path = self.path
        if path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/big":
            self._send(200, b"<p>" + b"a" * 300_000 + b"</p>")
        elif path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):  # 400 kB without a Content-Length
                self.wfile.write(b"b" * 10_000)
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):  # one byte every 0.1 s: 10 s in all, never idle long
                try:
                    self.wfile.write(b"c")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4 " * 100, "application/pdf")
        else:
            self._send(404, b"not here")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A real HTTP server on loopback; its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_is_fetched_and_drafted(server: str) -> None:
    """The loopback page, allowed explicitly, becomes a draft citing its URL."""
    draft = draft_url(Known.empty(), f"{server}/page", LIMITS, allow_private=True)
    (source,) = [raw for kind, raw in draft.entries if kind == "source"]
    assert source["url"] == f"{server}/page"
    assert any(kind == "letter" for kind, _ in draft.entries)


def test_redirects_are_followed_and_the_final_url_kept(server: str) -> None:
    """A 302 to the page lands on the page."""
    fetched = fetch_url(f"{server}/redirect", LIMITS, allow_private=True)
    assert fetched.url == f"{server}/page" and fetched.data == PAGE


def test_a_redirect_loop_is_refused(server: str) -> None:
    """More redirects than the limit is an error."""
    with pytest.raises(DocumentError, match="redirects more than 3"):
        fetch_url(f"{server}/loop", LIMITS, allow_private=True)


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_pages_over_the_byte_cap_are_refused(server: str, path: str) -> None:
    """Announced or not, a body over the cap stops the fetch."""
    with pytest.raises(DocumentError, match="200,000"):
        fetch_url(f"{server}{path}", LIMITS, allow_private=True)


def test_a_server_that_drips_bytes_hits_the_deadline(server: str) -> None:
    """One byte every 0.1 s never times out a read, but the whole fetch has a deadline."""
    with pytest.raises(DocumentError, match=r"longer than 0\.5 seconds"):
        fetch_url(f"{server}/slow", DraftLimits(fetch_deadline=0.5), allow_private=True)


def test_other_media_types_and_errors_are_refused(server: str) -> None:
    """A PDF and a 404 each get their own message."""
    with pytest.raises(DocumentError, match="application/pdf"):
        fetch_url(f"{server}/pdf", LIMITS, allow_private=True)
    with pytest.raises(DocumentError, match="HTTP error 404"):
        fetch_url(f"{server}/missing", LIMITS, allow_private=True)


def test_loopback_is_refused_in_production(server: str) -> None:
    """Without the test setting, the same server is refused: by address and by name."""
    port = server.rsplit(":", 1)[1]
    for url in (f"{server}/page", f"http://localhost:{port}/page"):
        with pytest.raises(DocumentError, match="private, loopback or link-local"):
            fetch_url(url, LIMITS)


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.5/",
        "http://169.254.169.254/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ],
)
def test_private_addresses_are_refused_before_connecting(url: str) -> None:
    """Address literals are checked before any connection is made."""
    with pytest.raises(DocumentError, match="private, loopback or link-local"):
        fetch_url(url, LIMITS)


def test_every_address_of_a_name_is_checked() -> None:
    """A name with one public and one private address is refused (no connection made)."""

    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.1.2.3"]

    with pytest.raises(DocumentError, match=r"10\.1\.2\.3"):
        fetch_url("http://news.example/story", LIMITS, resolver=resolver)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/file.txt", "http:// or https://"),
        ("file:///etc/passwd", "http:// or https://"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http://[::1/", "not a valid URL"),
    ],
)
def test_bad_urls_are_refused(url: str, message: str) -> None:
    """Other schemes, credentials and broken URLs are refused with a reason."""
    with pytest.raises(DocumentError, match=message):
        fetch_url(url, LIMITS)
