"""Tying a centre_staff user to the one centre they work at."""

from django.db import transaction
from django.utils.translation import gettext as _

from champions.core.errors import ValidationFailed

from ..models import CentreStaff, TechnologyCentre


@transaction.atomic
def centre_staff_assign(*, user, centre_id: int) -> CentreStaff:
    if user.role != "centre_staff":
        raise ValidationFailed(
            _("Only centre staff work at a centre."), errors={"role": [_("Wrong role.")]}
        )
    centre = TechnologyCentre.objects.filter(pk=centre_id).first()
    if centre is None:
        raise ValidationFailed(_("No such centre."), errors={"centre": [_("No such centre.")]})
    staff, _created = CentreStaff.objects.update_or_create(user=user, defaults={"centre": centre})
    return staff
