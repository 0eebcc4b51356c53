from django.contrib import admin

from .models import AuditEntry, District, NicCode, Pincode, State


@admin.register(State)
class StateAdmin(admin.ModelAdmin):
    list_display = ["name", "name_hi", "udyam_code", "lgd_code", "kind"]
    search_fields = ["name", "name_hi", "udyam_code"]
    list_filter = ["kind"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "state", "lgd_code"]
    search_fields = ["name"]
    list_filter = ["state"]
    list_select_related = ["state"]


@admin.register(Pincode)
class PincodeAdmin(admin.ModelAdmin):
    list_display = ["code", "state"]
    search_fields = ["code"]
    list_select_related = ["state"]


@admin.register(NicCode)
class NicCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "description", "section"]
    search_fields = ["code", "description"]
    list_filter = ["section"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The admin audit log: read-only (the rows are append-only and hash-chained)."""

    list_display = ["at", "actor_label", "action", "app_label", "model", "object_repr"]
    list_filter = ["action", "app_label"]
    search_fields = ["actor_label", "object_repr", "object_pk"]
    date_hierarchy = "at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
