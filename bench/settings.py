"""The production settings (DJANGO_DEBUG=0), with the collected static files in a directory of the
benchmark's own (bench/common.py sets it), so that a benchmark never writes into the checkout's
staticfiles/ and needs no web server in front: WhiteNoise serves them as it does in production."""

from __future__ import annotations

import os
from pathlib import Path

from kongtun.settings import *  # noqa: F403 - the settings under test, unchanged but for the line below

STATIC_ROOT = Path(os.environ["KONGTUN_BENCH_STATIC_ROOT"])
