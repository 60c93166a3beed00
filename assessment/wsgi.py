import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "assessment.settings")
application = get_wsgi_application()

# Built before the first request rather than during the first seconds of a workshop.
from assessment.warmup import warm_up  # noqa: E402 - needs the settings loaded above

warm_up()
