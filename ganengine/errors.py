"""User errors: a wrong input, said in one line. The CLI turns these (and only these) into `error: ...`, exit 2.

A bug (any other exception) keeps its traceback: a user error type is never a plain ValueError.
"""

from __future__ import annotations

from typing import Any, TypeVar


class UserError(Exception):
    """Something the user asked for cannot be done; the message is one sentence saying why. Where `code` is set (see
    `coded`), a page says it in the reader's language from the code and `params`; the message is the English one."""

    code: str = ""
    params: dict[str, Any] = {}  # noqa: RUF012 (replaced per instance by coded, never mutated)


E = TypeVar("E", bound=UserError)


def coded(error: E, code: str, **params: Any) -> E:
    """`error` with a code and the values its sentence names, for pages that translate it."""
    error.code, error.params = code, params
    return error


class ConfigError(UserError, ValueError):
    """A configuration value is out of range; the message is one sentence for the user."""


class UnknownName(ConfigError, KeyError):
    """A name that no registry holds (a model, loss, task, data set...)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""
