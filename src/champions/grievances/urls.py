from django.urls import path

from . import triage_views, views

app_name = "grievances"

urlpatterns = [
    path("", views.grievance_list_view, name="list"),
    path("new/", views.grievance_lodge_view, name="lodge"),
    path("intake/", views.grievance_intake_view, name="intake"),
    path("queue/", views.grievance_queue_view, name="queue"),
    path("queue/bulk/", views.grievance_bulk_view, name="bulk"),
    path("track/", views.grievance_track_view, name="track"),
    path("sla/", views.sla_policy_list_view, name="sla"),
    path("sla/<int:policy_id>/", views.sla_policy_edit_view, name="sla_edit"),
    path("sla/<int:policy_id>/delete/", views.sla_policy_delete_view, name="sla_delete"),
    path("holidays/", views.holiday_list_view, name="holidays"),
    path("holidays/<int:holiday_id>/delete/", views.holiday_delete_view, name="holiday_delete"),
    path("<int:grievance_id>/", views.grievance_detail_view, name="detail"),
    path(
        "<int:grievance_id>/lodged/", views.grievance_acknowledgement_view, name="acknowledgement"
    ),
    path("<int:grievance_id>/act/", views.grievance_transition_view, name="transition"),
    path("<int:grievance_id>/messages/", views.grievance_message_view, name="message"),
    path("<int:grievance_id>/rate/", views.grievance_rate_view, name="rate"),
    path("<int:grievance_id>/transfer/", views.grievance_transfer_view, name="transfer"),
    path("<int:grievance_id>/refer/", views.grievance_refer_view, name="refer"),
    path("<int:grievance_id>/assign/", views.grievance_assign_view, name="assign"),
    path("<int:grievance_id>/merge/", views.grievance_merge_view, name="merge"),
    path("<int:grievance_id>/triage/", triage_views.grievance_triage_view, name="triage"),
    path(
        "<int:grievance_id>/triage/panel/",
        triage_views.grievance_triage_panel_view,
        name="triage_panel",
    ),
    path(
        "attachments/<int:attachment_id>/",
        views.attachment_download_view,
        name="attachment_download",
    ),
]
