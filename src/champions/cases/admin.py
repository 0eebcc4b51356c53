from django.contrib import admin

from .models import Case, CaseNote, CaseStep


class StepInline(admin.TabularInline):
    model = CaseStep
    extra = 0
    raw_id_fields = ["owner", "done_by"]


class NoteInline(admin.TabularInline):
    model = CaseNote
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["id", "enterprise", "goal", "status", "due_on", "room"]
    list_filter = ["status", "outcome"]
    raw_id_fields = ["enterprise", "assignee", "opened_by"]
    inlines = [StepInline, NoteInline]
