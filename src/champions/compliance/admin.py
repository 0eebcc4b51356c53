from django.contrib import admin

from .models import ComplianceProfile, Reminder


@admin.register(ComplianceProfile)
class ComplianceProfileAdmin(admin.ModelAdmin):
    list_display = ["enterprise", "is_gst_registered", "gst_filing", "employees", "updated_at"]
    list_filter = ["is_gst_registered", "gst_filing", "reminders_enabled"]
    raw_id_fields = ["enterprise", "updated_by"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["enterprise", "obligation_code", "due_on", "sent_at", "recipients"]
    list_filter = ["obligation_code"]
    raw_id_fields = ["enterprise"]
    date_hierarchy = "due_on"
