"""Errors a user can cause and fix, and warnings about input that was odd but usable.

The CLI maps every ``ClaimrecError`` to one line on stderr and exit code 2; the
library never prints or exits. Messages say what was found, where, and what to do.
"""

from __future__ import annotations


class ClaimrecError(Exception):
    """A user mistake (bad path, bad config, unusable graph): exit code 2, no traceback."""


class InputError(ClaimrecError):
    """A path given on the command line is missing or holds no articles."""


class ConfigError(ClaimrecError):
    """A ``--config`` file that is unreadable, not YAML, or has unknown keys."""


class ModelError(ClaimrecError):
    """No usable spaCy pipeline: says how to install one."""


class GraphFileError(ClaimrecError):
    """A file given to ``report`` or ``diff`` is not a claim graph this version can read."""


class OutputError(ClaimrecError):
    """The output file cannot be written where the user asked."""
