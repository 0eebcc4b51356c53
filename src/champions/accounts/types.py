"""The user types other apps annotate with (`actor: User`), without importing our models.

`User` is a signed-in account (services take one as `actor`); `AnyUser` is what a request
carries, which may be anonymous (selectors that serve visitors take one as `user`).
"""

from django.contrib.auth.models import AnonymousUser

from .models import User

AnyUser = User | AnonymousUser

__all__ = ["AnyUser", "User"]
