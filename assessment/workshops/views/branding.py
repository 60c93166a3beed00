"""The consultancy's brand: its settings page, and the logo and colour its clients' pages use."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .. import brand, services
from ..forms import BrandForm
from ..models import Consultancy
from .access import consultancy_of_user


@login_required
@require_http_methods(["GET", "POST"])
def brand_settings(request):
    consultancy = consultancy_of_user(request)
    if request.method == "POST":
        form = BrandForm(request.POST, request.FILES)
        if form.is_valid():
            services.consultancy_set_brand(
                consultancy=consultancy,
                name=form.cleaned_data["name"],
                logo=form.cleaned_data["logo"],
                remove_logo=form.cleaned_data["remove_logo"],
                accent_colour=""
                if form.cleaned_data["reset_accent"]
                else form.cleaned_data["accent_colour"],
            )
            messages.success(request, _("Your brand is saved."))
            return redirect("workshops:brand")
        status = 400
    else:
        form = BrandForm(
            initial={
                "name": consultancy.name,
                "accent_colour": consultancy.accent_colour or brand.PRODUCT_ACCENT,
            }
        )
        status = 200
    return render(
        request, "workshops/brand.html", {"form": form, "consultancy": consultancy}, status=status
    )


# Public: participants' phones and the PDF renderer read these.


@require_GET
def brand_logo(request, key):
    logo = Consultancy.objects.filter(logo_key=key).values_list("logo", flat=True).first()
    if not logo:
        raise Http404
    response = HttpResponse(bytes(logo), content_type="image/png")
    # The address changes with the image: it can be kept for good.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Disposition"] = 'inline; filename="logo.png"'
    return response


@require_GET
def accent_stylesheet(request, colour):
    """The accent colour as CSS variables: pages keep a policy without inline styles."""
    accent = f"#{colour}"
    on_accent = brand.text_colour_on(accent)
    ink = brand.ink_on_white(accent)
    css = (
        f":root {{ --brand-accent: {accent}; --brand-on-accent: {on_accent}; "
        f"--brand-ink: {ink}; }}\n"
    )
    response = HttpResponse(css, content_type="text/css")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
