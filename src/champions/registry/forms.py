"""Web forms of the registry: they shape input for the services and carry their errors back."""

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from champions.core.forms import ServiceErrorsMixin, code_list
from champions.core.models import District, State

from .choices import Activity, Gender, OrganisationType, SocialCategory
from .importing import COLUMNS, REQUIRED_COLUMNS
from .models import Enterprise
from .validation import EnterpriseInput

RUPEES_HELP = _("In rupees, whole number, e.g. 5000000 for ₹50 lakh.")

# The service reports some problems under the input's attribute names.
SERVICE_FIELD_NAMES = {"state_id": "state", "district_id": "district"}

# The example row of the downloadable import template (a valid record: Pune, Maharashtra).
IMPORT_EXAMPLE_ROW = {
    "udyam_number": "UDYAM-MH-26-0012345",
    "name": "Deccan Precision Tools",
    "organisation_type": "proprietary",
    "major_activity": "manufacturing",
    "state": "Maharashtra",
    "district": "Pune",
    "pincode": "411001",
    "address": "12 Industrial Estate, Bhosari",
    "nic_codes": "25932, 28110",
    "commenced_on": "2019-06-01",
    "investment_inr": "5000000",
    "turnover_inr": "20000000",
    "export_turnover_inr": "0",
    "employees": "12",
    "owner_name": "Asha Patil",
    "owner_gender": "female",
    "owner_social_category": "obc",
    "owner_specially_abled": "no",
    "country": "IN",
}


def _blank(choices) -> list[tuple[str, str]]:
    return [("", "---------"), *choices]


class _RegistryFormMixin(ServiceErrorsMixin):
    service_field_names = SERVICE_FIELD_NAMES


class EnterpriseForm(_RegistryFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the enterprise"), max_length=200)
    country = forms.CharField(
        label=_("Country"),
        max_length=2,
        initial="IN",
        help_text=_(
            "Two-letter ISO code: IN for India. Enterprises outside India need no Udyam "
            "number, state, district or pincode."
        ),
    )
    udyam_number = forms.CharField(
        label=_("Udyam registration number"),
        max_length=19,
        required=False,
        help_text=_("Format UDYAM-XX-00-0000000. Required for enterprises in India."),
    )
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"), choices=_blank(OrganisationType.choices)
    )
    major_activity = forms.ChoiceField(label=_("Major activity"), choices=_blank(Activity.choices))
    nic_codes = forms.CharField(
        label=_("NIC codes"),
        required=False,
        help_text=_("Five-digit NIC-2008 codes separated by commas, e.g. 25932, 28110."),
    )
    commenced_on = forms.DateField(
        label=_("Date of commencement"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    state = forms.ModelChoiceField(label=_("State"), queryset=State.objects.all(), required=False)
    district = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.none(), required=False
    )
    pincode = forms.CharField(label=_("Pincode"), max_length=6, required=False)
    investment_inr = forms.IntegerField(
        label=_("Investment in plant & machinery or equipment (₹)"),
        min_value=0,
        help_text=RUPEES_HELP,
    )
    turnover_inr = forms.IntegerField(label=_("Turnover (₹)"), min_value=0, help_text=RUPEES_HELP)
    export_turnover_inr = forms.IntegerField(
        label=_("Export turnover (₹)"),
        min_value=0,
        initial=0,
        required=False,
        help_text=_("In rupees. Export turnover is not counted for the category."),
    )
    employees = forms.IntegerField(label=_("Employees"), min_value=0, initial=0, required=False)
    owner_name = forms.CharField(label=_("Owner's name"), max_length=150, required=False)
    owner_gender = forms.ChoiceField(
        label=_("Owner's gender"), choices=_blank(Gender.choices), required=False
    )
    owner_social_category = forms.ChoiceField(
        label=_("Owner's social category"), choices=_blank(SocialCategory.choices), required=False
    )
    owner_specially_abled = forms.BooleanField(
        label=_("The owner is specially-abled"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("web:registry:district_options"),
                "hx-target": f"#{self['district'].auto_id}",
                "hx-trigger": "change",
            }
        )
        state_id = self._state_id()
        if state_id is not None:
            self.fields["district"].queryset = District.objects.filter(state_id=state_id)

    def _state_id(self) -> int | None:
        value = self.data.get("state") if self.is_bound else self.initial.get("state")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def clean_nic_codes(self) -> list[str]:
        return code_list(self.cleaned_data["nic_codes"])

    def to_input(self) -> EnterpriseInput:
        data = self.cleaned_data
        state, district = data.get("state"), data.get("district")
        return EnterpriseInput(
            name=data["name"],
            organisation_type=data["organisation_type"],
            major_activity=data["major_activity"],
            investment_inr=data["investment_inr"],
            turnover_inr=data["turnover_inr"],
            export_turnover_inr=data.get("export_turnover_inr") or 0,
            employees=data.get("employees") or 0,
            udyam_number=data.get("udyam_number") or None,
            country=data["country"],
            owner_name=data.get("owner_name", ""),
            owner_gender=data.get("owner_gender", ""),
            owner_social_category=data.get("owner_social_category", ""),
            owner_specially_abled=data.get("owner_specially_abled", False),
            address=data.get("address", ""),
            state_id=state.pk if state else None,
            district_id=district.pk if district else None,
            pincode=data.get("pincode", ""),
            nic_codes=data.get("nic_codes", []),
            commenced_on=data.get("commenced_on"),
        )


def enterprise_form_initial(enterprise: Enterprise) -> dict:
    """The edit form's starting values for a saved enterprise."""
    names = [name for name in EnterpriseForm.base_fields if name not in {"state", "district"}]
    initial = {name: getattr(enterprise, name) for name in names}
    initial.update(
        state=enterprise.state_id,
        district=enterprise.district_id,
        udyam_number=enterprise.udyam_number or "",
        nic_codes=", ".join(enterprise.nic_codes),
    )
    return initial


class ImportForm(_RegistryFormMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "The first row names the columns: %(columns)s. Required: %(required)s. "
            "Rows are matched on the Udyam number, so uploading a file again updates them."
        ) % {"columns": ", ".join(COLUMNS), "required": ", ".join(sorted(REQUIRED_COLUMNS))}


class ClassificationForm(ServiceErrorsMixin, forms.Form):
    investment_inr = forms.IntegerField(
        label=_("Investment in plant & machinery or equipment (₹)"),
        min_value=0,
        help_text=RUPEES_HELP,
    )
    turnover_inr = forms.IntegerField(label=_("Turnover (₹)"), min_value=0, help_text=RUPEES_HELP)
    export_turnover_inr = forms.IntegerField(
        label=_("Export turnover (₹)"),
        min_value=0,
        required=False,
        help_text=_("In rupees. Export turnover is left out of turnover."),
    )
    on = forms.DateField(
        label=_("Date"),
        required=False,
        help_text=_("The rule in force on this date is used; today if left empty."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_export_turnover_inr(self) -> int:
        return self.cleaned_data["export_turnover_inr"] or 0

    def clean_on(self):
        return self.cleaned_data["on"] or timezone.localdate()
