"""The form of one questionnaire step, built from the questionnaire's data.

Every rule about what an answer may be lives in the domain (`clean_answer`); the form only turns
HTTP data into Python values and the domain's refusals into messages.
"""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from .domain.questionnaire import (
    MULTI,
    SINGLE,
    TEXT_MAX_LENGTH,
    InvalidAnswer,
    Question,
    Section,
    clean_answer,
)

ERROR_MESSAGES = {
    "required": _("Please answer this question."),
    "unknown_option": _("This answer is not one of the choices. Please pick one from the list."),
    "invalid_type": _("This answer could not be read. Please answer again."),
    "too_long": _("Please keep it under %(max)d characters."),
    "exclusive_option": _("This choice cannot be combined with the others."),
}


class ChoicesBoundField(forms.BoundField):
    """A field whose choices a hand-written template lays out (the hot paths of a workshop: the
    join page and the steps)."""

    @property
    def options(self) -> list[dict]:
        """The choices as plain values for the step's hand-written template (the hot path of a
        workshop): the same values, ids and ticks the widget's own sub-widgets would give, at a
        fraction of their cost."""
        value = self.value()
        if not isinstance(value, list | tuple):
            value = [] if value in (None, "") else [value]
        chosen = {str(v) for v in value}
        return [
            {
                "value": option,
                "label": label,
                "checked": str(option) in chosen,
                "id": f"{self.auto_id}_{index}",
            }
            for index, (option, label) in enumerate(self.field.widget.choices)
        ]


class AnswerField(forms.Field):
    bound_field_class = ChoicesBoundField

    def __init__(self, question: Question, language: str, **kwargs):
        self.question = question
        choices = [(o.value, o.label.in_language(language)) for o in question.options]
        if question.kind == SINGLE:
            widget = forms.RadioSelect(choices=choices)
        elif question.kind == MULTI:
            widget = forms.CheckboxSelectMultiple(choices=choices)
        else:
            # The browser limit is a convenience; the domain refuses longer text whatever comes.
            widget = forms.TextInput(
                attrs={"maxlength": TEXT_MAX_LENGTH, "autocomplete": "organization"}
            )
        help_text = question.help.in_language(language) if question.help else ""
        super().__init__(
            label=question.label.in_language(language),
            help_text=help_text,
            widget=widget,
            required=False,  # the domain decides, with its own message
            **kwargs,
        )

    def clean(self, value):
        try:
            return clean_answer(self.question, value)
        except InvalidAnswer as refusal:
            raise forms.ValidationError(
                ERROR_MESSAGES[refusal.code], code=refusal.code, params={"max": TEXT_MAX_LENGTH}
            ) from None


class StepForm(forms.Form):
    def __init__(self, section: Section, language: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        for question in section.questions:
            self.fields[question.id] = AnswerField(question, language)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def valid_answers(self) -> dict[str, object]:
        """The answers that passed, even when others did not: nothing valid is ever dropped."""
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name not in self.errors and name in self.cleaned_data
        }

    def errors_other_than_missing(self) -> bool:
        return any(
            error.code != "required"
            for name in self.errors
            for error in self.errors.as_data()[name]
        )


class EmailLinkForm(forms.Form):
    """The address a company gives to receive its private link (and its report, once finished)."""

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
