"""The permission policy as a matrix: role, action and object.

The object is a grievance held by the Maharashtra room and lodged by `entrepreneur` (and an
enterprise of theirs in a Maharashtra district, for the registry's actions). Each role meets it
as: the owner / another entrepreneur, a spoke officer of its room / of another room, the hub.
accounts sits below grievances and registry, so the objects here carry only what the policy
reads (room, complainant, district, representatives); tests/test_read_only_roles.py checks
the real pages and endpoints.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from champions.accounts.models import User
from champions.accounts.policy import Action, can, require
from champions.controlrooms.selectors import room_district_ids
from champions.core.errors import Forbidden, NotFound

pytestmark = pytest.mark.django_db

ROLES = (
    "entrepreneur",  # the owner of the grievance and the enterprise
    "other_entrepreneur",  # another owner
    "spoke_officer",  # of the Maharashtra room, which holds the grievance
    "other_spoke_officer",  # of the Delhi room
    "hub_officer",
    "administrator",
    "leadership",
    "analyst",
)
Y, N = True, False
# Action: (on the object, for each role in ROLES), (without an object, for each role).
MATRIX = {
    Action.GRIEVANCE_LODGE: ((Y, N, Y, N, Y, Y, N, N), (Y, Y, Y, Y, Y, Y, N, N)),
    Action.GRIEVANCE_INTAKE: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.GRIEVANCE_ASSIGN: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.GRIEVANCE_TRANSITION: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.GRIEVANCE_RESPOND: ((Y, N, N, N, N, N, N, N), (Y, Y, N, N, N, N, N, N)),
    Action.GRIEVANCE_MESSAGE: ((Y, N, Y, N, Y, Y, N, N), (Y, Y, Y, Y, Y, Y, N, N)),
    Action.GRIEVANCE_NOTE_INTERNAL: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.GRIEVANCE_TRANSFER: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.GRIEVANCE_REFER: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.GRIEVANCE_MERGE: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    # hub officers no longer: appellate officers (tests/test_appellate_officer.py) and admins
    Action.GRIEVANCE_DECIDE_APPEAL: ((N, N, N, N, N, Y, N, N), (N, N, N, N, N, Y, N, N)),
    Action.TRIAGE_DECIDE: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.REGISTRY_RECORD: ((Y, N, Y, N, Y, Y, N, N), (Y, Y, Y, Y, Y, Y, N, N)),
    Action.REGISTRY_EDIT: ((Y, N, Y, N, Y, Y, N, N), (Y, Y, Y, Y, Y, Y, N, N)),
    Action.REGISTRY_IMPORT: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.SLA_EDIT: ((N, N, N, N, Y, Y, N, N), (N, N, N, N, Y, Y, N, N)),
    Action.SCHEMES_EDIT: ((N, N, N, N, Y, Y, N, N), (N, N, N, N, Y, Y, N, N)),
    # a call-back request held by the Maharashtra room (the grievance object carries the room)
    Action.ASSISTANT_CALLBACK: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.CASE_WORK: ((N, N, Y, N, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    Action.ROOM_NETWORK: ((N, N, Y, Y, Y, Y, N, N), (N, N, Y, Y, Y, Y, N, N)),
    # the hub's: a hub officer of the hub's own room (the fixture's), or an administrator
    Action.NETWORK_CHANGE: ((N, N, N, N, Y, Y, N, N), (N, N, N, N, Y, Y, N, N)),
}
CASES = [
    pytest.param(action, role, on_object, without, id=f"{action}-{role}")
    for action, (with_object, no_object) in MATRIX.items()
    for role, on_object, without in zip(ROLES, with_object, no_object, strict=True)
]


def test_the_matrix_covers_every_action():
    assert set(MATRIX) == set(Action)


@pytest.fixture
def objects(entrepreneur, mh_room):
    grievance = SimpleNamespace(
        room_id=mh_room.pk, complainant_id=entrepreneur.pk, enterprise_id=None
    )
    enterprise = SimpleNamespace(
        district_id=room_district_ids(room_id=mh_room.pk)[0],
        representatives=User.objects.filter(pk=entrepreneur.pk),
    )
    return {"grievance": grievance, "enterprise": enterprise}


@pytest.mark.parametrize(("action", "role", "on_object", "without_object"), CASES)
def test_policy_matrix(request, objects, action, role, on_object, without_object):
    # given
    user = request.getfixturevalue(role)
    obj = objects["enterprise" if action.startswith(("registry.", "case.")) else "grievance"]

    # when / then
    assert can(user, action, obj) is on_object
    assert can(user, action) is without_object


@pytest.mark.parametrize("action", list(Action))
def test_anonymous_and_inactive_users_may_do_nothing(entrepreneur, hub_officer, action):
    hub_officer.is_active = False

    assert can(AnonymousUser(), action) is False
    assert can(hub_officer, action) is False


@pytest.mark.parametrize(
    ("role", "action", "error", "status"),
    [
        ("leadership", Action.GRIEVANCE_ASSIGN, Forbidden, 403),
        ("analyst", Action.REGISTRY_RECORD, Forbidden, 403),
        ("spoke_officer", Action.SLA_EDIT, Forbidden, 403),
        # Officers' pages do not exist for those who see none of them.
        ("entrepreneur", Action.GRIEVANCE_TRANSFER, NotFound, 404),
        ("analyst", Action.REGISTRY_IMPORT, NotFound, 404),
    ],
)
def test_require_refuses_with_a_translated_message(request, role, action, error, status):
    user = request.getfixturevalue(role)

    with pytest.raises(error) as info:
        require(user, action)

    assert info.value.status == status
    assert info.value.message


def test_leadership_is_told_it_oversees(leadership, settings):
    with pytest.raises(Forbidden) as info:
        require(leadership, Action.GRIEVANCE_MERGE)

    assert info.value.message == "Leadership oversees: this is read-only for you."
