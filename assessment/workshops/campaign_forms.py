"""The forms of a consultancy's campaigns: naming one, a company's choice to share, and turning
a shared result into a client."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assessment.domain.questionnaire import has_control_characters

from .campaigns import SHARED_NAME_MAX_LENGTH
from .models import Client


def _clean_name(value: str) -> str:
    value = value.strip()
    if has_control_characters(value):
        raise forms.ValidationError(_("Enter a name without line breaks or tabs."))
    return value


class CampaignForm(forms.Form):
    name = forms.CharField(
        label=_("Campaign name"),
        max_length=120,
        help_text=_(
            "For you alone, e.g. “Trade fair 2027”: companies see your brand, not this name."
        ),
    )

    def clean_name(self):
        return _clean_name(self.cleaned_data["name"])


class ShareForm(forms.Form):
    # Unticked unless the company ticks it: nothing is shared by default.
    share = forms.BooleanField(required=False)
    name = forms.CharField(max_length=SHARED_NAME_MAX_LENGTH, required=False)

    def clean_name(self):
        return _clean_name(self.cleaned_data["name"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("share") and not cleaned.get("name"):
            self.add_error("name", _("Give the company name the consultancy will see."))
        return cleaned


class MakeClientForm(forms.Form):
    client = forms.ModelChoiceField(
        queryset=Client.objects.none(),
        required=False,
        label=_("Client"),
        empty_label=_("A new client"),
    )
    name = forms.CharField(label=_("New client's name"), max_length=120, required=False)

    def __init__(self, *args, consultancy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = consultancy.clients.all()

    def clean_name(self):
        return _clean_name(self.cleaned_data["name"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("client") and not cleaned.get("name") and "name" not in self.errors:
            self.add_error("name", _("Name the new client, or choose an existing one."))
        return cleaned
