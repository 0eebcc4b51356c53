"""The hub's pages for the control-room network: list, room, add/edit, move districts,
merge/close, CSV import. Hub officers and administrators change it; leadership looks."""

from functools import partial, wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from champions.accounts.selectors import user_sees_whole_country
from champions.controlrooms import selectors as rooms
from champions.core.errors import DomainError, NotFound, ValidationFailed
from champions.core.forms import form_done

from . import selectors, services
from .forms import DistrictsMoveForm, ImportForm, RoomCloseForm, RoomForm

SAMPLE_FILE = rooms.FIELD_OFFICE_ROOMS_FILE


def _viewer(view):
    """Leadership and the hub see the network; everybody else is refused."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not (
            user_sees_whole_country(request.user)
            or selectors.user_administers_network(request.user)
        ):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _editor(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not selectors.user_administers_network(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _room(room_id: int):
    try:
        return rooms.control_room_get(room_id=room_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _base(request) -> dict:
    return {"can_change": selectors.user_administers_network(request.user)}


@_viewer
@require_GET
def room_list_view(request):
    state = request.GET.get("state", "")
    show_closed = request.GET.get("closed") == "1"
    rows = selectors.room_overview(
        state_id=int(state) if state.isdigit() else None, show_closed=show_closed
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {**_base(request), "page": page, "state": state, "show_closed": show_closed}
    return render(request, "networkadmin/room_list.html", context | _network_facts())


def _network_facts() -> dict:
    return {
        "states": rooms.states_with_rooms(),
        "is_default": rooms.network_is_default(),
        "uncovered": rooms.uncovered_district_count(),
    }


@_viewer
@require_GET
def room_detail_view(request, room_id: int):
    room = _room(room_id)
    changes = Paginator(rooms.room_changes(room_id=room.pk), 20).get_page(request.GET.get("page"))
    context = {
        **_base(request),
        "room": room,
        "districts": rooms.room_districts(room_id=room.pk),
        "open_grievances": selectors.room_open_grievances(room_id=room.pk),
        "changes": changes,
    }
    return render(request, "networkadmin/room_detail.html", context)


def _room_input(data: dict, room=None) -> "services.rooms.RoomInput":
    return services.rooms.RoomInput(
        code=room.code if room else data["code"],
        name=data["name"],
        name_hi=data.get("name_hi", ""),
        host_office=data["host_office"],
        city=data.get("city", ""),
        state_id=room.state_id if room else data["state"],
        host_type=data["host_type"],
        email=data.get("email", ""),
        phone=data.get("phone", ""),
    )


@_editor
@require_http_methods(["GET", "POST"])
def room_create_view(request):
    form = RoomForm(request.POST or None)
    if form.is_bound and form.is_valid():
        try:
            room = services.network_room_create(
                actor=request.user, data=_room_input(form.cleaned_data)
            )
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
        else:
            messages.success(request, _("The room “%(name)s” was added.") % {"name": room.name})
            return redirect("web:networkadmin:room", room_id=room.pk)
    status = 422 if form.is_bound else 200
    return render(request, "networkadmin/room_form.html", {"form": form}, status=status)


@_editor
@require_http_methods(["GET", "POST"])
def room_edit_view(request, room_id: int):
    room = _room(room_id)
    form = RoomForm(request.POST or None, initial=_room_initial(room), editing=True)
    if form.is_bound and form_done(form, partial(_room_save, request.user, room)):
        messages.success(request, _("The room was saved."))
        return redirect("web:networkadmin:room", room_id=room.pk)
    status = 422 if form.is_bound else 200
    context = {"form": form, "room": room}
    return render(request, "networkadmin/room_form.html", context, status=status)


def _room_initial(room) -> dict:
    names = ("name", "name_hi", "host_office", "host_type", "city", "email", "phone")
    return {name: getattr(room, name) for name in names}


def _room_save(actor, room, form: RoomForm) -> None:
    data = _room_input(form.cleaned_data, room)
    services.network_room_update(actor=actor, room_id=room.pk, data=data)


@_editor
@require_http_methods(["GET", "POST"])
def districts_move_view(request, room_id: int):
    """Pick districts (of one state) and the room that serves them; a second POST confirms."""
    room = _room(room_id)
    state = request.GET.get("state") or str(room.state_id)
    form = _districts_move_form(request, room, state)
    preview, done = _two_steps(request, form, _move_preview, partial(_move, request.user))
    if done:
        counts = {"d": done.districts, "g": done.grievances}
        messages.success(
            request, _("%(d)s districts moved; %(g)s open grievances went with them.") % counts
        )
        return redirect("web:networkadmin:room", room_id=form.cleaned_data["to_room"])
    context = {"room": room, "form": form, "preview": preview, "state": state}
    context["states"] = rooms.states_with_rooms()
    return render(request, "networkadmin/districts_move.html", context, status=_status(form))


def _districts_move_form(request, room, state: str) -> DistrictsMoveForm:
    state_id = int(state) if state.isdigit() else room.state_id
    district_rows = rooms.districts_with_rooms(state_id=state_id)
    initial = {"to_room": room.pk}
    return DistrictsMoveForm(request.POST or None, district_rows=district_rows, initial=initial)


def _move_preview(data: dict):
    return selectors.move_preview(district_ids=data["districts"], to_room_id=data["to_room"])


def _move(actor, data: dict):
    return services.network_districts_move(
        actor=actor,
        district_ids=data["districts"],
        to_room_id=data["to_room"],
        reason=data["reason"],
    )


def _status(form) -> int:
    return 422 if form.errors else 200


def _two_steps(request, form, preview, act):
    """A change the hub confirms: the first valid POST gives `(preview(data), None)`, the
    confirming one (`confirm=yes`) `(None, act(data))`, or `(None, None)` with its refusal on
    the form; anything else `(None, None)`."""
    if not (form.is_bound and form.is_valid()):
        return None, None
    data = form.cleaned_data
    if request.POST.get("confirm") != "yes":
        return preview(data), None
    return None, _attempt(request, form, lambda: act(data))


def _attempt(request, form, operation):
    try:
        return operation()
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        if not exc.errors:
            form.add_error(None, exc.message)
    except DomainError as exc:
        form.add_error(None, exc.message)
    return None


@_editor
@require_http_methods(["GET", "POST"])
def room_close_view(request, room_id: int):
    """Merge or close a room; the first POST shows what will move, the second does it."""
    room = _room(room_id)
    form = RoomCloseForm(request.POST or None, room_id=room.pk)
    close = partial(_close, request.user, room)
    preview, done = _two_steps(request, form, partial(_close_preview, room), close)
    if done:
        messages.success(request, _closed_message(room, done))
        return redirect("web:networkadmin:room", room_id=form.cleaned_data["to_room"])
    context = {"room": room, "form": form, "preview": preview}
    return render(request, "networkadmin/room_close.html", context, status=_status(form))


def _close_preview(room, data: dict):
    return selectors.close_preview(room_id=room.pk, to_room_id=data["to_room"])


def _close(actor, room, data: dict):
    return services.network_room_close(
        actor=actor,
        room_id=room.pk,
        to_room_id=data["to_room"],
        reason=data["reason"],
        merge=data["action"] == RoomCloseForm.MERGE,
    )


def _closed_message(room, done) -> str:
    return _(
        "%(room)s is closed: %(d)s districts, %(g)s open grievances and %(o)s officers moved."
    ) % {"room": room.name, "d": done.districts, "g": done.grievances, "o": done.officers}


@_editor
@require_http_methods(["GET", "POST"])
def import_view(request):
    """Upload a CSV: a dry run lists what would change and every bad row; then apply."""
    form = ImportForm(request.POST or None, request.FILES or None)
    valid = form.is_bound and form.is_valid()
    preview = selectors.import_preview(text=form.cleaned_data["text"]) if valid else None
    done = valid and request.POST.get("confirm") == "yes" and _import(request, form)
    if done:
        messages.success(request, _imported_message(done))
        return redirect("web:networkadmin:rooms")
    text = form.cleaned_data.get("text", "") if hasattr(form, "cleaned_data") else ""
    context = {"form": form, "preview": preview, "text": text}
    return render(request, "networkadmin/import.html", context, status=_status(form))


def _imported_message(done) -> str:
    return _("Imported: %(d)s districts moved; %(g)s open grievances went with them.") % {
        "d": done.districts,
        "g": done.grievances,
    }


def _import(request, form: ImportForm):
    data = form.cleaned_data
    return _attempt(
        request,
        form,
        lambda: services.network_import(
            actor=request.user, text=data["text"], reason=data["reason"]
        ),
    )


@_editor
@require_GET
def import_sample_view(request):
    """The field-office rooms as an import file (a realistic set, not the official list)."""
    return FileResponse(
        SAMPLE_FILE.open("rb"),
        as_attachment=True,
        filename=SAMPLE_FILE.name,
        content_type="text/csv",
    )
