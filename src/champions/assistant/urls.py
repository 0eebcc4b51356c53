from django.urls import path

from . import views

app_name = "assistant"

urlpatterns = [
    path("", views.assistant_page_view, name="page"),
    path("ask/", views.ask_view, name="ask"),
    path("turns/<int:turn_id>/rate/", views.rate_view, name="rate"),
    path("sources/", views.source_list_view, name="sources"),
    path("sources/<slug:source_id>/", views.source_view, name="source"),
    path("review/", views.review_view, name="review"),
    path("callbacks/", views.callback_list_view, name="callbacks"),
    path("callbacks/<int:callback_id>/done/", views.callback_done_view, name="callback_done"),
]
