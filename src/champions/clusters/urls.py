from django.urls import path

from .views import centres, clusters

app_name = "clusters"

urlpatterns = [
    path("centres/", centres.centre_directory_view, name="centre_directory"),
    path("centres/<int:centre_id>/", centres.centre_detail_view, name="centre_detail"),
    path("centres/requests/", centres.request_list_view, name="request_list"),
    path("centres/requests/<int:request_id>/", centres.request_detail_view, name="request_detail"),
    path(
        "centres/requests/<int:request_id>/attachment/",
        centres.request_attachment_view,
        name="request_attachment",
    ),
    path("centres/demand/", centres.centre_demand_view, name="centre_demand"),
    path("clusters/", clusters.cluster_list_view, name="cluster_list"),
    path("clusters/<int:cluster_id>/", clusters.cluster_detail_view, name="cluster_detail"),
    path("clusters/<int:cluster_id>/join/", clusters.cluster_join_view, name="cluster_join"),
    path("clusters/<int:cluster_id>/post/", clusters.cluster_post_view, name="cluster_post"),
    path("clusters/<int:cluster_id>/need/", clusters.cluster_need_view, name="cluster_need"),
    path(
        "clusters/memberships/<int:membership_id>/decide/",
        clusters.membership_decide_view,
        name="membership_decide",
    ),
    path(
        "clusters/documents/<int:post_id>/", clusters.cluster_document_view, name="cluster_document"
    ),
]
