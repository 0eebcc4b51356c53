"""`check --deploy` warns while the privacy contact is still the demo's."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

DEMO_EMAIL_DOMAIN = "@champions.example"


@register(Tags.security, deploy=True)
def privacy_contact_check(app_configs, **kwargs):
    if settings.PRIVACY_OFFICER_EMAIL.endswith(DEMO_EMAIL_DOMAIN):
        return [
            Warning(
                "The privacy notice names the demo grievance officer.",
                hint="Set PRIVACY_OFFICER_NAME, _EMAIL, _PHONE and _ADDRESS (DPDP Act s. 8(9)).",
                id="privacy.W001",
            )
        ]
    return []
