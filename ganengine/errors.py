"""User errors: a wrong input, said in one line. The CLI turns these (and only these) into `error: ...`, exit 2.

A bug (any other exception) keeps its traceback: a user error type is never a plain ValueError.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user asked for cannot be done; the message is one sentence saying why."""


class ConfigError(UserError, ValueError):
    """A configuration value is out of range; the message is one sentence for the user."""


class UnknownName(ConfigError, KeyError):
    """A name that no registry holds (a model, loss, task, data set...)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""
