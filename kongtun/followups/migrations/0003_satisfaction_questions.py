"""The programme's ten default satisfaction questions (configurable afterwards in the admin)."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def add_questions(apps: Any, schema_editor: Any) -> None:
    from kongtun.followups.checklists import seed_questions

    seed_questions(apps)


class Migration(migrations.Migration):
    dependencies = [("followups", "0002_satisfactionquestion_closingproblem_and_more")]
    operations = [migrations.RunPython(add_questions, migrations.RunPython.noop)]
