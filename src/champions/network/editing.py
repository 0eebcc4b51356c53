"""The owner's own changes to a profile: what the unit makes, offers and needs (re-indexed for
matching), and which verified facts its trust card shows. Only the owner; anyone else gets
404, as if the profile's edit page did not exist."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from champions.core.errors import NotFound, ValidationFailed

from . import codes, indexing, tasks
from .models import Profile
from .trustcard import FACT_KEYS
from .validation import nic_errors

# Languages a unit can work in: each name in its own script, then in English.
LANGUAGES = {
    "en": "English",
    "hi": "हिन्दी (Hindi)",
    "bn": "বাংলা (Bengali)",
    "gu": "ગુજરાતી (Gujarati)",
    "kn": "ಕನ್ನಡ (Kannada)",
    "ml": "മലയാളം (Malayalam)",
    "mr": "मराठी (Marathi)",
    "or": "ଓଡ଼ିଆ (Odia)",
    "pa": "ਪੰਜਾਬੀ (Punjabi)",
    "ta": "தமிழ் (Tamil)",
    "te": "తెలుగు (Telugu)",
    "ur": "اردو (Urdu)",
    "ar": "العربية (Arabic)",
    "de": "Deutsch (German)",
    "es": "Español (Spanish)",
    "fr": "Français (French)",
    "it": "Italiano (Italian)",
    "ja": "日本語 (Japanese)",
    "nl": "Nederlands (Dutch)",
    "pt": "Português (Portuguese)",
    "ru": "Русский (Russian)",
    "zh": "中文 (Chinese)",
}
MAX_CERTIFICATIONS, MAX_CERTIFICATION_LENGTH = 15, 80


@dataclass
class ProfileEdit:
    description: str
    needs: str = ""
    hs_codes: list[str] = field(default_factory=list)
    needs_hs_codes: list[str] = field(default_factory=list)
    nic_codes: list[str] = field(default_factory=list)
    capacity: str = ""
    certifications: list[str] = field(default_factory=list)
    export_countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


def own_profile_get(*, user, profile_id: int) -> Profile:
    profile = Profile.objects.filter(pk=profile_id).first()
    if profile is None or not user.is_authenticated or profile.owner_id != user.pk:
        raise NotFound(_("No such profile."))
    return profile


def _codes(values) -> list[str]:
    return [str(v).strip().replace(".", "") for v in values if str(v).strip()]


def _code_errors(data: ProfileEdit) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    checks = (
        ("hs_codes", codes.invalid_hs(data.hs_codes), _("Unknown HS codes (4 or 6 digits)")),
        ("needs_hs_codes", codes.invalid_hs(data.needs_hs_codes), _("Unknown HS codes")),
        ("nic_codes", nic_errors(data.nic_codes), _("Unknown NIC-2008 codes")),
        (
            "export_countries",
            codes.invalid_countries(data.export_countries),
            _("Unknown country codes (ISO 3166, two letters)"),
        ),
    )
    for name, bad, message in checks:
        if bad:
            errors[name] = [f"{message}: {', '.join(bad[:10])}"]
    return errors


def profile_edit_errors(data: ProfileEdit) -> dict[str, list[str]]:
    """Normalises `data` in place and returns the problems, per field."""
    data.description = data.description.strip()
    data.needs, data.capacity = data.needs.strip(), data.capacity.strip()
    data.hs_codes, data.needs_hs_codes = _codes(data.hs_codes), _codes(data.needs_hs_codes)
    data.nic_codes = _codes(data.nic_codes)
    data.export_countries = sorted({c.strip().upper() for c in data.export_countries if c.strip()})
    data.certifications = [c.strip() for c in data.certifications if c.strip()]
    errors = _code_errors(data)
    if not data.description:
        errors["description"] = [_("Say what your unit makes or offers.")]
    if not (data.hs_codes or data.nic_codes):
        errors["hs_codes"] = [
            _("Give at least one product (HS) or industry (NIC) code, so partners can find you.")
        ]
    if len(data.certifications) > MAX_CERTIFICATIONS or any(
        len(c) > MAX_CERTIFICATION_LENGTH for c in data.certifications
    ):
        errors["certifications"] = [
            _("At most %(n)s certifications of %(chars)s characters each.")
            % {"n": MAX_CERTIFICATIONS, "chars": MAX_CERTIFICATION_LENGTH}
        ]
    if set(data.languages) - set(LANGUAGES):
        errors["languages"] = [_("Choose languages from the list.")]
    return errors


@transaction.atomic
def profile_update(*, user, profile_id: int, data: ProfileEdit) -> Profile:
    """Save the owner's changes; the match index follows at once (codes) and after commit
    (the text's vector)."""
    profile = own_profile_get(user=user, profile_id=profile_id)
    errors = profile_edit_errors(data)
    if errors:
        raise ValidationFailed(_("The profile has invalid fields."), errors=errors)
    for name, value in vars(data).items():
        setattr(profile, name, value)
    profile.save()
    indexing.declared_tags_write(profile)
    transaction.on_commit(lambda: tasks.embed_profiles_task.enqueue([profile.pk]))
    return profile


@transaction.atomic
def trust_facts_choose(*, user, profile_id: int, keys: list[str]) -> Profile:
    """The facts the owner lets the trust card show (at least one; the card still shows only
    those the portal has verified)."""
    profile = own_profile_get(user=user, profile_id=profile_id)
    chosen = [k for k in FACT_KEYS if k in set(keys)]
    if set(keys) - set(FACT_KEYS):
        raise ValidationFailed(_("Unknown fact."), errors={"facts": [_("Unknown fact.")]})
    if not chosen:
        message = _("Choose at least one fact for your trust card.")
        raise ValidationFailed(message, errors={"facts": [message]})
    profile.trust_card_fields = chosen
    profile.save(update_fields=["trust_card_fields", "updated_at"])
    return profile
