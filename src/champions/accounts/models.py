"""People who use Champions, their role, and the API tokens they hold."""

import hashlib

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import NATIONAL_ROLES, OFFICER_ROLES, ContactChannel, Language, Role


class ChampionsUserManager(UserManager):
    """Users sign in with their e-mail address; there is no username."""

    def _create_user(self, email, password, **extra_fields):  # type: ignore[override]
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with one role; spoke officers belong to exactly one control room."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(_("mobile number"), max_length=15, blank=True)
    # Set when the owner of `phone` typed the code sent to it; cleared when the number changes.
    phone_verified_at = models.DateTimeField(null=True, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, blank=True
    )
    # Blank: each kind of notification goes on its default channels.
    preferred_channel = models.CharField(
        _("preferred channel"), max_length=10, choices=ContactChannel.choices, blank=True
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.ENTREPRENEUR
    )
    control_room = models.ForeignKey(
        "controlrooms.ControlRoom",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
        verbose_name=_("control room"),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = ChampionsUserManager()

    class Meta:
        ordering = ["email"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="spoke_officer") | models.Q(control_room__isnull=False),
                name="spoke_officer_has_room",
            )
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_officer(self) -> bool:
        return self.role in OFFICER_ROLES

    @property
    def sees_whole_country(self) -> bool:
        return self.role in NATIONAL_ROLES


class ApiToken(models.Model):
    """A bearer token for API clients. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class PhoneVerification(models.Model):
    """A one-time code sent by SMS to prove a mobile number. Only a salted hash is stored; it
    expires after 10 minutes and allows a few wrong tries."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    phone = models.CharField(max_length=10)
    code_hash = models.CharField(max_length=64)
    salt = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} …{self.phone[-4:]}"
