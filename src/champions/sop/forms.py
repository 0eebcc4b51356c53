from django import forms

from champions.core.forms import ServiceErrorsMixin

from . import content


class QuizForm(ServiceErrorsMixin, forms.Form):
    """One radio group per question, built from the data file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions, _pass_mark = content.quiz()
        for number, question in enumerate(questions, start=1):
            self.fields[question.code] = forms.TypedChoiceField(
                label=f"{number}. {question.text}",
                choices=list(enumerate(question.choices)),
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
                required=False,
            )

    def answers(self) -> dict[str, int | None]:
        return {code: self.cleaned_data.get(code) for code in self.fields}
