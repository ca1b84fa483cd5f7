"""`manage.py create_token USER [--name N]`: an API token for a user, printed once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kongtun.accounts.models import User
from kongtun.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Create an API token for a user (by username or e-mail) and print its key once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("user", help="username or e-mail address")
        parser.add_argument("--name", default="command line", help="what the token is for")

    def handle(self, *args: Any, user: str, name: str, **options: Any) -> None:
        field = "email__iexact" if "@" in user else "username__iexact"
        owner = User.objects.filter(**{field: user}).first()
        if owner is None:
            raise CommandError(f"No user {user!r}.")
        token, key = api_token_create(user=owner, name=name)
        self.stderr.write(f"Token {token.name!r} for {owner.username}; the key is shown only this once:")
        self.stdout.write(key)
