from django.contrib import admin

from .models import ControlRoom, RoomDistrict


class RoomDistrictInline(admin.TabularInline):
    model = RoomDistrict
    extra = 0
    autocomplete_fields = ["district"]


@admin.register(ControlRoom)
class ControlRoomAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "host_office", "host_type", "city", "state", "is_active"]
    list_filter = ["kind", "host_type", "is_active"]
    search_fields = ["name", "host_office", "city"]
    inlines = [RoomDistrictInline]
