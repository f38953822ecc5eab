"""Production: exactly base.py; every secret and host comes from the environment."""

from .base import *  # noqa: F403
