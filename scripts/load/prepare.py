"""Before a load run: API tokens for the demo officers (their web sign-in needs a TOTP code,
and each code is accepted once, so many simulated officers cannot share one), written to
var/load/tokens.json. Earlier load-test tokens are revoked first."""

import json
import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "champions.config.settings.load")
django.setup()

from champions.accounts.selectors import api_token_list, user_get_by_email  # noqa: E402
from champions.accounts.services import api_token_create, api_token_revoke  # noqa: E402

OFFICERS = ["hub@demo.champions.in", "spoke.mh@demo.champions.in"]
TOKEN_NAME = "load test"  # noqa: S105 - a label, not a secret


def main() -> None:
    tokens = []
    for email in OFFICERS:
        user = user_get_by_email(email=email)
        if user is None:
            raise SystemExit(f"{email} is missing: run `champions setup` (make setup) first")
        for token in api_token_list(user=user):
            if token.name == TOKEN_NAME:
                api_token_revoke(user=user, token_id=token.pk)
        tokens.append(api_token_create(user=user, name=TOKEN_NAME).key)
    out = Path(os.environ.get("CHAMPIONS_VAR_DIR", "var")) / "load" / "tokens.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"officer_tokens": tokens}))
    out.chmod(0o600)


if __name__ == "__main__":
    main()
