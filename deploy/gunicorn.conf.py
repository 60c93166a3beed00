"""gunicorn behind nginx (deploy/nginx.conf), as `manage.py serve` runs it and production too.

nginx hands over only whole requests and takes whole answers, so a thread is busy only while the
app works: a few threads per process serve a room of phones. Reports never run here (the report
worker renders them), so no request should take long, and one that does is cut at `timeout`.
"""

import os

wsgi_app = "assessment.wsgi"
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "8"))
# A worker silent this long is stuck: it is killed and replaced.
timeout = 30
graceful_timeout = 20
# Connections come from nginx, one per request.
keepalive = 2
# The app's request log; nginx writes the visitor's address into X-Forwarded-For.
accesslog = "-"
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms'
# Several app servers share a machine (tests, measurements): none needs the control socket.
control_socket_disable = True
# The access log hides private links and join codes (assessment/logs.py), as the project's own
# gunicorn.conf.py does for a gunicorn started from its folder.
logger_class = "assessment.logs.GunicornLogger"
