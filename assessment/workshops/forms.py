from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessment.domain.questionnaire import has_control_characters, load_questionnaire
from assessment.forms import AnswerField, ChoicesBoundField
from assessment.presenters import role_names
from assessment.words import dimension_names

from . import brand
from .models import JOIN_CODE_LENGTH, ROLES, Client


def role_choices(roles=ROLES) -> list[tuple[str, str]]:
    """The proposed roles by their names; a client's own roles are stored as their names."""
    names = role_names()
    return [(role, names.get(role, role)) for role in roles]


# A client's own roles beside the four proposed: a handful, each a short name.
MAX_OWN_ROLES = 6
OWN_ROLE_MAX_LENGTH = 40


def _options(question_id: str, language: str):
    question = load_questionnaire().question(question_id)
    return [("", "—")] + [(o.value, o.label.in_language(language)) for o in question.options]


class SignupForm(forms.Form):
    consultancy_name = forms.CharField(label=_("Consultancy"), max_length=120)
    # The email is also the login, which Django keeps to 150 characters.
    email = forms.EmailField(label=_("Email"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, ask_consultancy: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_consultancy:
            del self.fields["consultancy_name"]

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if get_user_model().objects.filter(username=email).exists():
            raise forms.ValidationError(_("An account already uses this email. Log in instead."))
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


class ClientForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = ["name", "headcount", "turnover", "sector", "notes"]
        labels = {
            "name": _("Company name"),
            "headcount": _("Headcount"),
            "turnover": _("Yearly turnover"),
            "sector": _("Sector"),
            "notes": _("Notes"),
        }

    def clean_name(self):
        # The name is carried into participants' and agreed answers: the same rule as there.
        name = self.cleaned_data["name"]
        if has_control_characters(name):
            raise forms.ValidationError(_("The name cannot contain control characters."))
        return name.strip()

    def __init__(self, *args, language: str = "fr", **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("headcount", "turnover", "sector"):
            self.fields[name] = forms.ChoiceField(
                label=self.Meta.labels[name], choices=_options(name, language), required=False
            )
        self.fields["notes"].widget = forms.Textarea(attrs={"rows": 3})


class WorkshopForm(forms.Form):
    title = forms.CharField(label=_("Title (optional)"), max_length=120, required=False)
    roles = forms.MultipleChoiceField(
        label=_("Roles participants choose from"),
        widget=forms.CheckboxSelectMultiple,
        initial=list(ROLES),
    )
    own_roles = forms.CharField(
        label=_("The client's own roles (optional)"),
        help_text=_("Separated by commas, for example: HR, IT, Customer service."),
        max_length=MAX_OWN_ROLES * (OWN_ROLE_MAX_LENGTH + 2),
        required=False,
    )
    named_mode = forms.BooleanField(
        label=_("Named mode: show answers under first names (participants are told)"),
        required=False,
    )
    prework = forms.BooleanField(
        label=_(
            "Pre-work: participants answer on their own before the meeting, which then opens on "
            "where their answers differ"
        ),
        required=False,
    )
    prework_until = forms.DateField(
        label=_("Answers due by (pre-work only, optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = role_choices()
        self.fields["roles"].required = False

    def clean_own_roles(self):
        names = []
        proposed = {name.casefold() for name in role_names().values()} | set(ROLES)
        for raw in self.cleaned_data["own_roles"].split(","):
            name = " ".join(raw.split())
            if not name or name.casefold() in {n.casefold() for n in names}:
                continue
            if has_control_characters(name) or len(name) > OWN_ROLE_MAX_LENGTH:
                raise forms.ValidationError(
                    _("Each role is a name of %(max)s characters at most.")
                    % {"max": OWN_ROLE_MAX_LENGTH}
                )
            if name.casefold() in proposed or name.startswith("__"):
                continue  # already proposed
            names.append(name)
        if len(names) > MAX_OWN_ROLES:
            raise forms.ValidationError(
                _("%(max)s roles of the client's own at most.") % {"max": MAX_OWN_ROLES}
            )
        return names

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("roles") and not cleaned.get("own_roles"):
            self.add_error("roles", _("Tick at least one role, or name the client's own."))
        cleaned["roles"] = [*cleaned.get("roles", []), *cleaned.pop("own_roles", [])]
        if not cleaned.get("prework"):
            cleaned["prework_until"] = None
        elif cleaned.get("prework_until") and cleaned["prework_until"] < timezone.localdate():
            self.add_error("prework_until", _("This date is past: choose a date to come."))
        return cleaned


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Workshop code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).upper()[: JOIN_CODE_LENGTH + 2]


class JoinForm(forms.Form):
    """Laid out by hand (workshops/_join_fields.html): a whole room loads it in the same minute."""

    role = forms.ChoiceField(
        label=_("Your role"),
        widget=forms.RadioSelect,
        bound_field_class=ChoicesBoundField,
        error_messages={
            "required": _("Choose your role to join."),
            "invalid_choice": _("Choose one of the roles listed."),
        },
    )
    first_name = forms.CharField(
        label=_("First name (optional)"),
        max_length=40,
        required=False,
        error_messages={"max_length": _("Please keep your first name under 40 characters.")},
    )

    def __init__(self, *args, roles=ROLES, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices(roles)


class ConsensusForm(forms.Form):
    """The agreed answer to every question, proposed from the group, and a note of dissent."""

    def __init__(self, questionnaire, language, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        for question in questionnaire.questions:
            if question.kind == "text":
                continue
            self.fields[question.id] = AnswerField(question, language)
            self.fields[f"dissent_{question.id}"] = forms.CharField(
                label=_("Dissent (optional)"), required=False, max_length=1000
            )

    def answers(self) -> dict:
        return {
            q.id: self.cleaned_data.get(q.id)
            for q in self.questionnaire.questions
            if q.id in self.fields
        }

    def dissent_notes(self) -> dict:
        return {
            q.id: self.cleaned_data.get(f"dissent_{q.id}", "")
            for q in self.questionnaire.questions
            if f"dissent_{q.id}" in self.fields
        }


class NoteForm(forms.Form):
    """A note or an action against a question of the workshop, typed while the room talks."""

    question = forms.ChoiceField(label=_("About"), required=False)
    text = forms.CharField(label=_("Note or action"), max_length=500)
    owner = forms.CharField(
        label=_("Owner (for an action)"),
        max_length=120,
        required=False,
        help_text=_("A name or a role, as the room says it."),
    )
    due = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, questions, *args, **kwargs):
        """`questions`: (id, label) pairs, the agenda's first."""
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [("", _("The workshop as a whole")), *questions]

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if has_control_characters(text):
            raise forms.ValidationError(_("The note cannot contain control characters."))
        return text

    def clean_owner(self):
        owner = self.cleaned_data["owner"].strip()
        if has_control_characters(owner):
            raise forms.ValidationError(_("The owner cannot contain control characters."))
        return owner


class TargetsForm(forms.Form):
    """A score to reach per dimension by the next assessment; a blank one is no target."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in dimension_names().items():
            self.fields[name] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=100,
                required=False,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def targets(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.fields}


class AttachForm(forms.Form):
    link = forms.CharField(
        label=_("Private link of an assessment the client made on its own"),
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class BrandForm(forms.Form):
    """The consultancy's name, logo and accent colour, as its clients see them."""

    name = forms.CharField(label=_("Consultancy name"), max_length=120)
    logo = forms.FileField(
        label=_("Logo"),
        help_text=_("PNG or JPEG, 2 MB at most; it is shown on a white background."),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)
    accent_colour = forms.CharField(
        label=_("Accent colour"),
        help_text=_("Used for buttons on the join pages and for the report's cover and headings."),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"type": "color", "class": "form-control-color"}),
    )
    reset_accent = forms.BooleanField(label=_("Use the product's colours"), required=False)

    def clean_name(self):
        name = self.cleaned_data["name"]
        if has_control_characters(name):
            raise forms.ValidationError(_("The name cannot contain control characters."))
        return name.strip()

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        try:
            # Refused on its size before its bytes are read.
            brand.check_logo_size(upload.size)
            return brand.read_logo(upload.read())
        except brand.LogoRefused as refused:
            raise forms.ValidationError(str(refused)) from None

    def clean_accent_colour(self):
        try:
            colour = brand.clean_accent(self.cleaned_data.get("accent_colour", ""))
        except ValueError:
            raise forms.ValidationError(
                _("Give the colour as #rrggbb, for example #1f5fbf.")
            ) from None
        # A colour picker always sends a colour: the product's own blue means no brand colour.
        return "" if colour == brand.PRODUCT_ACCENT else colour
