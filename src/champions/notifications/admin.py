from django.contrib import admin, messages

from . import services
from .choices import DeliveryStatus
from .models import Delivery, Notification, NotificationPreference


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = ("channel", "address", "status", "attempts", "sent_at", "last_error")
    readonly_fields = fields


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "recipient", "title", "created_at", "shown_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("title", "recipient__email", "idempotency_key")
    list_select_related = ("recipient",)
    raw_id_fields = ("recipient",)
    inlines = [DeliveryInline]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Every channel's delivery; failed ones are sent again with the "Send again" action."""

    list_display = ("id", "notification", "channel", "address", "status", "attempts", "sent_at")
    list_filter = ("status", "channel")
    search_fields = ("address", "notification__title")
    list_select_related = ("notification",)
    raw_id_fields = ("notification",)
    actions = ["send_again"]

    @admin.action(description="Send the selected failed deliveries again")
    def send_again(self, request, queryset) -> None:
        failed = list(queryset.filter(status=DeliveryStatus.FAILED).values_list("pk", flat=True))
        count = services.deliveries_resend(delivery_ids=failed)
        self.message_user(
            request,
            f"{count} deliveries queued again.",
            messages.SUCCESS if count else messages.WARNING,
        )


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "channel", "is_enabled")
    list_filter = ("kind", "channel", "is_enabled")
    search_fields = ("user__email",)
    raw_id_fields = ("user",)
