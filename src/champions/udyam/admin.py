from django.contrib import admin

from .models import SandboxUdyamRecord, UdyamCheck


@admin.register(UdyamCheck)
class UdyamCheckAdmin(admin.ModelAdmin):
    list_display = ["udyam_number", "outcome", "checked_at"]
    list_filter = ["outcome"]
    raw_id_fields = ["enterprise"]


@admin.register(SandboxUdyamRecord)
class SandboxUdyamRecordAdmin(admin.ModelAdmin):
    list_display = ["udyam_number", "name", "category"]
    search_fields = ["udyam_number", "name"]
