"""Local development: DEBUG and demo mode on unless the environment says otherwise."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("DEMO_MODE", "true")

from .base import *  # noqa: E402,F403
