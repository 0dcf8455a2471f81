"""Who the learner is, and where their answers are kept.

A learner is named once: by a name or class code they type (checked by :func:`check_name`), or by
the environment a JupyterHub sets per learner:

``MEDIAKIT_LEARNER``
    the learner's name (or code), e.g. set per user by a JupyterHub spawner;
``MEDIAKIT_ANSWERS``
    the folder where answer files go (default: ``mediakit-answers`` beside the notebooks);
``MEDIAKIT_PROGRESS``
    one exact progress file (older setups; it wins over the two above).

The name is never used as a path: the file is ``learner-<slug>-<hash>.json``, where the slug keeps
only ASCII letters, digits and dashes and the hash (of the name, case and spacing folded) makes
the name unique; the name as typed is stored *inside* the file. So "Ana", "ana" and " ANA " are one
learner, "../../etc" is refused, and names in any script work.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
import unicodedata
from pathlib import Path

from ..errors import MediakitError

LEARNER_ENV = "MEDIAKIT_LEARNER"
ANSWERS_ENV = "MEDIAKIT_ANSWERS"
PROGRESS_ENV = "MEDIAKIT_PROGRESS"
ANSWERS_FOLDER = "mediakit-answers"
MAX_NAME = 40
FILE_PREFIX = "learner-"


class LearnerNameError(MediakitError):
    """A name or class code that cannot be used."""


def check_name(name: object) -> str:
    """The name, tidied (spaces collapsed, Unicode normalised), or a plain-words error.

    Allowed: letters (of any alphabet), digits, spaces and dashes; 1 to 40 characters.
    """
    if not isinstance(name, str):
        raise LearnerNameError("Type your name or class code as text.")
    tidy = " ".join(unicodedata.normalize("NFC", name).split())
    if not tidy:
        raise LearnerNameError("Type your name or class code first.")
    if len(tidy) > MAX_NAME:
        raise LearnerNameError(
            f"A name or class code can have at most {MAX_NAME} characters; "
            f"this one has {len(tidy)}."
        )
    bad = sorted({ch for ch in tidy if not (ch.isalnum() or ch in " -")})
    if bad:
        shown = " ".join(repr(ch) for ch in bad[:5])
        raise LearnerNameError(
            f"A name or class code can have letters, digits, spaces and dashes only, not {shown}."
        )
    return tidy


def learner_key(name: str) -> str:
    """A stable key for a learner: the same for "Ana", "ana" and " ANA " (16 hex digits)."""
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def file_name(name: str) -> str:
    """The answer file's name for a (checked) learner name; never contains the raw name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:24].strip("-")
    return f"{FILE_PREFIX}{slug + '-' if slug else ''}{learner_key(name)[:12]}.json"


def answers_folder() -> Path:
    """Where answer files go: ``$MEDIAKIT_ANSWERS``, else ``mediakit-answers`` here."""
    env = os.environ.get(ANSWERS_ENV, "").strip()
    return Path(env).expanduser() if env else Path.cwd() / ANSWERS_FOLDER


def answers_path(name: str) -> Path:
    return answers_folder() / file_name(check_name(name))


def env_learner() -> str | None:
    """The learner named by ``$MEDIAKIT_LEARNER`` (checked), or None when unset."""
    env = os.environ.get(LEARNER_ENV, "").strip()
    return check_name(env) if env else None


def os_user() -> str | None:
    """The name of the account running the kernel, when it makes a valid learner name."""
    try:
        user = getpass.getuser()
    except Exception:  # no user database entry (some containers)
        return None
    try:
        return check_name(user.replace("_", "-").replace(".", " "))
    except LearnerNameError:
        return None
