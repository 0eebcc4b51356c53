from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "champions.core"
    label = "core"
    verbose_name = "Reference data"

    def ready(self) -> None:
        # `champions audit verify` checks the admin audit log's chain with the others.
        from .admin_audit import audit_chain_verify
        from .audit import chain_register

        chain_register("admin-audit", audit_chain_verify)
