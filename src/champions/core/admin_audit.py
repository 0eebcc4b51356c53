"""Every admin write is audited: an `AuditEntry` (append-only, hash-chained) per record added,
changed or deleted, and per action run on selected records.

The default admin site is `AuditedAdminSite` (through `admin_apps.AuditedAdminConfig`); its
`register` mixes `AuditedAdminMixin` into every ModelAdmin, ours and third-party ones alike,
so no admin class can forget it. Django's own `LogEntry` is still written beside it.
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.db import transaction
from django.db.models import Model

from .audit import GENESIS, ChainReport, chain_lock, digest, links_check
from .models import AuditEntry

AUDIT_CHAIN_LOCK = 0x4155_4449_5400  # advisory-lock key of the admin audit chain
AUDIT_COLUMNS = (
    "at",
    "actor_id",
    "actor_label",
    "action",
    "app_label",
    "model",
    "object_pk",
    "object_repr",
    "changes",
)
# Columns whose values never go into the log (their change is noted, not their value).
SECRET_WORDS = ("password", "token", "secret", "hash", "code_hmac", "salt")
HIDDEN = "(not recorded)"


def audit_record(*, actor, action: str, obj: Model, changes: dict) -> AuditEntry:
    """Append one entry to the admin audit chain (under a lock: two admins saving at once
    still make one chain, not a fork)."""
    meta = obj._meta
    entry = AuditEntry(
        actor_id=getattr(actor, "pk", None),
        actor_label=str(getattr(actor, "email", "") or actor or "")[:254],
        action=action[:40],
        app_label=meta.app_label,
        model=meta.model_name,
        object_pk=str(obj.pk or "")[:64],
        object_repr=str(obj)[:200],
        changes=changes,
    )
    with transaction.atomic():
        chain_lock(AUDIT_CHAIN_LOCK)
        last = AuditEntry.objects.order_by("-id").values_list("hash", flat=True).first()
        entry.prev_hash = last or GENESIS
        entry.hash = digest(_values(entry), entry.prev_hash)
        entry.save()
    return entry


def _values(entry: AuditEntry) -> dict:
    return {column: getattr(entry, column) for column in AUDIT_COLUMNS}


def audit_chain_verify() -> ChainReport:
    rows = AuditEntry.objects.order_by("id").values("id", "prev_hash", "hash", *AUDIT_COLUMNS)
    return links_check(ChainReport("admin audit log"), rows.iterator(), columns=AUDIT_COLUMNS)


def _plain(name: str, value):
    """A value as the log keeps it: JSON-safe, secrets left out."""
    if any(word in name.lower() for word in SECRET_WORDS):
        return HIDDEN
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, str | int | float | bool | type(None)):
        return value
    if hasattr(value, "__iter__") and not hasattr(value, "read"):
        return [_plain(name, item) for item in value]
    return str(value)


def snapshot(obj: Model) -> dict:
    """Every concrete column of `obj` (what an added record holds, what a deleted one held)."""
    return {
        f.attname: _plain(f.attname, f.value_from_object(obj)) for f in obj._meta.concrete_fields
    }


class AuditedAdminMixin:
    """Audits what the admin does; mixed into every ModelAdmin by `AuditedAdminSite`."""

    def save_model(self, request, obj, form, change):
        if change:  # the values before and after, of the fields the form changed
            diff = {
                name: [_plain(name, form.initial.get(name)), _plain(name, form.cleaned_data[name])]
                for name in form.changed_data
                if name in form.cleaned_data
            }
            request._audit_diffs = {**getattr(request, "_audit_diffs", {}), id(obj): diff}
        super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        logged = super().log_addition(request, obj, message)
        audit_record(actor=request.user, action="add", obj=obj, changes=snapshot(obj))
        return logged

    def log_change(self, request, obj, message):
        logged = super().log_change(request, obj, message)
        diff = getattr(request, "_audit_diffs", {}).get(id(obj), {})
        changes = {"fields": diff, "message": _plain("message", message)}
        audit_record(actor=request.user, action="change", obj=obj, changes=changes)
        return logged

    def log_deletions(self, request, queryset):
        logged = super().log_deletions(request, queryset)
        for obj in queryset:
            audit_record(actor=request.user, action="delete", obj=obj, changes=snapshot(obj))
        return logged

    def response_action(self, request, queryset):
        name = _action_name(request)
        rows = []
        if name and name != "delete_selected":  # deletions: log_deletions, once confirmed
            chosen = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            across = request.POST.get("select_across") == "1"
            rows = list(queryset if across else queryset.filter(pk__in=chosen))
        response = super().response_action(request, queryset)
        if response is not None:  # None: nothing ran (no row selected, unknown action)
            for obj in rows:
                audit_record(actor=request.user, action=f"action:{name}", obj=obj, changes={})
        return response


def _action_name(request) -> str:
    """The action whose button was pressed (the changelist has a form at the top and bottom)."""
    names = request.POST.getlist("action")
    index = request.POST.get("index", "0")
    position = int(index) if index.isdigit() else 0
    return names[position] if position < len(names) else ""


def audited(admin_class: type) -> type:
    if issubclass(admin_class, AuditedAdminMixin):
        return admin_class
    return type(admin_class.__name__, (AuditedAdminMixin, admin_class), {})


class AuditedAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = audited(admin_class or admin.ModelAdmin)
        super().register(model_or_iterable, admin_class, **options)
