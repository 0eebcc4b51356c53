"""The hub's pages for the control-room network: list, room, add/edit, move districts,
merge/close, CSV import. Hub officers and administrators change it; leadership looks."""

from functools import wraps

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
    context = {
        **_base(request),
        "page": page,
        "states": rooms.states_with_rooms(),
        "state": state,
        "show_closed": show_closed,
        "is_default": rooms.network_is_default(),
        "uncovered": rooms.uncovered_district_count(),
    }
    return render(request, "networkadmin/room_list.html", context)


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
    initial = {
        k: getattr(room, k) for k in ("name", "host_office", "host_type", "city", "email", "phone")
    }
    form = RoomForm(request.POST or None, initial=initial, editing=True)
    if form.is_bound and form.is_valid():
        try:
            services.network_room_update(
                actor=request.user, room_id=room.pk, data=_room_input(form.cleaned_data, room)
            )
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
        else:
            messages.success(request, _("The room was saved."))
            return redirect("web:networkadmin:room", room_id=room.pk)
    status = 422 if form.is_bound else 200
    return render(
        request, "networkadmin/room_form.html", {"form": form, "room": room}, status=status
    )


@_editor
@require_http_methods(["GET", "POST"])
def districts_move_view(request, room_id: int):
    """Pick districts (of one state) and the room that serves them; a second POST confirms."""
    room = _room(room_id)
    state = request.GET.get("state") or str(room.state_id)
    district_rows = rooms.districts_with_rooms(
        state_id=int(state) if state.isdigit() else room.state_id
    )
    form = DistrictsMoveForm(
        request.POST or None, district_rows=district_rows, initial={"to_room": room.pk}
    )
    preview = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("confirm") != "yes":
            preview = selectors.move_preview(
                district_ids=data["districts"], to_room_id=data["to_room"]
            )
        elif done := _attempt(
            request,
            form,
            lambda: services.network_districts_move(
                actor=request.user,
                district_ids=data["districts"],
                to_room_id=data["to_room"],
                reason=data["reason"],
            ),
        ):
            messages.success(
                request,
                _("%(d)s districts moved; %(g)s open grievances went with them.")
                % {"d": done.districts, "g": done.grievances},
            )
            return redirect("web:networkadmin:room", room_id=data["to_room"])
    context = {
        "room": room,
        "form": form,
        "preview": preview,
        "states": rooms.states_with_rooms(),
        "state": state,
    }
    return render(
        request, "networkadmin/districts_move.html", context, status=422 if form.errors else 200
    )


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
    preview = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("confirm") != "yes":
            preview = selectors.close_preview(room_id=room.pk, to_room_id=data["to_room"])
        elif done := _attempt(
            request,
            form,
            lambda: services.network_room_close(
                actor=request.user,
                room_id=room.pk,
                to_room_id=data["to_room"],
                reason=data["reason"],
                merge=data["action"] == RoomCloseForm.MERGE,
            ),
        ):
            messages.success(
                request,
                _(
                    "%(room)s is closed: %(d)s districts, %(g)s open grievances and "
                    "%(o)s officers moved."
                )
                % {
                    "room": room.name,
                    "d": done.districts,
                    "g": done.grievances,
                    "o": done.officers,
                },
            )
            return redirect("web:networkadmin:room", room_id=data["to_room"])
    context = {"room": room, "form": form, "preview": preview}
    return render(
        request, "networkadmin/room_close.html", context, status=422 if form.errors else 200
    )


@_editor
@require_http_methods(["GET", "POST"])
def import_view(request):
    """Upload a CSV: a dry run lists what would change and every bad row; then apply."""
    form = ImportForm(request.POST or None, request.FILES or None)
    preview = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        preview = selectors.import_preview(text=data["text"])
        if request.POST.get("confirm") == "yes" and (
            done := _attempt(
                request,
                form,
                lambda: services.network_import(
                    actor=request.user, text=data["text"], reason=data["reason"]
                ),
            )
        ):
            messages.success(
                request,
                _("Imported: %(d)s districts moved; %(g)s open grievances went with them.")
                % {"d": done.districts, "g": done.grievances},
            )
            return redirect("web:networkadmin:rooms")
    context = {
        "form": form,
        "preview": preview,
        "text": form.cleaned_data.get("text", "")
        if form.is_bound and hasattr(form, "cleaned_data")
        else "",
    }
    return render(request, "networkadmin/import.html", context, status=422 if form.errors else 200)


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
