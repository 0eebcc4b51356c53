"""The matrix's world: two rooms (the Maharashtra and Delhi spokes) under the hub, two owners
with an enterprise each (A in Pune, B in New Delhi), one object of each kind per owner, and a
user for every role. Built through the services, once per test module.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from champions.accounts.services import api_token_create, user_create
from champions.assistant.models import CallbackRequest, Conversation
from champions.cases.services import case_open, case_step_add
from champions.clusters.services import (
    PostInput,
    cluster_join_request,
    cluster_post_create,
    membership_decide,
    service_request_create,
)
from champions.clusters.tests.factories import (
    aurangabad,
    cluster,
    cnc_service,
    pdf_upload,
    request_input,
    staff_user,
)
from champions.controlrooms.selectors import hub_get, room_get_by_code
from champions.core.models import District, State
from champions.grievances.attachments.services import attachments_add
from champions.grievances.tests.factories import lodge
from champions.network.posts import (
    introduction_answer,
    introduction_request,
    post_create,
    post_review,
)
from champions.network.services import (
    foreign_profile_signup,
    profile_create_from_enterprise,
    profile_review,
)
from champions.network.validation import ProfileInput
from champions.notifications.services import delivery_send
from champions.notifications.tests.factories import notify_user
from champions.opportunities.services import ResponseInput, opportunity_respond
from champions.opportunities.tests.factories import posted_drive
from champions.registry.models import ImportJob
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input
from champions.roomnet.services import consultation_open, review_schedule
from champions.samadhaan.services import filing_create
from champions.samadhaan.tests.factories import invoice
from champions.schemes.services import catalogue_load

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PASSWORD = "pw-Secret-2026"
# Every role of accounts.choices.Role, plus the anonymous visitor. The owner of object A is
# owner_a; spoke_1 works in the room that holds A's objects (Maharashtra), spoke_2 in B's.
ROLES = (
    "anonymous",
    "owner_a",
    "owner_b",
    "spoke_1",
    "spoke_2",
    "hub",
    "leadership",
    "analyst",
    "administrator",
    "appellate",
    "centre_staff",
)
SIDES = ("A", "B")
PHONES = {"A": "9876543210", "B": "9123456780"}


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> User
    ids: dict = field(default_factory=dict)  # (kind, side) -> primary key
    rooms: dict = field(default_factory=dict)  # side -> ControlRoom
    markers: dict = field(default_factory=dict)  # (kind, side) -> text only its pages show

    def id(self, kind: str, side: str):
        return self.ids[(kind, side)]


def _users(world: World) -> None:
    rooms = {"spoke_1": world.rooms["A"], "spoke_2": world.rooms["B"], "hub": hub_get()}
    roles = {
        "owner_a": "entrepreneur",
        "owner_b": "entrepreneur",
        "spoke_1": "spoke_officer",
        "spoke_2": "spoke_officer",
        "hub": "hub_officer",
        "leadership": "leadership",
        "analyst": "analyst",
        "administrator": "administrator",
        "appellate": "appellate_officer",
    }
    for name, role in roles.items():
        room = rooms.get(name)
        world.users[name] = user_create(
            email=f"{name}@matrix.example",
            password=PASSWORD,
            role=role,
            control_room_id=room.pk if room else None,
        )
    world.users["centre_staff"] = staff_user(aurangabad(), email="centre_staff@matrix.example")


def _enterprise(owner, side: str):
    if side == "A":
        return enterprise_create(data=enterprise_input(), actor=owner)
    state = State.objects.get(udyam_code="DL")
    district = District.objects.get(state=state, name="New Delhi")
    data = enterprise_input(
        udyam_number="UDYAM-DL-07-0054321",
        name="Yamuna Fabrications",
        state_id=state.pk,
        district_id=district.pk,
        pincode="110001",
    )
    return enterprise_create(data=data, actor=owner)


def _objects(world: World, side: str) -> None:
    owner = world.users[f"owner_{side.lower()}"]
    officer = world.users["spoke_1" if side == "A" else "spoke_2"]
    ids = world.ids
    enterprise = _enterprise(owner, side)
    ids[("enterprise", side)] = enterprise.pk
    grievance = lodge(owner, enterprise)
    ids[("grievance", side)] = grievance.pk
    world.markers.update(
        {
            ("enterprise", side): enterprise.name,
            ("grievance", side): grievance.registration_number,
            ("case", side): f"CGTMSE loan for unit {side}",
            ("step", side): f"Accounts of unit {side}",
            ("notification", side): f"News for unit {side}",
            ("callback", side): PHONES[side],
            ("filing", side): f"Buyer of unit {side}",
        }
    )
    upload = SimpleUploadedFile("invoice.png", PNG, content_type="image/png")
    ids[("attachment", side)] = attachments_add(grievance=grievance, files=[upload], actor=owner)[
        0
    ].pk
    case = case_open(
        actor=officer, enterprise_id=enterprise.pk, goal=f"CGTMSE loan for unit {side}"
    )
    ids[("case", side)] = case.pk
    ids[("step", side)] = case_step_add(
        actor=officer,
        case_id=case.pk,
        title=f"Accounts of unit {side}",
        owner_id=owner.pk,
        due_on=timezone.localdate() + timedelta(days=7),
    ).pk
    ids[("filing", side)] = filing_create(
        actor=officer,
        grievance_id=grievance.pk,
        buyer_name=f"Buyer of unit {side}",
        buyer_type="private",
        invoices=[invoice()],
        token=f"form-{side}",
    ).pk
    notification = notify_user(owner, title=f"News for unit {side}")
    for delivery in notification.deliveries.all():  # the in-app delivery shows it in the inbox
        delivery_send(delivery_id=delivery.pk)
    ids[("notification", side)] = notification.pk
    ids[("token", side)] = api_token_create(user=owner, name="laptop").token.pk
    profile = profile_create_from_enterprise(
        user=owner,
        enterprise_id=enterprise.pk,
        data=ProfileInput(name="", country="IN", description="Flanges."),
    )
    ids[("profile", side)] = profile.pk
    post = post_create(
        user=owner, profile_id=profile.pk, kind="business_request", title="Yarn", text="Cotton."
    )
    ids[("post", side)] = post_review(user=world.users["hub"], post_id=post.pk, approve=True).pk
    ids[("request", side)] = service_request_create(
        actor=owner, data=request_input(cnc_service(aurangabad()), enterprise), upload=pdf_upload()
    ).pk
    # Asked of a third room, so the other side's officer is party to neither consultation.
    ids[("consultation", side)] = consultation_open(
        actor=officer,
        grievance_id=grievance.pk,
        to_room_id=room_get_by_code(code="spoke-br").pk,
        body="Seen this buyer?",
    ).pk
    conversation = Conversation.objects.create(user=owner)
    ids[("callback", side)] = CallbackRequest.objects.create(
        conversation=conversation, room=world.rooms[side], user=owner, phone=PHONES[side]
    ).pk
    ids[("room", side)] = world.rooms[side].pk
    _room_work(world, side, owner, officer, enterprise)


def _room_work(world: World, side: str, owner, officer, enterprise) -> None:
    """A demand drive the room's officer posts and the owner answers; a review of the room."""
    drive = posted_drive(officer, title=f"Drive of room {side}")
    world.ids[("opportunity", side)] = drive.pk
    answer = ResponseInput(
        enterprise_id=enterprise.pk,
        quantity=f"Supply from unit {side}",
        price_min_inr=10,
        price_max_inr=20,
    )
    response = opportunity_respond(actor=owner, opportunity_id=drive.pk, data=answer)
    world.ids[("response", side)] = response.pk
    world.markers[("response", side)] = f"Supply from unit {side}"
    _cluster(world, side, owner, officer, enterprise)
    world.ids[("job", side)] = ImportJob.objects.create(  # as the upload page records one
        created_by=officer, file_name=f"units-{side}.csv", stored_path="", status="done"
    ).pk
    world.ids[("review", side)] = review_schedule(
        actor=world.users["hub"],
        room_id=world.rooms[side].pk,
        scheduled_for=timezone.now() + timedelta(days=2),
    ).pk


def _introductions(world: World) -> None:
    """Each owner asks a foreign buyer's post for an introduction, which the buyer accepts: the
    other side's owner and officer are party to neither."""
    buyer = user_create(email="buyer@matrix.example", password=PASSWORD, role="entrepreneur")
    data = ProfileInput(
        name="Hansa Textil", country="DE", registration_number="HRB 1", website="https://h.de"
    )
    profile = foreign_profile_signup(user=buyer, data=data)
    profile_review(user=world.users["hub"], profile_id=profile.pk, approve=True)
    post = post_create(
        user=buyer, profile_id=profile.pk, kind="business_request", title="Yarn", text="Cotton."
    )
    post_review(user=world.users["hub"], post_id=post.pk, approve=True)
    for side in SIDES:
        asked = introduction_request(
            user=world.users[f"owner_{side.lower()}"],
            post_id=post.pk,
            from_profile_id=world.id("profile", side),
            message="We spin yarn.",
        )
        introduction_answer(user=buyer, introduction_id=asked.pk, answer="accepted")
        world.ids[("introduction", side)] = asked.pk


def _cluster(world: World, side: str, owner, officer, enterprise) -> None:
    """A virtual cluster the room's officer coordinates; the owner's unit is a member and
    posts a private document."""
    made = cluster(officer, districts=[enterprise.district], name=f"Cluster of room {side}")
    world.ids[("cluster", side)] = made.pk
    joined = cluster_join_request(actor=owner, cluster_id=made.pk, enterprise_id=enterprise.pk)
    membership_decide(actor=officer, membership_id=joined.pk, approve=True)
    title = f"Minutes of cluster {side}"
    data = PostInput(kind="document", title=title, is_private=True)
    post = cluster_post_create(actor=owner, cluster_id=made.pk, data=data, upload=pdf_upload())
    world.ids[("document", side)] = post.pk
    # A second cluster nobody has asked to join yet: for the join requests.
    world.ids[("open_cluster", side)] = cluster(
        officer, districts=[enterprise.district], name=f"Open cluster {side}"
    ).pk
    world.markers[("document", side)] = title


def _pending_memberships(world: World) -> None:
    """Each owner asks to join the other room's cluster: a request its coordinator decides."""
    for side, other in (("A", "B"), ("B", "A")):
        world.ids[("membership", side)] = cluster_join_request(
            actor=world.users[f"owner_{other.lower()}"],
            cluster_id=world.id("cluster", side),
            enterprise_id=world.id("enterprise", other),
        ).pk


def world_build() -> World:
    world = World(
        rooms={"A": room_get_by_code(code="spoke-mh"), "B": room_get_by_code(code="spoke-dl")}
    )
    _users(world)
    catalogue_load()
    for side in SIDES:
        _objects(world, side)
    _introductions(world)
    _pending_memberships(world)
    return world


def enterprise_body(world: World, side: str) -> dict:
    """A valid full update of that side's enterprise (the API's PUT)."""
    from champions.registry.models import Enterprise

    enterprise = Enterprise.objects.get(pk=world.id("enterprise", side))
    body = dict(vars(enterprise_input()))
    body.update(
        udyam_number=enterprise.udyam_number,
        name=enterprise.name,
        state_id=enterprise.state_id,
        district_id=enterprise.district_id,
        pincode=enterprise.pincode,
    )
    return body
