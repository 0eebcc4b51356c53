from django.contrib import admin, messages

from . import services
from .models import Filing, FilingEvent


class EventInline(admin.TabularInline):
    model = FilingEvent
    extra = 0
    readonly_fields = ["status", "detail", "at"]


@admin.register(Filing)
class FilingAdmin(admin.ModelAdmin):
    list_display = ["id", "reference", "buyer_name", "delivery", "remote_status", "attempts"]
    list_filter = ["delivery", "remote_status"]
    raw_id_fields = ["grievance", "enterprise", "filed_by"]
    readonly_fields = ["idempotency_key", "form_token"]
    inlines = [EventInline]
    actions = ["replay"]

    @admin.action(description="Send the failed filings again")
    def replay(self, request, queryset):
        count = services.filings_replay(filing_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"{count} queued again.", messages.SUCCESS)
