"""The labels triage predicts. `Category` is the MSME grievance taxonomy (see docs/AI.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    DELAYED_PAYMENT = "delayed_payment", _("Delayed payment")
    CREDIT = "credit", _("Credit and banking")
    SUBSIDY = "subsidy", _("Subsidy and incentives")
    RAW_MATERIAL = "raw_material", _("Raw material")
    LABOUR = "labour", _("Labour, EPF and ESI")
    LICENCES = "licences", _("Licences, consents and inspections")
    TAXATION = "taxation", _("Taxation (GST, income tax, customs)")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure (power, roads, water)")
    PROCUREMENT = "procurement", _("Public procurement")
    UDYAM = "udyam", _("Udyam registration")
    TECHNOLOGY = "technology", _("Technology, quality and IP")
    MARKET_ACCESS = "market_access", _("Market access and exports")
    OTHER = "other", _("Other")


class Urgency(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    HINDI = "hi", _("Hindi")
    HINGLISH = "hinglish", _("Hinglish (Hindi in Latin letters)")
    OTHER = "other", _("Other")


class Sentiment(models.TextChoices):
    VERY_NEGATIVE = "very_negative", _("Very negative")
    NEGATIVE = "negative", _("Negative")
    NEUTRAL = "neutral", _("Neutral")
    POSITIVE = "positive", _("Positive")
    VERY_POSITIVE = "very_positive", _("Very positive")


class Emotion(models.TextChoices):
    ANGER = "anger", _("Anger")
    DISGUST = "disgust", _("Disgust")
    FEAR = "fear", _("Fear")
    JOY = "joy", _("Joy")
    SADNESS = "sadness", _("Sadness")
    SURPRISE = "surprise", _("Surprise")
    NEUTRAL = "neutral", _("Neutral")


class UrgencySignal(models.TextChoices):
    UNIT_CLOSURE = "unit_closure", _("The unit is closing or has been sealed")
    UNPAID_WAGES = "unpaid_wages", _("Workers' wages are unpaid")
    LARGE_AMOUNT = "large_amount", _("A large amount is stuck (10 lakh rupees or more)")
    HEALTH_SAFETY = "health_safety", _("Health or safety is at risk")
    REPEATED_FOLLOWUP = "repeated_followup", _("Repeated follow-ups without an answer")
    DISTRESS = "distress", _("Distress in the wording")
    SELF_HARM = "self_harm", _("Words about self-harm")


STATE_GOVERNMENT = "State Government"

# One line per category for officers and for docs/AI.md; the model also learns from them.
CATEGORY_DESCRIPTIONS = {
    Category.DELAYED_PAYMENT: _(
        "A buyer (government department, PSU or private company) has not paid an MSE supplier "
        "within 45 days as the MSMED Act requires: MSEFC or Samadhaan cases, TReDS, GeM payments."
    ),
    Category.CREDIT: _(
        "Bank loans and insurance: rejections, collateral demanded under CGTMSE or Mudra, delayed "
        "disbursement, limits cut, NPA classification, SARFAESI notices, insurance claims."
    ),
    Category.SUBSIDY: _(
        "Subsidies and incentives not released: PMEGP margin money, capital and interest "
        "subsidies, state industrial-policy incentives, ZED or PMFME reimbursements."
    ),
    Category.RAW_MATERIAL: _(
        "Availability and price of raw material: steel, coal, yarn, polymers, gas; NSIC raw "
        "material assistance; quality control orders and anti-dumping duties."
    ),
    Category.LABOUR: _(
        "Workers and labour law: EPF and ESI, wages, strikes, factory inspections, apprentices, "
        "labour codes, accidents at work."
    ),
    Category.LICENCES: _(
        "Licences, consents and inspections: pollution consent, fire NOC, factory, trade, FSSAI "
        "or drug licences, building plan approval, PESO, environmental clearance."
    ),
    Category.TAXATION: _(
        "Taxes: GST registration, returns, refunds and input tax credit, e-way bills, income "
        "tax demands and refunds, TDS, customs duty and clearance."
    ),
    Category.INFRASTRUCTURE: _(
        "Physical infrastructure: power cuts and connections, electricity tariff, roads, water, "
        "drains and effluent plants in industrial areas, internet, rail sidings."
    ),
    Category.PROCUREMENT: _(
        "Public procurement: GeM orders and accounts, PSU and defence tenders, the MSE purchase "
        "preference and EMD exemption, restrictive tender conditions, blacklisting."
    ),
    Category.UDYAM: _(
        "Udyam registration: wrong NIC code or activity, reclassification, updating figures, "
        "OTP and PAN problems, migration from Udyog Aadhaar, Udyam Assist."
    ),
    Category.TECHNOLOGY: _(
        "Technology and quality: MSME technology centres and tool rooms, ZED and lean schemes, "
        "testing and BIS certification, patents and designs, digital adoption, incubation."
    ),
    Category.MARKET_ACCESS: _(
        "Markets and exports: export incentives (RoDTEP, advance authorisation), DGFT and IEC, "
        "trade fairs, e-commerce onboarding, export credit insurance, GI tags."
    ),
    Category.OTHER: _(
        "Anything else: company law filings, post, courts, land, police, Aadhaar, suggestions, "
        "thanks and requests to close a grievance."
    ),
}
