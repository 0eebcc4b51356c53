"""Who may change what: every permission decision about a write, in one place.

`can(user, action, obj)` answers yes or no; `require(...)` raises `Forbidden` (403, with a
translated message). Reads stay with the scoped selectors (out of scope is 404, so ids cannot
be probed); this module decides what a user may *do* with what they can see.

- Leadership and analysts oversee: they may change nothing, anywhere.
- A spoke officer acts only on grievances held by its own room and on enterprises in its
  room's districts; hub officers and administrators act across rooms.
- The hub (hub officers, administrators) keeps service levels, the holiday calendar and the
  scheme catalogue, and changes the control-room network (a hub officer only as an officer of
  the hub's own room).
- Appeals are decided by an appellate officer (or an administrator) who did not act on the
  grievance: separation of duties, checked by the conflict rule grievances registers
  (`conflict_register`), with its own 403 message.
- An entrepreneur acts on their own grievances (lodged by them or for an enterprise they
  represent) and their own enterprises.
"""

from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from champions.controlrooms.selectors import room_district_ids, room_is_hub
from champions.core.errors import Forbidden, NotFound

from .choices import OFFICER_ROLES, Role
from .selectors import user_is_officer


class Action(StrEnum):
    GRIEVANCE_LODGE = "grievance.lodge"  # lodge one's own grievance on the web or the API
    GRIEVANCE_INTAKE = "grievance.intake"  # record one received by phone, e-mail or letter
    GRIEVANCE_ASSIGN = "grievance.assign"
    GRIEVANCE_TRANSITION = "grievance.transition"  # the officer's workflow moves
    GRIEVANCE_RESPOND = "grievance.respond"  # the MSME's moves: reply, reopen, rate, appeal
    GRIEVANCE_MESSAGE = "grievance.message"
    GRIEVANCE_NOTE_INTERNAL = "grievance.note_internal"
    GRIEVANCE_TRANSFER = "grievance.transfer"
    GRIEVANCE_REFER = "grievance.refer"
    GRIEVANCE_MERGE = "grievance.merge"
    GRIEVANCE_DECIDE_APPEAL = "grievance.decide_appeal"
    TRIAGE_DECIDE = "triage.decide"
    SLA_EDIT = "sla.edit"  # service-level policies and the holiday calendar
    REGISTRY_RECORD = "registry.record"  # add an enterprise
    REGISTRY_EDIT = "registry.edit"  # change an enterprise (and its compliance situation)
    REGISTRY_IMPORT = "registry.import"
    SCHEMES_EDIT = "schemes.edit"
    ASSISTANT_CALLBACK = "assistant.callback"  # mark a call-back request of a room done
    CASE_WORK = "case.work"  # open, assign, follow up and close a hand-holding case
    ROOM_NETWORK = "room.network"  # duty, hub-spoke reviews and consultations between rooms
    NETWORK_CHANGE = "network.change"  # the control-room network: add, rename, move, close


WORKING_OFFICERS = frozenset({Role.SPOKE_OFFICER, Role.HUB_OFFICER, Role.ADMINISTRATOR})
HUB = frozenset({Role.HUB_OFFICER, Role.ADMINISTRATOR})
APPELLATE = frozenset({Role.APPELLATE_OFFICER, Role.ADMINISTRATOR})

# Which roles may take each action at all; the object (if any) is checked after.
ROLES: dict[Action, frozenset[str]] = {
    Action.GRIEVANCE_LODGE: frozenset({Role.ENTREPRENEUR}) | WORKING_OFFICERS,
    Action.GRIEVANCE_INTAKE: WORKING_OFFICERS,
    Action.GRIEVANCE_ASSIGN: WORKING_OFFICERS,
    Action.GRIEVANCE_TRANSITION: WORKING_OFFICERS,
    Action.GRIEVANCE_RESPOND: frozenset({Role.ENTREPRENEUR}),
    Action.GRIEVANCE_MESSAGE: frozenset({Role.ENTREPRENEUR}) | WORKING_OFFICERS,
    Action.GRIEVANCE_NOTE_INTERNAL: WORKING_OFFICERS,
    Action.GRIEVANCE_TRANSFER: WORKING_OFFICERS,
    Action.GRIEVANCE_REFER: WORKING_OFFICERS,
    Action.GRIEVANCE_MERGE: WORKING_OFFICERS,
    Action.GRIEVANCE_DECIDE_APPEAL: APPELLATE,
    Action.TRIAGE_DECIDE: WORKING_OFFICERS,
    Action.SLA_EDIT: HUB,
    Action.REGISTRY_RECORD: frozenset({Role.ENTREPRENEUR}) | WORKING_OFFICERS,
    Action.REGISTRY_EDIT: frozenset({Role.ENTREPRENEUR}) | WORKING_OFFICERS,
    Action.REGISTRY_IMPORT: WORKING_OFFICERS,
    Action.CASE_WORK: WORKING_OFFICERS,
    Action.ROOM_NETWORK: WORKING_OFFICERS,
    Action.NETWORK_CHANGE: HUB,
    Action.SCHEMES_EDIT: HUB,
    Action.ASSISTANT_CALLBACK: WORKING_OFFICERS,
}

MESSAGES = {
    Role.LEADERSHIP: gettext_noop("Leadership oversees: this is read-only for you."),
    Role.ANALYST: gettext_noop("Analysts read aggregates: this is read-only for you."),
}


def _owns_grievance(user, grievance) -> bool:
    if grievance.complainant_id == user.pk:
        return True
    enterprise_id = getattr(grievance, "enterprise_id", None)
    return enterprise_id is not None and user.enterprises.filter(pk=enterprise_id).exists()


def _grievance_allows(user, grievance) -> bool:
    if user.role == Role.ENTREPRENEUR:
        return _owns_grievance(user, grievance)
    if user.role == Role.SPOKE_OFFICER:
        return grievance.room_id == user.control_room_id
    return user.role in HUB | APPELLATE


def _network_allows(user) -> bool:
    """The network is the hub's: an administrator, or a hub officer of the hub's own room. A
    hub officer posted to a spoke, or to no room, changes no room of the network."""
    if user.role == Role.ADMINISTRATOR:
        return True
    return room_is_hub(room_id=user.control_room_id)


def _enterprise_allows(user, enterprise) -> bool:
    if user.role == Role.ENTREPRENEUR:
        return enterprise.representatives.filter(pk=user.pk).exists()
    if user.role == Role.SPOKE_OFFICER:
        return enterprise.district_id in room_district_ids(room_id=user.control_room_id)
    return user.role in HUB


# Separation of duties: a check per action that names why `user` may not take it on `obj`
# because of what they did to it before ("" when nothing). The apps that keep those records
# register it (accounts sits below them and cannot read them).
_CONFLICTS: dict[Action, Callable[[object, object], str]] = {}


def conflict_register(action: Action, check: Callable[[object, object], str]) -> None:
    _CONFLICTS[Action(action)] = check


def conflict_of_interest(user, action: str, obj) -> str:
    """Why `user` may not take `action` on `obj` although their role and scope allow it."""
    if obj is None or not _allowed(user, Action(action), obj):
        return ""
    return _conflict(user, Action(action), obj)


def _conflict(user, action: Action, obj) -> str:
    check = _CONFLICTS.get(action)
    return check(user, obj) if check is not None and obj is not None else ""


def can(user, action: str, obj=None) -> bool:
    """May `user` take `action` (on `obj`: a grievance or an enterprise, when given)?"""
    action = Action(action)
    return _allowed(user, action, obj) and not _conflict(user, action, obj)


def _allowed(user, action: Action, obj) -> bool:
    """The role and scope rules, before any conflict of interest."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.role not in ROLES[action]:
        return False
    if action == Action.NETWORK_CHANGE:
        return _network_allows(user)
    if obj is None:
        return True
    if action.value.startswith(("grievance.", "triage.", "assistant.")):  # held by a room
        return _grievance_allows(user, obj)
    if action.value.startswith(("registry.", "case.")):
        return _enterprise_allows(user, obj)
    return True


# Leadership and analysts oversee. Besides the per-action checks above, one rule covers every
# door, including apps that have no action of their own yet: a write (POST, PUT, PATCH, DELETE)
# by them is refused by `accounts.middleware.OversightReadOnlyMiddleware` (web) and by the
# API's authentication (bearer tokens), except on these pages, which change only the visitor's
# own things or store nothing.
READ_ONLY_ROLES = frozenset({Role.LEADERSHIP, Role.ANALYST})
PERSONAL_VIEWS = frozenset(
    {
        "set_language",
        "account_logout",
        "web:accounts:profile",
        "web:accounts:details",
        "web:accounts:phone_send",
        "web:accounts:phone_verify",
        "web:accounts:api_token_create",
        "web:accounts:api_token_revoke",
        "web:notifications:mark_all_read",
        "web:notifications:mark_read",
        "web:notifications:preferences",
        "web:schemes:check",
        "web:schemes:check_restart",
        "web:grievances:track",
        "web:track",
        "web:assistant:ask",
        "web:assistant:rate",
        "web:network:match",
        "web:privacy:erase",  # a request to erase one's own data (DPDP Act s. 12)
    }
)
# API operations that compute an answer (or keep only the asker's own conversation).
API_READS = frozenset(
    {
        "/api/v1/schemes/eligibility",
        "/api/v1/triage",
        "/api/v1/assistant/ask",
        "/api/v1/network/match",
    }
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def is_read_only(user) -> bool:
    return bool(user and user.is_authenticated and user.role in READ_ONLY_ROLES)


def write_refused(user, *, method: str, view_name: str = "", api_path: str = "") -> bool:
    """Is this request a write by an overseer outside their personal pages?"""
    if method.upper() in SAFE_METHODS or not is_read_only(user):
        return False
    if api_path:
        return api_path.rstrip("/") not in API_READS
    return view_name not in PERSONAL_VIEWS


def refusal_message(user) -> str:
    role = getattr(user, "role", "")
    if role in MESSAGES:
        return _(MESSAGES[role])
    return _("You may not do this.")


def require(user, action: str, obj=None) -> None:
    """Raise `Forbidden` (403) unless `can(user, action, obj)`.

    An officers' action asked by someone who sees no officers' pages (an entrepreneur, an
    analyst) is `NotFound` instead: for them those pages do not exist, as elsewhere."""
    if can(user, action, obj):
        return
    if conflict := conflict_of_interest(user, action, obj):
        raise Forbidden(conflict)
    officers_only = Role.ENTREPRENEUR not in ROLES[Action(action)]
    if officers_only and getattr(user, "role", None) not in OFFICER_ROLES:
        raise NotFound(_("No such page."))
    raise Forbidden(refusal_message(user))


def flags(user, obj=None, *actions: Action) -> dict[str, bool]:
    """`{"grievance_assign": True, ...}` for templates: which buttons to show."""
    chosen = actions or tuple(Action)
    return {a.value.replace(".", "_"): can(user, a, obj) for a in chosen}


def permission_required(action: Action):
    """A view only for those who may take `action` at all: others get the 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                require(request.user, action)
            except NotFound as exc:
                raise Http404(exc.message) from exc
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorator


def officer_required(view):
    """Officers' pages (every app's): to everyone else they do not exist (404)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not user_is_officer(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapper)
