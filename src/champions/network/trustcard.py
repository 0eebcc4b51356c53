"""Trust cards: the verified facts of a profile, each with its date and source, signed with the
portal's Ed25519 key so that a partner or a bank can check them offline with the public key
published at /network/trust-card-key/.

The key comes from `NETWORK_SIGNING_KEY` (base64 of the 32-byte private key, from the
environment in production); without it a development key is generated once under var/."""

import base64
import json
import os
import statistics
from functools import cache
from pathlib import Path

import segno
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.utils import timezone

from .choices import IntroductionStatus, ProfileKind, ReviewStatus
from .models import Introduction, Profile

FACT_KEYS = (
    "udyam_verified",
    "classification",
    "years_active",
    "hub_reviewed",
    "email_verified",
    "response",
    "partnerships",
)


@cache
def signing_key() -> Ed25519PrivateKey:
    encoded = getattr(settings, "NETWORK_SIGNING_KEY", "") or os.environ.get(
        "CHAMPIONS_NETWORK_SIGNING_KEY", ""
    )
    if encoded:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(encoded))
    path = Path(settings.VAR_DIR) / "network_signing_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        path.write_bytes(base64.b64encode(raw))
        path.chmod(0o600)
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(path.read_bytes()))


def public_key_pem() -> str:
    return (
        signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def canonical(card: dict) -> bytes:
    return json.dumps(card, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def verify(document: dict, public_pem: str) -> bool:
    """What a partner does offline: check the signature over the canonical card."""
    key = serialization.load_pem_public_key(public_pem.encode())
    if not isinstance(key, Ed25519PublicKey):
        return False
    try:
        key.verify(base64.b64decode(document["signature"]), canonical(document["card"]))
    except Exception:
        return False
    return True


def _fact(key: str, label: str, value, on, source: str) -> dict:
    return {"key": key, "fact": label, "value": value, "date": on.isoformat(), "source": source}


def _response_facts(profile: Profile) -> list[dict]:
    received = list(
        Introduction.objects.filter(post__profile=profile).values_list(
            "created_at", "answered_at", "status"
        )
    )
    if not received:
        return []
    answered = [(a - c).total_seconds() / 3600 for c, a, _s in received if a]
    today = timezone.localdate()
    facts = [
        _fact(
            "response",
            "Introductions answered",
            {
                "rate": round(len(answered) / len(received), 2),
                "median_hours": round(statistics.median(answered), 1) if answered else None,
                "received": len(received),
            },
            today,
            "Champions introductions log",
        )
    ]
    accepted = sum(1 for *_x, status in received if status == IntroductionStatus.ACCEPTED)
    facts.append(_fact("partnerships", "Introductions accepted", accepted, today, "Champions log"))
    return facts


def trust_facts(profile: Profile, *, chosen=None) -> list[dict]:
    """Only what the portal itself checked; nothing the unit merely claims. `chosen`: the fact
    keys to keep (by default the owner's choice, or all)."""
    facts = []
    if profile.udyam_number and profile.udyam_verified_on:
        facts.append(
            _fact(
                "udyam_verified",
                "Udyam registration verified",
                profile.udyam_number,
                profile.udyam_verified_on,
                "Champions enterprise registry",
            )
        )
    enterprise = profile.enterprise
    if enterprise is not None:
        facts.append(
            _fact(
                "classification",
                "MSME classification",
                enterprise.category,
                enterprise.classified_on,
                f"Registry, rule {enterprise.classification_rule}",
            )
        )
        if enterprise.commenced_on:
            years = (timezone.localdate() - enterprise.commenced_on).days // 365
            facts.append(
                _fact("years_active", "Years active", years, enterprise.commenced_on, "Registry")
            )
    if profile.kind == ProfileKind.FOREIGN and profile.review_status == ReviewStatus.APPROVED:
        on = (profile.reviewed_at or profile.created_at).date()
        facts.append(_fact("hub_reviewed", "Reviewed by the hub", True, on, "Hub officer review"))
    if profile.email_verified:
        on = profile.created_at.date()
        facts.append(_fact("email_verified", "E-mail verified", True, on, "Account sign-up"))
    facts += _response_facts(profile)
    keep = set(chosen if chosen is not None else (profile.trust_card_fields or FACT_KEYS))
    return [f for f in facts if f["key"] in keep]


def trust_card(profile: Profile, *, page_url: str) -> dict:
    card = {
        "issuer": "Champions MSME portal",
        "profile_id": profile.pk,
        "name": profile.name,
        "country": profile.country,
        "page": page_url,
        "issued_at": timezone.now().replace(microsecond=0).isoformat(),
        "facts": trust_facts(profile),
    }
    signature = signing_key().sign(canonical(card))
    return {
        "card": card,
        "signature": base64.b64encode(signature).decode(),
        "algorithm": "Ed25519 over the card as canonical JSON (sorted keys, no spaces, UTF-8)",
    }


def qr_svg(url: str) -> str:

    return segno.make(url, error="m").svg_inline(scale=4, title="QR code")
