"""The timeline is a tamper-evident record: append-only, hash-chained per grievance, checked
by `champions audit verify`, and guarded by a trigger on PostgreSQL."""

import itertools
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError

from champions.core.audit import GENESIS, AppendOnlyError, digest
from champions.grievances.audit_chain import entry_values
from champions.grievances.demo import DemoEnterprise, demo_grievances_load
from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.services import grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

ON_POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database guard is PostgreSQL's trigger"
)


def _verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def _verify_failure() -> tuple[str, CommandError]:
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("audit", "verify", stdout=out)
    return out.getvalue(), failure.value


def _demo(entrepreneur, count=30):
    unit = pune_enterprise(entrepreneur)
    places = [DemoEnterprise(unit.pk, unit.district_id, unit.state_id, "MH")]
    demo_grievances_load(count=count, enterprises=places)


def _alter_directly(sql: str, params: list) -> None:
    """What someone with full database access could do: bypass the ORM (and, on PostgreSQL,
    switch triggers off for the session first, as a superuser may)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


def test_each_entry_carries_the_hash_of_the_one_before_in_its_grievance(
    entrepreneur, spoke_officer
):
    # given
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))

    # when
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    grievance_transition(grievance_id=grievance.pk, action="start", actor=spoke_officer)

    # then
    entries = list(grievance.timeline.order_by("id"))
    assert [e.action for e in entries] == ["lodged", "assign", "start"]
    assert entries[0].prev_hash == GENESIS
    for before, entry in itertools.pairwise(entries):
        assert entry.prev_hash == before.hash
    for entry in entries:
        assert entry.hash == digest(entry_values(entry), entry.prev_hash)
        assert len(entry.hash) == 64


def test_verify_passes_on_a_fresh_demo(entrepreneur, mh_room):
    _demo(entrepreneur)

    out = _verify()

    checked = TimelineEntry.objects.count()
    assert f"grievance timeline: {checked} rows checked, intact" in out
    assert checked > 30
    assert "Every chain is intact." in out


def test_verify_fails_after_a_row_is_altered_in_the_database(entrepreneur, mh_room):
    # given: a fresh demo, then one note rewritten behind the application's back
    _demo(entrepreneur)
    victim = TimelineEntry.objects.order_by("id")[5]
    _alter_directly(
        "UPDATE grievances_timelineentry SET note = %s WHERE id = %s",
        ["Nothing happened.", victim.pk],
    )

    # when
    out, failure = _verify_failure()

    # then
    assert failure.returncode == 1
    assert f"grievance timeline row {victim.pk}: hash does not match" in out
    assert "grievance timeline: " in out
    assert "BROKEN" in out


def test_verify_fails_after_a_row_is_removed_in_the_database(entrepreneur, spoke_officer):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    grievance_transition(grievance_id=grievance.pk, action="start", actor=spoke_officer)
    middle = grievance.timeline.order_by("id")[1]
    after = grievance.timeline.order_by("id")[2]

    _alter_directly("DELETE FROM grievances_timelineentry WHERE id = %s", [middle.pk])

    out, _failure = _verify_failure()
    assert f"grievance timeline row {after.pk}: prev_hash does not match" in out


def test_the_orm_refuses_to_change_or_delete_an_entry(entrepreneur):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    entry = grievance.timeline.get()

    entry.note = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        TimelineEntry.objects.filter(pk=entry.pk).update(note="rewritten")
    with pytest.raises(AppendOnlyError):
        TimelineEntry.objects.filter(pk=entry.pk).delete()
    # a grievance with a record cannot be deleted (its entries would go with it)
    with pytest.raises(ProtectedError):
        Grievance.objects.get(pk=grievance.pk).delete()
    entry.refresh_from_db()
    assert entry.note != "rewritten"


@ON_POSTGRES
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE grievances_timelineentry SET note = 'rewritten' WHERE id = %s",
        "DELETE FROM grievances_timelineentry WHERE id = %s",
    ],
)
def test_postgresql_refuses_update_and_delete_in_sql(sql, entrepreneur):
    entry = lodge(entrepreneur, pune_enterprise(entrepreneur)).timeline.get()

    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])

    entry.refresh_from_db()
    assert entry.note != "rewritten"


def test_the_admin_shows_grievances_and_their_record_read_only(client, entrepreneur):
    from champions.accounts.services import user_create

    superuser = user_create(
        email="root@example.com", password="x-Long-pass-2026", is_staff=True, is_superuser=True
    )
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    client.force_login(superuser)
    url = f"/admin/grievances/grievance/{grievance.pk}/change/"

    page = client.get(url)
    changed = client.post(url, {"subject": "Rewritten", "status": "closed"})
    deleted = client.post(f"/admin/grievances/grievance/{grievance.pk}/delete/", {"post": "yes"})

    assert page.status_code == 200
    assert b"Payment pending" in page.content
    assert changed.status_code == 403
    assert deleted.status_code == 403
    grievance.refresh_from_db()
    assert (grievance.subject, grievance.status) == ("Payment pending for 120 days", "submitted")
    assert grievance.timeline.count() == 1
