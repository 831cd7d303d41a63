"""gunicorn settings for AIGuard behind nginx: ``gunicorn -c deploy/gunicorn.conf.py 'server.wsgi:app'``.

Every answer gunicorn gives on its own (a malformed request, headers over the limit, a response that cannot
be sent) is the API's JSON envelope with the security headers (``server.gunicorn_workers``). With more than
one worker, set ``AIGUARD_RATE_LIMIT_STORAGE_URL=redis://…`` (the start is refused on ``memory://``).
``-w``/``-b`` on the command line override ``WEB_CONCURRENCY``/``AIGUARD_BIND``.
"""

import os

bind = os.environ.get("AIGUARD_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
worker_class = "server.gunicorn_workers.ThreadWorker"
threads = 8
timeout = 30  # a request never takes this long: restore and scan are linear in the text
graceful_timeout = 30
keepalive = 5
# Above nginx's large_client_header_buffers (4 × 8k in deploy/nginx/aiguard.conf): nginx refuses an oversized
# request line or header first, with its JSON error page; gunicorn never sees one it would refuse.
limit_request_line = 16380
limit_request_fields = 100
limit_request_field_size = 16380
forwarded_allow_ips = "127.0.0.1"
accesslog = "-"  # method, path, status, timing: never a body
