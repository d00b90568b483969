"""One registry pattern for everything chosen by name: tasks, models, losses, data sets, pipelines, metrics.

A registry validates what is registered (unique, well-formed names, a check of the item itself) and
answers unknown names with the list of known ones; config validation, CLI choices and the pages'
select boxes all read from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from .errors import UnknownName

T = TypeVar("T")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Registry(Generic[T]):
    """Named items of one kind, registered once each, in registration order."""

    def __init__(self, kind: str, check: Callable[[str, T], None] | None = None) -> None:
        self.kind = kind
        self._check = check
        self._items: dict[str, T] = {}

    def register(self, name: str, item: T) -> T:
        """Add `item` under `name`; a bad or repeated name, or an item its check refuses, is a ValueError."""
        if not isinstance(name, str) or not _NAME.match(name):
            raise ValueError(f"bad {self.kind} name {name!r}: lower-case letters, digits and '-'")
        if name in self._items:
            raise ValueError(f"{self.kind} {name!r} is already registered")
        if self._check is not None:
            self._check(name, item)
        self._items[name] = item
        return item

    def unregister(self, name: str) -> None:
        """Remove a name (for tests that register a temporary item)."""
        self._items.pop(name, None)

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except (KeyError, TypeError):
            raise UnknownName(f"unknown {self.kind} {name!r} (known: {', '.join(self._items)})") from None

    __getitem__ = get

    def names(self) -> tuple[str, ...]:
        return tuple(self._items)

    def items(self) -> list[tuple[str, T]]:
        return list(self._items.items())

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._items))

    def __len__(self) -> int:
        return len(self._items)
