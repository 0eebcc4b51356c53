from django.contrib import admin

from .models import CannedReply, Grievance, Holiday, SlaPolicy, TimelineEntry


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin):
    list_display = [
        "category",
        "priority",
        "assign_days",
        "escalate_days",
        "resolve_days",
        "appeal_days",
        "updated_at",
    ]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["day", "name", "state"]
    list_filter = ["state"]
    date_hierarchy = "day"


@admin.register(CannedReply)
class CannedReplyAdmin(admin.ModelAdmin):
    list_display = ["title", "category"]
    search_fields = ["title", "body"]


class TimelineInline(admin.TabularInline):
    """The record, read-only: timeline entries are append-only (see `audit_chain`)."""

    model = TimelineEntry
    extra = 0
    can_delete = False
    fields = readonly_fields = ["created_at", "actor", "action", "from_status", "to_status", "note"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Grievance)
class GrievanceAdmin(admin.ModelAdmin):
    """Read-only: a grievance changes through its workflow (which writes the timeline), never
    by editing the row, and is never deleted (its record would go with it)."""

    list_display = ["registration_number", "subject", "status", "room", "sla_state", "lodged_at"]
    list_filter = ["status", "sla_state", "kind", "channel", "category"]
    search_fields = ["registration_number", "subject"]
    raw_id_fields = ["enterprise", "complainant", "lodged_by", "assignee", "merged_into"]
    inlines = [TimelineInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
