from __future__ import annotations

from django.db import migrations


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    from kongtun.programme.seed import seed

    seed(apps)


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
