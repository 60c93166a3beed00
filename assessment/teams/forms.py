from django import forms
from django.utils.translation import gettext_lazy as _

from assessment.workshops.forms import role_choices


class TeamForm(forms.Form):
    """The owner starts the team: the company colleagues will answer for, and their own role."""

    company_name = forms.CharField(label=_("Your company's name"), max_length=120)
    owner_role = forms.ChoiceField(label=_("Your role"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_role"].choices = role_choices()

    def clean_company_name(self):
        name = " ".join(self.cleaned_data["company_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter your company's name."))
        return name


class TeamJoinForm(forms.Form):
    """A colleague joins without a name: the team's figures are anonymous."""

    role = forms.ChoiceField(label=_("Your role"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices()
