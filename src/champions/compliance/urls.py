from django.urls import path

from . import views

app_name = "compliance"

urlpatterns = [
    path("", views.compliance_hub_view, name="hub"),
    path("delayed-payment/", views.delayed_payment_view, name="delayed_payment"),
    path("delayed-payment/samadhaan/", views.samadhaan_referral_view, name="samadhaan_referral"),
    path(
        "delayed-payment/grievance/",
        views.delayed_payment_grievance_view,
        name="delayed_payment_grievance",
    ),
    path("calendar/<int:enterprise_id>/", views.calendar_view, name="calendar"),
    path("calendar/<int:enterprise_id>/calendar.ics", views.calendar_ics_view, name="calendar_ics"),
]
