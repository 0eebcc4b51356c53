from django.contrib import admin, messages

from . import outbox
from .models import OutboxMessage, OutboxStatus, SyncCursor


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """The CPGRAMS outbox; dead letters are sent again with the "Replay" action."""

    list_display = (
        "id",
        "kind",
        "grievance",
        "event",
        "status",
        "attempts",
        "next_attempt_at",
        "remote_number",
        "short_error",
        "created_at",
    )
    list_filter = ("status", "kind")
    search_fields = ("grievance__registration_number", "remote_number", "idempotency_key")
    list_select_related = ("grievance",)
    actions = ["replay"]

    @admin.display(description="last error")
    def short_error(self, message: OutboxMessage) -> str:
        return message.last_error[:80]

    @admin.action(description="Replay the selected dead letters")
    def replay(self, request, queryset) -> None:
        dead = list(queryset.filter(status=OutboxStatus.DEAD).values_list("pk", flat=True))
        count = outbox.outbox_replay(message_ids=dead)
        self.message_user(
            request,
            f"{count} message(s) queued again.",
            messages.SUCCESS if count else messages.WARNING,
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SyncCursor)
class SyncCursorAdmin(admin.ModelAdmin):
    list_display = ("name", "value", "updated_at")

    def has_add_permission(self, request) -> bool:
        return False
