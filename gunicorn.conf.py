"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py`` (see README, "Production").

The access log never holds a personal link token or another key of a respondent's path: the logger class
writes ``/r/<token>`` as ``/r/…`` (and ``/v/``, ``/peiling/``, ``/p/``, ``/afmelden/`` the same way) in every
field, and the format logs the path without its query string, the client's address or the response's size.
Settings can be changed with environment variables (GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_ACCESSLOG)
or on the command line, which wins over this file.
"""

import os

wsgi_app = "wsgi:app"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
#: a request that takes longer than this is stopped and its worker replaced
timeout = 60
graceful_timeout = 20
#: requests gunicorn refuses itself (an address over limit_request_line, 4094 bytes: 414; headers over
#: limit_request_field_size: 431) get the application's Dutch error page, not gunicorn's English one; and
#: each connection wakes one idle worker, not all of them (survey/serving.py)
worker_class = "survey.serving.PlatformWorker"
#: the logger class that redacts personal links and escapes control characters; "-" writes the access
#: log to standard output
logger_class = "survey.logs.RedactingGunicornLogger"
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
#: time, method, path without query string (and without the key of a respondent's path), status, seconds: no
#: client address, referrer or agent, and no size (a page's size differs with its language and the length of
#: the open answers it shows)
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(L)s'
#: no control socket: several servers on one machine (or a read-only home directory) do not clash
control_socket_disable = True
