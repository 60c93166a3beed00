"""Who may see what: a consultant sees the clients and workshops of their own consultancy only."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .. import selectors
from ..models import Client, Workshop


def consultancy_of_user(request):
    membership = getattr(request.user, "membership", None)
    if membership is None:
        raise Http404
    return membership.consultancy


def get_client_for_user(request, pk) -> Client:
    return get_object_or_404(Client, pk=pk, consultancy=consultancy_of_user(request))


def get_workshop_for_user(request, pk) -> Workshop:
    return get_object_or_404(
        selectors.workshops_with_brand(), pk=pk, client__consultancy=consultancy_of_user(request)
    )
