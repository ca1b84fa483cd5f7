#!/usr/bin/env python3
"""Print a page of a running Kongtun as an anonymous visitor gets it, without its per-request CSRF
token, so the same page served from two databases can be compared with diff.

    fetch_page.py http://127.0.0.1:PORT /dashboards/ > page.html
"""

from __future__ import annotations

import re
import sys

from crawl import Client

TOKEN = re.compile(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+')


def main() -> int:
    base, path = sys.argv[1:3]
    status, _head, content = Client(base).request(path)
    if status != 200:
        print(f"{path}: {status}", file=sys.stderr)
        return 1
    sys.stdout.write(TOKEN.sub(r"\1…", content.decode()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
