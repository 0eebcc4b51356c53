"""Labels of the catalogue's codes (kinds, agencies, target groups) and of the results."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    SUBSIDY = "subsidy", _("Subsidy")
    CREDIT = "credit", _("Credit")
    GUARANTEE = "guarantee", _("Credit guarantee")
    GRANT = "grant", _("Grant")
    TRAINING = "training", _("Training")
    MARKET_ACCESS = "market_access", _("Market access")
    CERTIFICATION = "certification", _("Certification and consultancy")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure and facilities")
    POLICY = "policy", _("Policy")
    PROGRAMME = "programme", _("Programme")


class Agency(models.TextChoices):
    MOMSME = "momsme", _("Ministry of MSME")
    DC_MSME = "dc_msme", _("Office of the Development Commissioner (MSME)")
    KVIC = "kvic", _("Khadi and Village Industries Commission")
    CGTMSE = "cgtmse", _("CGTMSE (Ministry of MSME and SIDBI)")
    NCGTC = "ncgtc", _("NCGTC (Ministry of Finance)")
    NSIC = "nsic", _("National Small Industries Corporation")
    COIR_BOARD = "coir_board", _("Coir Board")
    SIDBI = "sidbi", _("SIDBI")
    MOF = "mof", _("Ministry of Finance")


class TargetGroup(models.TextChoices):
    NEW_ENTREPRENEURS = "new_entrepreneurs", _("New entrepreneurs")
    EXISTING_MSME = "existing_msme", _("Existing MSMEs")
    WOMEN = "women", _("Women")
    SC_ST = "sc_st", _("SC/ST entrepreneurs")
    ARTISANS = "artisans", _("Artisans")
    EXPORTERS = "exporters", _("Exporters")
    CLUSTERS = "clusters", _("Clusters")
    INSTITUTIONS = "institutions", _("Institutions")
    STATE_AGENCIES = "state_agencies", _("State agencies")
    NORTH_EAST = "north_east", _("North-east")
    MANUFACTURING = "manufacturing", _("Manufacturers")
    TRADITIONAL_INDUSTRIES = "traditional_industries", _("Traditional industries")


class Status(models.TextChoices):
    ELIGIBLE = "eligible", _("Eligible")
    NEEDS_INFO = "needs_more_information", _("Needs more information")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")


class VersionSource(models.TextChoices):
    FILE = "file", _("Data file")
    EDIT = "edit", _("Edited on the web")
