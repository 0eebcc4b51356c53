"""The Django admin, with every add, change, delete and action audited (see `admin_audit`).

Listed in INSTALLED_APPS instead of `django.contrib.admin`; kept apart from `admin_audit`
because an AppConfig module is imported before the models are ready."""

from django.contrib.admin.apps import AdminConfig


class AuditedAdminConfig(AdminConfig):
    default_site = "champions.core.admin_audit.AuditedAdminSite"
