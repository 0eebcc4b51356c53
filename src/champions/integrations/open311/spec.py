"""The Open311 interface's fixed parts: the spec's constants, our services' texts, and the
enterprise attribute and fields a request may carry."""

import re

from champions.grievances.choices import OPEN_STATUSES, Category, Status

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"


CHANGESET = "2026-05-01T00:00:00+05:30"  # change when the services or this interface change


GROUP = "MSME grievances"


MAX_DAYS = 90


MAX_REQUESTS = 1000


SUBJECT_LENGTH = 120


CONTENT_TYPES = {"json": "application/json", "xml": "text/xml; charset=utf-8"}


CLOSED_STATUSES = frozenset({Status.RESOLVED, Status.CLOSED, Status.APPEAL_DECIDED})


STATUS_GROUPS = {"open": OPEN_STATUSES, "closed": CLOSED_STATUSES}


# (description, keywords) of each service, in the words an MSME would use.
SERVICE_TEXTS: dict[str, tuple[str, str]] = {
    Category.DELAYED_PAYMENT: (
        "A buyer (often a PSU or large company) has not paid for goods or services within "
        "45 days, as the MSMED Act requires.",
        "delayed payment, invoice, MSEFC, Samadhaan, dues",
    ),
    Category.CREDIT: (
        "Problems getting or servicing a loan: refusals, collateral demands, delays, CGTMSE.",
        "credit, loan, bank, collateral, CGTMSE, working capital",
    ),
    Category.SUBSIDY: (
        "A subsidy or scheme benefit that was promised, applied for or sanctioned but not paid.",
        "subsidy, scheme, benefit, PMEGP, grant",
    ),
    Category.RAW_MATERIAL: (
        "Shortage, price or supply of raw material.",
        "raw material, supply, shortage, price",
    ),
    Category.LABOUR: (
        "Labour law compliance, workers and skilled manpower.",
        "labour, workers, EPF, ESIC, manpower",
    ),
    Category.LICENCES: (
        "Licences, permissions, clearances and inspections by any authority.",
        "licence, permission, clearance, inspection, NOC",
    ),
    Category.TAXATION: (
        "GST, income tax and other taxes: refunds, notices, registration.",
        "GST, income tax, refund, notice, tax",
    ),
    Category.INFRASTRUCTURE: (
        "Power, water, land, roads and other infrastructure for the enterprise.",
        "power, electricity, water, land, industrial estate, roads",
    ),
    Category.PROCUREMENT: (
        "Public procurement and the Government e-Marketplace (GeM): tenders, orders, payments.",
        "public procurement, GeM, tender, EMD, order",
    ),
    Category.UDYAM: (
        "Udyam registration: errors, updates, classification and certificates.",
        "Udyam, registration, certificate, classification",
    ),
    Category.TECHNOLOGY: (
        "Technology, quality, testing and certification.",
        "technology, quality, testing, certification, ZED, BIS",
    ),
    Category.MARKET_ACCESS: (
        "Market access, trade fairs and exports.",
        "market access, exports, trade fair, marketing",
    ),
    Category.OTHER: (
        "Any other grievance of an MSME or an aspiring entrepreneur.",
        "other, general",
    ),
}


ENTERPRISE_ATTRIBUTE = {
    "variable": True,
    "code": "enterprise_id",
    "datatype": "number",
    "required": False,
    "datatype_description": (
        "The number of your enterprise in Champions (in its page address). Leave it empty if "
        "you have not registered an enterprise yet."
    ),
    "order": 1,
    "description": "Which of your registered enterprises is this grievance about?",
    "values": [],
}


# Where the grievance service's field errors came from, in the spec's parameter names.
FIELD_PARAMS = {
    "subject": "description",
    "category": "service_code",
    "enterprise": "attribute[enterprise_id]",
    "complainant_type": "attribute[enterprise_id]",
    "contact_name": "first_name",
    "contact_email": "email",
    "contact_phone": "phone",
}


REQUIRED = "This field is required."


_NOT_XML_CHARACTERS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_OFFSET_SPACE = re.compile(r" (\d\d:?\d\d)$")  # an unescaped "+05:30" arrives as " 05:30"
