"""What every app's forms share."""

from django import forms

from .errors import ValidationFailed


class NameSelect(forms.Select):
    """A select whose options are names people wrote (enterprises): each option is marked
    `translate="no"`, so that a Hindi page does not present them as untranslated words and
    translation tools leave them alone (WCAG 3.1.2 leaves proper names out)."""

    def create_option(self, *args, **kwargs) -> dict:
        option = super().create_option(*args, **kwargs)
        option["attrs"]["translate"] = "no"
        return option


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


def code_list(text: str) -> list[str]:
    """Codes typed into one box (HS, NIC): separated by spaces, commas or semicolons."""
    return text.replace(";", " ").replace(",", " ").split()


def form_result(form, do):
    """`do(form)`'s result on a valid form; None when the form is invalid or `do` raises
    `ValidationFailed`, whose field errors go back on the form (`ServiceErrorsMixin`; one
    without field errors shows its message above the form)."""
    if not form.is_valid():
        return None
    try:
        return do(form)
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors or {None: [exc.message]})
        return None


def form_done(form, do) -> bool:
    """Run `do(form)` on a valid form; False, with the errors on the form, when it failed.

    The web shape of every write: `if form_done(form, lambda f: service(...)): redirect`,
    else render the page again with the form's errors."""
    done = False

    def run(valid_form) -> None:
        nonlocal done
        do(valid_form)
        done = True

    form_result(form, run)
    return done
