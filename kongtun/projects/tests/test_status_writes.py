"""A project's status is written in one place: `projects.services._change`, which every verb goes
through and which reads the transition table. This reads the source of every module (not the demo
and bench data generators, migrations or tests, which may create rows in any status) and lists
every place that writes a `status`."""

from __future__ import annotations

import ast
from pathlib import Path

import kongtun

ROOT = Path(kongtun.__file__).parent
SKIPPED = {"migrations", "tests", "demo", "bench"}
THE_HELPER = ("projects/services.py", "_change")
# Not a project's status: the search index keeps a copy of it on a project's report documents, and
# the field app marks a synced record's conflict resolved (its own SyncRecord.status), and webhooks
# record what came of sending a delivery (Delivery.status), and an export job its progress
# (ExportJob.status: running, then done or failed).
COPIES = [
    ("search/services.py", "search_document_update"),
    ("field/services.py", "conflict_resolve"),
    ("webhooks/services.py", "delivery_attempt"),
    *[("reports/services.py", "export_job_run")] * 3,
]


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        found: list[ast.expr] = []
        for target in node.targets:
            found.extend(target.elts if isinstance(target, ast.Tuple | ast.List) else [target])
        return found
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return [node.target]
    return []


def _writes_status(node: ast.AST) -> bool:
    """`x.status = …`, `setattr(x, "status", …)`, `….update(status=…)`, `….bulk_update(…, ["status"])`."""
    if any(isinstance(t, ast.Attribute) and t.attr == "status" for t in _targets(node)):
        return True
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name) and func.id == "setattr" and len(node.args) > 1:
        return isinstance(node.args[1], ast.Constant) and node.args[1].value == "status"
    if isinstance(func, ast.Attribute) and func.attr == "update":
        return any(k.arg == "status" for k in node.keywords)
    if isinstance(func, ast.Attribute) and func.attr == "bulk_update":
        return any(
            isinstance(c, ast.Constant) and c.value == "status" for a in node.args for c in ast.walk(a)
        )
    return False


def _status_writes(root: Path = ROOT) -> list[tuple[str, str]]:
    """(module, function) of every status write; `<module>` for one outside any function."""
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if SKIPPED & {*relative.parts[:-1], path.stem} or path.name == "conftest.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner: dict[ast.AST, str] = {}
        for node in ast.walk(tree):  # outer functions first, so a nested one claims its own body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                owner.update(dict.fromkeys(ast.walk(node), node.name))
        found += [
            (relative.as_posix(), owner.get(n, "<module>")) for n in ast.walk(tree) if _writes_status(n)
        ]
    return found


def test_no_module_outside_the_one_helper_writes_a_project_status():
    assert sorted(_status_writes()) == sorted([THE_HELPER, *COPIES])


def test_the_scan_finds_a_status_written_directly(tmp_path):
    """The scan itself can fail: modules that set a status directly are found."""
    (tmp_path / "closing.py").write_text(
        "def close(project):\n    project.status = 'completed'\n    project.save()\n", encoding="utf-8"
    )
    (tmp_path / "bulk.py").write_text(
        "def close_all(qs):\n    qs.update(status='completed')\n", encoding="utf-8"
    )
    (tmp_path / "loose.py").write_text("setattr(project, 'status', 'running')\n", encoding="utf-8")
    assert _status_writes(tmp_path) == [
        ("bulk.py", "close_all"),
        ("closing.py", "close"),
        ("loose.py", "<module>"),
    ]
