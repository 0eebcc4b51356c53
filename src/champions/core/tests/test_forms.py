"""core.forms: the one shape of a web write (a form, one service call, errors back on it)."""

from django import forms

from champions.core.errors import ValidationFailed
from champions.core.forms import (
    NameSelect,
    ServiceErrorsMixin,
    code_list,
    form_done,
    form_result,
)


class NameForm(ServiceErrorsMixin, forms.Form):
    service_field_names = {"full_name": "name"}

    name = forms.CharField(max_length=20)


def _refuse(**kwargs):
    def do(form):
        raise ValidationFailed("Refused.", **kwargs)

    return do


def test_a_valid_form_gives_the_services_result():
    form = NameForm({"name": "Asha"})

    assert form_result(form, lambda f: f.cleaned_data["name"].upper()) == "ASHA"
    assert form.errors == {}


def test_an_invalid_form_never_calls_the_service():
    calls = []
    form = NameForm({"name": ""})

    assert form_done(form, calls.append) is False
    assert calls == []
    assert list(form.errors) == ["name"]


def test_field_errors_go_on_the_fields_they_name():
    form = NameForm({"name": "Asha"})

    assert form_done(form, _refuse(errors={"full_name": ["Taken."], "other": ["No."]})) is False
    assert form.errors == {"name": ["Taken."], "__all__": ["No."]}


def test_a_refusal_without_field_errors_shows_its_message_above_the_form():
    form = NameForm({"name": "Asha"})

    assert form_result(form, _refuse()) is None
    assert form.non_field_errors() == ["Refused."]


def test_form_done_is_true_even_when_the_service_returns_nothing():
    form = NameForm({"name": "Asha"})

    assert form_done(form, lambda f: None) is True


def test_code_list_splits_on_spaces_commas_and_semicolons():
    assert code_list(" 630790, 621010;8471  ") == ["630790", "621010", "8471"]


def test_a_name_select_marks_each_option_as_a_name():
    """The walk in Hindi counted the enterprise options of the finance form as untranslated."""
    widget = NameSelect(choices=[(1, "Surya Global Foods"), (2, "सूर्या फ़ूड्स")])
    html = widget.render("enterprise", 2)
    assert '<option value="1" translate="no">Surya Global Foods</option>' in html
    assert '<option value="2" selected translate="no">सूर्या फ़ूड्स</option>' in html
