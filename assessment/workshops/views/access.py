"""Who may see what: a consultant sees the clients and workshops of their own consultancy only."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .. import selectors
from ..models import Client, Consultancy, Workshop


def consultancy_of_user(request) -> Consultancy:
    # One query, without the logo's bytes: pages name the logo by its address, and a live view
    # polled every two seconds would otherwise read the image each time.
    consultancy = (
        Consultancy.objects.defer("logo").filter(members__user_id=request.user.pk).first()
        if request.user.is_authenticated
        else None
    )
    if consultancy is None:
        raise Http404
    return consultancy


def get_client_for_user(request, pk) -> Client:
    return get_object_or_404(Client, pk=pk, consultancy__members__user_id=request.user.pk)


def get_workshop_for_user(request, pk) -> Workshop:
    # The membership is checked in the same query as the workshop is read.
    return get_object_or_404(
        selectors.workshops_with_brand(),
        pk=pk,
        client__consultancy__members__user_id=request.user.pk,
    )
