from django.core.management.base import BaseCommand

from champions.web.demo import demo_logins, demo_totp


class Command(BaseCommand):
    help = "Print the demo logins."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"  Demo logins (password for all: {demo_logins()[0][2]})")
        for role, email, _password in demo_logins():
            self.stdout.write(f"    {role:<15} {email}")
        secret, code, roles = demo_totp()
        self.stdout.write(f"  Second factor for {', '.join(roles)}: TOTP secret {secret}")
        self.stdout.write(f"    (code now: {code}; `champions demo_logins` shows the next one)")
        self.stdout.write("")
