"""What every app's forms share."""


class ServiceErrorsMixin:
    """Puts a service's `{field: [messages]}` on the matching form fields.

    `service_field_names` maps a service's field name to the form's where they differ; a
    message for a field the form does not have goes on the whole form.
    """

    service_field_names: dict[str, str] = {}

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        for name, messages in errors.items():
            field = self.service_field_names.get(name, name)
            for message in messages:
                self.add_error(field if field in self.fields else None, message)  # type: ignore[attr-defined]
