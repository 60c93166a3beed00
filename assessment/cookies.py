from django.conf import settings


def set_private_cookie(response, name: str, value: str, max_age: int):
    """A signed cookie that scripts cannot read, sent back only from this site's own pages."""
    response.set_signed_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
    return response
