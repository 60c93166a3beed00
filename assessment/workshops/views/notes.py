"""Notes and actions taken while the room discusses, against the question they are about."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessment.refusals import AnswersFrozen

from .. import services
from ..forms import NoteForm
from .access import get_workshop_for_user

FINAL = gettext_lazy("The agreed answers are recorded: the workshop's notes are final.")


def note_questions(questionnaire, agenda: list[str] = ()) -> list[tuple[str, str]]:
    """The questions a note can be about: the agenda's (question ids, as the page already has
    them) first, then the questionnaire's. Checking a note needs the choices, not their order."""
    language = get_language()
    others = [q.id for q in questionnaire.questions if q.kind != "text" and q.id not in agenda]
    return [
        (qid, questionnaire.question(qid).label.in_language(language)) for qid in [*agenda, *others]
    ]


@login_required
@require_POST
def add_note(request, pk):
    workshop = get_workshop_for_user(request, pk)
    form = NoteForm(note_questions(workshop.questionnaire), request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("The note was not added: %(errors)s")
            % {"errors": " ".join(str(e) for errors in form.errors.values() for e in errors)},
        )
        return redirect(reverse("workshops:facilitator", args=[pk]) + "#notes")
    try:
        services.workshop_add_note(
            workshop=workshop,
            question_id=form.cleaned_data["question"],
            text=form.cleaned_data["text"],
            owner=form.cleaned_data["owner"],
            due=form.cleaned_data["due"],
        )
    except AnswersFrozen:
        messages.info(
            request, _("The agreed answers are recorded: the workshop's notes are final.")
        )
    return redirect(reverse("workshops:facilitator", args=[pk]) + "#notes")


@login_required
@require_POST
def delete_note(request, pk, note):
    try:
        services.workshop_delete_note(workshop=get_workshop_for_user(request, pk), note_id=note)
    except AnswersFrozen:
        messages.info(
            request, _("The agreed answers are recorded: the workshop's notes are final.")
        )
    return redirect(reverse("workshops:facilitator", args=[pk]) + "#notes")
