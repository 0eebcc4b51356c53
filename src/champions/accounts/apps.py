from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "champions.accounts"
    label = "accounts"
    verbose_name = "Accounts"
