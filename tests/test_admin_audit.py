"""Every admin write is audited in the append-only, hash-chained admin audit log."""

import itertools
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from champions.accounts.services import user_create
from champions.core.admin_audit import HIDDEN, AuditedAdminMixin
from champions.core.audit import GENESIS, AppendOnlyError, digest
from champions.core.models import AuditEntry
from champions.grievances.models import CannedReply
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.integrations.models import OutboxMessage, OutboxStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(client):
    user = user_create(
        email="root@example.com", password="x-Long-pass-2026", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return user


def _reply(**values) -> CannedReply:
    return CannedReply.objects.create(title=values.get("title", "Thanks"), body="We are on it.")


def test_every_registered_admin_is_audited():
    unaudited = [
        model.__name__
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, AuditedAdminMixin)
    ]
    assert unaudited == []
    assert len(admin.site._registry) > 20


def test_an_addition_is_audited_with_what_was_added(client, root):
    response = client.post(
        "/admin/grievances/cannedreply/add/",
        {"title": "Payment chased", "body": "We wrote to the buyer.", "category": ""},
    )

    assert response.status_code == 302
    reply = CannedReply.objects.get()
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.app_label, entry.model) == ("add", "grievances", "cannedreply")
    assert (entry.actor_id, entry.actor_label, entry.object_pk) == (
        root.pk,
        "root@example.com",
        str(reply.pk),
    )
    assert entry.changes["title"] == "Payment chased"
    assert entry.prev_hash == GENESIS
    assert LogEntry.objects.count() == 1  # Django's own log is still written


def test_a_change_is_audited_with_the_values_before_and_after(client, root):
    reply = _reply(title="Thanks")

    client.post(
        f"/admin/grievances/cannedreply/{reply.pk}/change/",
        {"title": "Thank you", "body": "We are on it.", "category": ""},
    )

    entry = AuditEntry.objects.get()
    assert entry.action == "change"
    assert entry.changes["fields"] == {"title": ["Thanks", "Thank you"]}


def test_deletions_one_or_many_are_audited_with_what_was_deleted(client, root):
    first, second, third = _reply(title="A"), _reply(title="B"), _reply(title="C")

    client.post(f"/admin/grievances/cannedreply/{first.pk}/delete/", {"post": "yes"})
    client.post(
        "/admin/grievances/cannedreply/",
        {"action": "delete_selected", "_selected_action": [second.pk, third.pk], "post": "yes"},
    )

    assert CannedReply.objects.count() == 0
    entries = list(AuditEntry.objects.order_by("id"))
    assert [(e.action, e.object_repr) for e in entries] == [
        ("delete", "A"),
        ("delete", "B"),
        ("delete", "C"),
    ]
    assert {e.changes["title"] for e in entries} == {"A", "B", "C"}
    for before, entry in itertools.pairwise(entries):
        assert entry.prev_hash == before.hash


def test_a_custom_action_is_audited_per_selected_row(client, root, entrepreneur):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    dead = OutboxMessage.objects.create(
        kind="push",
        grievance=grievance,
        event="lodged",
        payload={},
        idempotency_key="k-1",
        status=OutboxStatus.DEAD,
        next_attempt_at=timezone.now() - timedelta(hours=1),
    )

    client.post(
        "/admin/integrations/outboxmessage/",
        {"action": "replay", "_selected_action": [dead.pk], "index": "0"},
    )

    entry = AuditEntry.objects.get()
    assert (entry.action, entry.model, entry.object_pk) == (
        "action:replay",
        "outboxmessage",
        str(dead.pk),
    )


def test_secrets_are_never_written_to_the_log(client, root):
    client.post(
        "/admin/accounts/user/add/",
        {
            "email": "new@example.com",
            "password1": "x-Long-pass-2026",
            "password2": "x-Long-pass-2026",
            "role": "entrepreneur",
        },
    )

    entry = AuditEntry.objects.filter(action="add", model="user").get()
    assert entry.changes["password"] == HIDDEN
    assert "pbkdf2" not in str(entry.changes)
    assert "md5" not in str(entry.changes)


def test_the_audit_log_is_append_only_and_read_only_in_the_admin(client, root):
    _reply()
    client.post(
        f"/admin/grievances/cannedreply/{CannedReply.objects.get().pk}/delete/", {"post": "yes"}
    )
    entry = AuditEntry.objects.get()

    entry.action = "nothing"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    changed = client.post(f"/admin/core/auditentry/{entry.pk}/change/", {"action": "nothing"})
    deleted = client.post(f"/admin/core/auditentry/{entry.pk}/delete/", {"post": "yes"})
    listed = client.get("/admin/core/auditentry/")

    assert (changed.status_code, deleted.status_code, listed.status_code) == (403, 403, 200)
    assert AuditEntry.objects.get().action == "delete"


def test_verify_fails_after_an_audit_row_is_altered_in_the_database(client, root):
    for title in ("A", "B", "C"):
        client.post(
            "/admin/grievances/cannedreply/add/", {"title": title, "body": "x", "category": ""}
        )
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "admin audit log: 3 rows checked, intact" in out.getvalue()
    middle = AuditEntry.objects.order_by("id")[1]
    assert middle.hash == digest(
        {
            c: getattr(middle, c)
            for c in (
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
        },
        middle.prev_hash,
    )

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "UPDATE core_auditentry SET actor_label = 'someone' WHERE id = %s", [middle.pk]
        )
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")

    out = StringIO()
    with pytest.raises(CommandError):
        call_command("audit", "verify", stdout=out)
    assert f"admin audit log row {middle.pk}: hash does not match" in out.getvalue()
