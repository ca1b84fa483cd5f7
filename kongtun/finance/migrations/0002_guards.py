"""The database's guard of the books (kongtun/finance/triggers.py) on SQLite and PostgreSQL."""

from django.db import migrations

from kongtun.finance.triggers import install, uninstall


class Migration(migrations.Migration):
    dependencies = [("finance", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
