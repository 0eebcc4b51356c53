from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError

from .throttling import retry_after_seconds


class AccountAdapter(DefaultAccountAdapter):
    """Everyone who signs up is an entrepreneur; officers are created by an administrator."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.role = "entrepreneur"
        if commit:
            user.save()
        return user

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            key = self._get_login_attempts_cache_key(request, **credentials)
            request.login_retry_after = retry_after_seconds(request, key=key)
            raise
