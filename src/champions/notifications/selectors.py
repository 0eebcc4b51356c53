"""Reads: a user's inbox, unread count and channel preferences."""

from dataclasses import dataclass

from django.db.models import QuerySet

from champions.core.errors import NotFound

from .choices import DEFAULT_CHANNELS, ChannelName, NotificationKind
from .models import Notification, NotificationPreference


def preference_channels(*, user, kind: str) -> frozenset[str]:
    """The channels `kind` goes on for `user`: the default, overridden by saved choices.

    Contacts without an account (`user=None`) get the default without the inbox.
    """
    channels = set(DEFAULT_CHANNELS[kind])
    if user is None:
        return frozenset(channels - {ChannelName.IN_APP})
    preferred = getattr(user, "preferred_channel", "")
    if preferred in ChannelName.values:
        # The channel chosen on the profile replaces the defaults (the inbox always stays).
        channels = {ChannelName.IN_APP, preferred}
    saved = NotificationPreference.objects.filter(user=user, kind=kind).values_list(
        "channel", "is_enabled"
    )
    for channel, is_enabled in saved:
        (channels.add if is_enabled else channels.discard)(channel)
    return frozenset(channels)


@dataclass(frozen=True)
class PreferenceCell:
    channel: str
    label: str
    is_enabled: bool


@dataclass(frozen=True)
class PreferenceRow:
    kind: str
    label: str
    cells: list[PreferenceCell]


def preference_grid(*, user) -> list[PreferenceRow]:
    """Every kind and channel with the user's current choice, for the preferences page."""
    saved = {
        (kind, channel): is_enabled
        for kind, channel, is_enabled in NotificationPreference.objects.filter(
            user=user
        ).values_list("kind", "channel", "is_enabled")
    }
    return [
        PreferenceRow(
            kind=kind,
            label=str(kind_label),
            cells=[
                PreferenceCell(
                    channel=channel,
                    label=str(channel_label),
                    is_enabled=saved.get((kind, channel), channel in DEFAULT_CHANNELS[kind]),
                )
                for channel, channel_label in ChannelName.choices
            ],
        )
        for kind, kind_label in NotificationKind.choices
    ]


def notification_list_for_user(*, user) -> QuerySet[Notification]:
    """The user's inbox: notifications whose in-app delivery has run, newest first."""
    return Notification.objects.filter(recipient=user, shown_at__isnull=False)


def notification_unread_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(
        recipient=user, shown_at__isnull=False, read_at__isnull=True
    ).count()


def notification_get_for_user(*, user, notification_id: int) -> Notification:
    notification = notification_list_for_user(user=user).filter(pk=notification_id).first()
    if notification is None:
        raise NotFound("No such notification.")
    return notification
