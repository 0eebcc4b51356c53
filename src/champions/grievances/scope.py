"""Which grievances a user may see: every read starts here (out of scope is a 404)."""

from django.db.models import Q, QuerySet

from champions.accounts.selectors import (
    user_is_entrepreneur,
    user_is_spoke_officer,
    user_sees_whole_country,
)
from champions.core.errors import NotFound
from champions.registry.selectors import enterprise_queryset_for_user

from .models import (
    Grievance,
)


def grievance_queryset_for_user(*, user) -> QuerySet[Grievance]:
    """An entrepreneur: grievances they lodged or of enterprises they represent; a spoke
    officer: their room's; hub officers, leadership and administrators: all; analysts: none."""
    qs = Grievance.objects.all()
    if not user.is_authenticated:
        return qs.none()
    if user_sees_whole_country(user):
        return qs
    if user_is_spoke_officer(user):
        return qs.filter(room_id=user.control_room_id)
    if user_is_entrepreneur(user):
        # A subquery, not a join: a join through the representatives would repeat a
        # grievance once per representative of its enterprise.
        represented = enterprise_queryset_for_user(user=user).values("pk")
        return qs.filter(Q(complainant=user) | Q(enterprise_id__in=represented))
    return qs.none()


def grievance_get_for_user(*, user, grievance_id: int) -> Grievance:
    grievance = (
        grievance_queryset_for_user(user=user)
        .select_related("room", "assignee", "enterprise", "state", "district")
        .filter(pk=grievance_id)
        .first()
    )
    if grievance is None:
        raise NotFound("No such grievance.")
    return grievance


def grievance_get_by_number_for_user(*, user, registration_number: str) -> Grievance:
    grievance = (
        grievance_queryset_for_user(user=user)
        .filter(registration_number=registration_number.strip().upper())
        .first()
    )
    if grievance is None:
        raise NotFound("No such grievance.")
    return grievance


def grievance_list_for_user(*, user) -> QuerySet[Grievance]:
    """'My grievances': an entrepreneur's own and their enterprises', with the room."""
    # The scope is a subquery on the represented enterprises, not a join, so each grievance
    # comes once without DISTINCT.
    return grievance_queryset_for_user(user=user).select_related("room")


def grievance_list_by_ids_for_user(*, user, grievance_ids: list[int]) -> list[Grievance]:
    """The grievances among `grievance_ids` that the user may see (others are left out)."""
    return list(
        grievance_queryset_for_user(user=user)
        .select_related("room", "assignee")
        .filter(pk__in=grievance_ids)
        .order_by("-id")
    )
