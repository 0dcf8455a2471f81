"""Server-side settings for serving the lessons with Voilà (stand-alone or as the
``/voila/render/`` page of JupyterLab or a JupyterHub server), so that kernels of closed pages go.

* A Voilà page shuts its kernel down on ``beforeunload`` with a POST that carries the ``_xsrf``
  cookie's value; Voilà never sets that cookie, so the POST is refused (403 "_xsrf argument
  missing") and the kernel (200-240 MB) lives on. :func:`prelaunch` sets the cookie when the
  page is served, so the shutdown is accepted, and XSRF protection stays on.
* Idle kernels are culled anyway (a browser that crashed sends nothing): after
  ``MEDIAKIT_CULL_IDLE`` seconds idle (default 900), checked every minute; an open page that is
  only idle keeps its kernel (``cull_connected`` off).

The files in ``mediakit/jupyter_config/`` call :func:`configure`; put that folder on
``JUPYTER_CONFIG_PATH`` (``kit.py lab`` does) to use them.
"""

from __future__ import annotations

import os
from typing import Any

CULL_ENV = "MEDIAKIT_CULL_IDLE"
DEFAULT_CULL_IDLE = 900
CULL_INTERVAL = 60


def prelaunch(req: Any, notebook: Any = None, cwd: Any = None) -> None:
    """Voilà's prelaunch hook: make sure the page gets its ``_xsrf`` cookie."""
    try:
        req.xsrf_token  # noqa: B018 - reading it sets the cookie on this response
    except Exception:  # never stop a page from rendering
        pass
    return None


def cull_idle_timeout() -> int:
    try:
        value = int(os.environ.get(CULL_ENV, DEFAULT_CULL_IDLE))
    except ValueError:
        value = DEFAULT_CULL_IDLE
    return max(value, 0)


def configure(c: Any) -> None:
    """Apply the settings to a traitlets config object ``c`` (a jupyter/voila config file)."""
    c.VoilaConfiguration.prelaunch_hook = prelaunch
    timeout = cull_idle_timeout()
    if timeout:
        c.MappingKernelManager.cull_idle_timeout = timeout
        c.MappingKernelManager.cull_interval = CULL_INTERVAL
        c.MappingKernelManager.cull_connected = False
        c.MappingKernelManager.cull_busy = False
