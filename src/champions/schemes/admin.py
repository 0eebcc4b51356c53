from django.contrib import admin

from .models import Scheme, SchemeVersion


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    """Read-only here: edits go through the web form, which writes a version each time."""

    list_display = ("slug", "short_name", "agency", "kind", "version", "last_verified")
    list_filter = ("agency", "kind", "is_finance", "needs_verification")
    search_fields = ("slug", "name_en", "name_hi", "short_name")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(SchemeVersion)
class SchemeVersionAdmin(admin.ModelAdmin):
    list_display = ("scheme", "number", "source", "changed_by", "changed_at")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
