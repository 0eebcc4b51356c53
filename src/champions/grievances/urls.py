from django.urls import path

from .views import actions, detail, lodging, queue, service_levels, triage

app_name = "grievances"

urlpatterns = [
    path("", queue.grievance_list_view, name="list"),
    path("new/", lodging.grievance_lodge_view, name="lodge"),
    path("intake/", lodging.grievance_intake_view, name="intake"),
    path("queue/", queue.grievance_queue_view, name="queue"),
    path("queue/bulk/", queue.grievance_bulk_view, name="bulk"),
    path("track/", lodging.grievance_track_view, name="track"),
    path("sla/", service_levels.sla_policy_list_view, name="sla"),
    path("sla/<int:policy_id>/", service_levels.sla_policy_edit_view, name="sla_edit"),
    path("sla/<int:policy_id>/delete/", service_levels.sla_policy_delete_view, name="sla_delete"),
    path("holidays/", service_levels.holiday_list_view, name="holidays"),
    path(
        "holidays/<int:holiday_id>/delete/",
        service_levels.holiday_delete_view,
        name="holiday_delete",
    ),
    path("<int:grievance_id>/", detail.grievance_detail_view, name="detail"),
    path(
        "<int:grievance_id>/lodged/",
        lodging.grievance_acknowledgement_view,
        name="acknowledgement",
    ),
    path("<int:grievance_id>/act/", actions.grievance_transition_view, name="transition"),
    path("<int:grievance_id>/messages/", actions.grievance_message_view, name="message"),
    path("<int:grievance_id>/rate/", actions.grievance_rate_view, name="rate"),
    path("<int:grievance_id>/transfer/", actions.grievance_transfer_view, name="transfer"),
    path("<int:grievance_id>/refer/", actions.grievance_refer_view, name="refer"),
    path("<int:grievance_id>/assign/", actions.grievance_assign_view, name="assign"),
    path("<int:grievance_id>/merge/", actions.grievance_merge_view, name="merge"),
    path("<int:grievance_id>/triage/", triage.grievance_triage_view, name="triage"),
    path(
        "<int:grievance_id>/triage/panel/",
        triage.grievance_triage_panel_view,
        name="triage_panel",
    ),
    path(
        "attachments/<int:attachment_id>/",
        detail.attachment_download_view,
        name="attachment_download",
    ),
]
