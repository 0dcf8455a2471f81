"""A learner's Jupyter server: ``jupyterhub-singleuser``, started a second sooner.

The hub runs this file (``c.Spawner.cmd`` in deploy/jupyterhub_config.py) as the learner's
account. It differs from ``python -m jupyterhub.singleuser`` in one thing: the optional
``rfc3987_syntax`` package is not imported. jsonschema imports it, when present, to check the
"iri" format, and building its grammar takes about 0.9 s of CPU at every server start (measured
with ``python -X importtime -c 'import jupyterhub.singleuser'``: 0.87 of 1.5 s); thirty servers
starting at once on two cores wait for that thirty times. No schema a Jupyter server checks
uses that format, and without the package jsonschema skips it.
"""

from __future__ import annotations

import sys


def main() -> int:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # import -> ImportError
    from jupyterhub.singleuser import main as singleuser

    return int(singleuser() or 0)


if __name__ == "__main__":
    sys.exit(main())
