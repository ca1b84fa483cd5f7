"""The layers of CONTRIBUTING.md hold: an app imports only the apps below it (import-linter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _lint(config: Path) -> subprocess.CompletedProcess[str]:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint_imports), "--no-cache", str(config)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_every_app_imports_only_the_layers_below_it() -> None:
    result = _lint(ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_fails_when_a_lower_app_imports_an_upper_one(tmp_path: Path) -> None:
    # With two layers swapped the contract must break: the check really reads the imports.
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    swapped = text.replace(
        '"kongtun.followups",\n    "kongtun.projects",', '"kongtun.projects",\n    "kongtun.followups",'
    )
    assert swapped != text
    config = tmp_path / "pyproject.toml"
    config.write_text(swapped, encoding="utf-8")
    result = _lint(config)
    assert result.returncode != 0
    assert "kongtun.followups is not allowed to import kongtun.projects" in result.stdout
