# Read by every gunicorn started from the project's folder (`make serve`, the tests' servers,
# production as the README shows it): the access log hides private links (assessment/logs.py).
logger_class = "assessment.logs.GunicornLogger"
