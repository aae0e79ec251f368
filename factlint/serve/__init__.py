"""``factlint serve``: a local web page and HTTP API over the Python API.

``api.py`` takes a request's fields and gives the JSON answer (the same
``findings`` and ``summary`` as ``factlint check --format json``, plus the
fixes ``--fix`` would make); ``app.py`` is the HTTP layer (routes, limits,
4xx errors as JSON, the page); ``server.py`` binds the socket and runs
uvicorn. ``page.html`` is the page, with its CSS and script inline.
"""
