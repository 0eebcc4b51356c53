"""Clusters test data, made through the services (the centres from the shipped CSV)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from champions.accounts.services import user_create
from champions.clusters.models import CentreService, Cluster, TechnologyCentre
from champions.clusters.services import RequestInput, centre_staff_assign, centres_load
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf_upload(name: str = "drawing.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def aurangabad() -> TechnologyCentre:
    centres_load()
    return TechnologyCentre.objects.get(source_id=5)


def cnc_service(centre: TechnologyCentre) -> CentreService:
    return CentreService.objects.get(centre=centre, kind="cnc")


def staff_user(centre: TechnologyCentre, email: str = "staff@example.com"):
    user = user_create(email=email, password="pw-Secret-2026", role="centre_staff")
    centre_staff_assign(user=user, centre_id=centre.pk)
    return user


def unit(owner, **overrides):
    return enterprise_create(data=enterprise_input(**overrides), actor=owner)


def request_input(service, enterprise, **overrides) -> RequestInput:
    values = {
        "service_id": service.pk,
        "enterprise_id": enterprise.pk,
        "note": "40 flanges to drawing FL-20",
        "quantity": 40,
    }
    values.update(overrides)
    return RequestInput(**values)


def cluster(
    coordinator=None, *, nic_group: str = "259", districts=(), name: str = "Pune tools"
) -> Cluster:
    made = Cluster.objects.create(name=name, nic_group=nic_group, coordinator=coordinator)
    made.districts.add(*districts)
    return made


def text_file(name: str = "notes.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, io.BytesIO(b"just text").read(), content_type="application/pdf")
