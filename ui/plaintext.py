"""Text that came from a file or a user (card fields, refusal reasons, names) made safe for Markdown elements.

st.markdown, st.caption, st.info, st.error and the like render Markdown: a card's `![t](http://host/x.png)` would make
the reader's browser fetch that address. Both helpers put the text on one line and escape with backslashes, so it shows
exactly as typed.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
_ACTIVE = re.compile(r"([\\`*_{}\[\]!|<>~$])")


def _one_line(text: object) -> str:
    return " ".join(str(text).splitlines())


def plain(text: object) -> str:
    """A name or label from a file with every Markdown character escaped (shown literally, never interpreted)."""
    return _MARKDOWN.sub(r"\\\1", _one_line(text))


def defused(text: object) -> str:
    """A message that may quote a file (a refusal's reason) with the characters that make links, images, HTML, maths
    or emphasis escaped; its ordinary punctuation (. - : ( )) stays as it is, which is all a sentence needs."""
    return _ACTIVE.sub(r"\\\1", _one_line(text))
