#!/usr/bin/env python3
"""Crawl a running Kongtun as a visitor and as a signed-in user would, and fail on any 5xx.

Standard library only. It starts from a few pages, follows the links, stylesheets, scripts and
images it finds on this site (breadth first, at most --per-shape URLs of one shape such as
/projects/N/ so it spreads over the site instead of reading 200 projects, and at most --max URLs),
and prints a table of status codes. Behind the production settings the app sees HTTPS through
the proxy header, so every request carries X-Forwarded-Proto: https, and cookies marked Secure are
sent back over this plain-HTTP loopback connection.

    crawl.py http://127.0.0.1:8000 [--login officer:kongtun-demo] [--max 300] [--per-shape 3]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, deque
from html.parser import HTMLParser
from http.cookies import SimpleCookie

# Links a crawler must not follow: they log out, or only accept POST.
SKIP = re.compile(r"^/(accounts/logout/|i18n/setlang/)")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Client:
    """A browser-like client: keeps cookies (Secure ones too), sends the proxy's HTTPS header."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.host = urllib.parse.urlsplit(self.base).netloc
        self.origin = f"https://{self.host}"
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(
        self, path: str, data: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, method="POST" if body else "GET")
        req.add_header("X-Forwarded-Proto", "https")
        req.add_header("User-Agent", "kongtun-ci-crawl")
        if self.cookies:
            req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body is not None:
            # Django checks the origin of an HTTPS POST against the host.
            req.add_header("Origin", self.origin)
            req.add_header("Referer", self.origin + path)
        for name, value in (headers or {}).items():
            req.add_header(name, value)
        try:
            with self.opener.open(req, timeout=60) as resp:
                status, head, content = resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as exc:
            status, head, content = exc.code, exc.headers, exc.read()
        for header in head.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return status, {k.lower(): v for k, v in head.items()}, content

    def csrf_token(self, path: str) -> str:
        _status, _head, content = self.request(path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if not match:
            raise SystemExit(f"no CSRF token in the form at {path}")
        return match.group(1).decode()

    def login(self, username: str, password: str) -> int:
        """Log in through the real form; the status of the POST (302 when it worked)."""
        token = self.csrf_token("/accounts/login/")
        status, _head, _content = self.request(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": ""},
        )
        return status


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.pages.append(a["href"] or "")
        elif tag in ("script", "img") and a.get("src"):
            self.assets.append(a["src"] or "")
        elif tag == "link" and a.get("href") and "stylesheet" in (a.get("rel") or ""):
            self.assets.append(a["href"] or "")


def local_path(client: Client, base_path: str, href: str) -> str | None:
    """The site-relative path and query of a link on this site, or None."""
    url = urllib.parse.urlsplit(urllib.parse.urljoin(client.origin + base_path, href.strip()))
    if url.scheme not in ("http", "https") or url.netloc != client.host:
        return None
    query = urllib.parse.quote(url.query, safe="=&%+")
    path = urllib.parse.quote(url.path, safe="/%") + (f"?{query}" if query else "")
    return None if SKIP.match(path) else path


def shape(path: str) -> str:
    """/projects/12/report/?page=3 → /projects/N/report/: one shape for many pages. Filters in the
    query do not make a new shape (their combinations are endless), an export format does."""
    url = urllib.parse.urlsplit(path)
    fmt = dict(urllib.parse.parse_qsl(url.query)).get("format")
    return re.sub(r"\d+", "N", url.path) + (f"?format={fmt}" if fmt else "")


Result = tuple[str, int, str, float]  # path, status, page or asset, seconds


def crawl(client: Client, seeds: list[str], limit: int, per_shape: int) -> list[Result]:
    seen: set[str] = set()
    shapes: Counter[str] = Counter()
    queue: deque[tuple[str, str]] = deque(("page", s) for s in seeds)
    results: list[Result] = []
    while queue and len(results) < limit:
        kind, path = queue.popleft()
        if path in seen or (kind == "page" and shapes[shape(path)] >= per_shape):
            continue
        seen.add(path)
        shapes[shape(path)] += kind == "page"
        started = time.monotonic()
        status, head, content = client.request(path)
        results.append((path, status, kind, time.monotonic() - started))
        found: list[tuple[str, str]] = []
        if 300 <= status < 400 and head.get("location"):
            found.append(("page", head["location"]))
        elif status == 200 and head.get("content-type", "").startswith("text/html"):
            parser = Links()
            parser.feed(content.decode("utf-8", "replace"))
            found += [("page", h) for h in parser.pages] + [("asset", h) for h in parser.assets]
        for found_kind, href in found:
            target = local_path(client, path, href)
            if target and target not in seen:
                queue.append((found_kind, target))
    return results


def failed(status: int, kind: str) -> bool:
    """A server error anywhere, or a stylesheet, script or image that does not load."""
    return status >= 500 or (kind == "asset" and status != 200)


def report(title: str, results: list[Result], seconds: float) -> int:
    """Print the table, the refusals and the slowest pages; the number of failures."""
    shapes = len({shape(p) for p, *_ in results})
    print(f"\n{title}: {len(results)} URLs of {shapes} shapes in {seconds:.1f} s")
    table = Counter((status, kind) for _p, status, kind, _s in results)
    print(f"  {'status':>6}  {'pages':>5}  {'assets':>6}")
    for status in sorted({s for s, _k in table}):
        print(f"  {status:>6}  {table[(status, 'page')]:>5}  {table[(status, 'asset')]:>6}")
    for path, status, kind, _s in results:
        if status >= 400:
            print(f"  {'FAIL' if failed(status, kind) else '    '} {status} {kind} {path}")
    slowest = sorted(results, key=lambda r: -r[3])[:5]
    print("  slowest:", ", ".join(f"{p} {s:.2f} s" for p, _st, _k, s in slowest))
    return sum(failed(status, kind) for _p, status, kind, _s in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="http://127.0.0.1:PORT")
    parser.add_argument("--login", help="USER:PASSWORD, logged in through the login form first")
    parser.add_argument("--seed", action="append", default=[], help="another page to start from")
    parser.add_argument("--max", type=int, default=300)
    parser.add_argument("--per-shape", type=int, default=3)
    args = parser.parse_args()
    client = Client(args.base)
    title = "public pages"
    if args.login:
        username, password = args.login.split(":", 1)
        status = client.login(username, password)
        if status != 302 or "sessionid" not in client.cookies:
            print(f"login as {username} failed: {status}", file=sys.stderr)
            return 1
        title = f"pages of {username}"
    started = time.monotonic()
    seeds = [p for p in (local_path(client, "/", s) for s in ["/", *args.seed]) if p]
    results = crawl(client, seeds, args.max, args.per_shape)
    failures = report(title, results, time.monotonic() - started)
    if failures:
        print(f"{failures} failures", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
