from __future__ import annotations

from django.db import migrations


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    from kongtun.programme.seed import seed_finance_rules

    seed_finance_rules(apps)


class Migration(migrations.Migration):
    dependencies = [("programme", "0003_finance_rules")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
