"""Privacy settings (the privacy app, DPDP Act 2023), read by base.py.

Whom owners write to about their personal data (Act s. 8(9)-(10), s. 13; the DPDP Rules 2025
ask for the contact to be published and a complaint answered within at most 90 days). Shown on
/privacy/ and /privacy/my-data/. The defaults are a demo's: `check --deploy` warns
(privacy.W001) until a deployment sets its own.
"""

import os

PRIVACY_OFFICER_NAME = os.environ.get("PRIVACY_OFFICER_NAME", "Grievance Officer (demo)")
PRIVACY_OFFICER_EMAIL = os.environ.get("PRIVACY_OFFICER_EMAIL", "privacy-officer@champions.example")
PRIVACY_OFFICER_PHONE = os.environ.get("PRIVACY_OFFICER_PHONE", "011-2306-0000")
PRIVACY_OFFICER_ADDRESS = os.environ.get(
    "PRIVACY_OFFICER_ADDRESS", "Champions control room (demo), Udyog Bhawan, New Delhi 110011"
)
PRIVACY_RESPONSE_DAYS = int(os.environ.get("PRIVACY_RESPONSE_DAYS", "30"))

# The name, e-mail and mobile number typed on a grievance are removed this many days after it
# closed; the grievance itself stays (a public record). Three years follows the period after
# which the DPDP Rules 2025 (Third Schedule) have the largest data fiduciaries erase an inactive
# user's data; a deployment sets the period its own record-retention schedule gives.
GRIEVANCE_CONTACT_RETENTION_DAYS = int(os.environ.get("GRIEVANCE_CONTACT_RETENTION_DAYS", "1095"))
