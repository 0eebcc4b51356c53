"""Choices other apps may show (the models stay private to controlrooms)."""

from .models import ControlRoom, Origin, RoomChange

HOST_TYPE_CHOICES = ControlRoom.HostType.choices
KIND_CHOICES = ControlRoom.Kind.choices
ORIGIN_CHOICES = Origin.choices
CHANGE_ACTIONS = RoomChange.Action
