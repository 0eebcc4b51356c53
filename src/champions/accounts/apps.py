from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "champions.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .middleware import mark_seen_at_login

        # Signing in starts the idle clock, so the first request after it need not save the
        # session again (the session is written at login anyway).
        user_logged_in.connect(mark_seen_at_login, dispatch_uid="accounts.mark_seen_at_login")
