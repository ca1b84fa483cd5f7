#!/usr/bin/env python3
"""Show that the login limits hold on a running server with several workers.

Run against gunicorn with DJANGO_TRUSTED_PROXY_COUNT=1 (this script plays the proxy and sets
X-Forwarded-For): 30 wrong passwords for one account are refused after the per-account limit,
another account from the same client address still logs in, many accounts tried from one address
are refused after the per-address limit, and a user elsewhere behind the same proxy still logs in.
With --access-log (gunicorn's, format '%(p)s %(m)s %(U)s %(s)s') it tells which workers answered.

    login_limit.py http://127.0.0.1:PORT --user officer:kongtun-demo --victim officer2
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crawl import Client


def tries(base: str, logins: list[tuple[str, str]], address: str) -> list[int]:
    """POST each username and password through one browser at one client address."""
    client = Client(base)
    token = client.csrf_token("/accounts/login/")
    return [
        client.request(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
            headers={"X-Forwarded-For": address},
        )[0]
        for username, password in logins
    ]


@contextmanager
def other_visitors(base: str, count: int = 2) -> Iterator[None]:
    """Keep some workers busy with page views meanwhile.

    On a quiet machine one sync worker can win every accept, and the login tries would then all be
    answered by the same process, which shows nothing about limits shared across workers.
    """
    done = threading.Event()

    def browse() -> None:
        client = Client(base)
        while not done.is_set():
            client.request("/accounts/login/")

    threads = [threading.Thread(target=browse, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        done.set()
        for thread in threads:
            thread.join()


def run(label: str, statuses: list[int], allowed: int) -> bool:
    ok = statuses == [200] * allowed + [429] * (len(statuses) - allowed)
    print(
        f"  {label}: {len(statuses)} tries, answered {dict(Counter(statuses))}; "
        f"first 429 at try {statuses.index(429) + 1 if 429 in statuses else '-'} "
        f"(expected after {allowed}) {'ok' if ok else 'WRONG'}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base")
    parser.add_argument("--user", required=True, help="USER:PASSWORD of an account that must still log in")
    parser.add_argument("--victim", required=True, help="an account whose password is guessed")
    parser.add_argument("--per-account", type=int, default=10)
    parser.add_argument("--per-address", type=int, default=30)
    parser.add_argument("--access-log", type=Path)
    args = parser.parse_args()
    username, password = args.user.split(":", 1)
    results = []

    print("login limits")
    with other_visitors(args.base):
        statuses = tries(args.base, [(args.victim, f"wrong-{i}") for i in range(30)], "203.0.113.5")
        results.append(run(f"wrong passwords for {args.victim} from 203.0.113.5", statuses, args.per_account))
        [status] = tries(args.base, [(username, password)], "203.0.113.5")
        print(f"  {username} from the same address 203.0.113.5: {status}")
        results.append(status == 302)

        statuses = tries(
            args.base, [(f"guess-{i}", "wrong") for i in range(args.per_address + 10)], "203.0.113.6"
        )
        results.append(run("many accounts tried from 203.0.113.6", statuses, args.per_address))
        [status] = tries(args.base, [(username, password)], "203.0.113.7")
        print(f"  {username} from 203.0.113.7 behind the same proxy: {status}")
        results.append(status == 302)

    if args.access_log:
        pids = Counter(
            line.split()[0].strip("<>")
            for line in args.access_log.read_text().splitlines()
            if " POST /accounts/login/ " in line
        )
        print(f"  login POSTs answered by {len(pids)} workers: {dict(pids)}")
        results.append(len(pids) > 1)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
