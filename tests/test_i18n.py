"""Every UI string exists in English and French, with the same format fields, and every key used exists."""

import ast
import re
import string
from pathlib import Path

from ui.strings import STRINGS

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = [ROOT / "streamlit_app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
DYNAMIC_PREFIXES = {"model.", "loss.", "state."}


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_key_in_both_languages_with_same_fields():
    for key, entry in STRINGS.items():
        assert set(entry) == {"en", "fr"}, key
        assert entry["en"].strip() and entry["fr"].strip(), key
        assert _fields(entry["en"]) == _fields(entry["fr"]), key


def test_every_literal_key_used_in_the_ui_exists():
    used = set()
    for path in UI_FILES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant):
                    used.add(arg.value)
    assert len(used) > 100
    missing = sorted(k for k in used if k not in STRINGS)
    assert not missing


def test_dynamic_keys_cover_every_value():
    from ganengine.jobs import STATES
    from ganengine.losses import LOSSES
    from ganengine.models import generator_architectures
    from ganengine.tasks import TASKS

    for prefix, values in (("model.", generator_architectures()), ("loss.", LOSSES.names()), ("state.", STATES),
                           ("task.", [n for n in TASKS.names() if TASKS[n].__module__.startswith("ganengine.")])):
        for v in values:
            assert prefix + v in STRINGS
    from ui.pages import PAGES

    for page in PAGES:  # a page that only explains what is coming says so in both languages
        if not page.ready:
            assert f"{page.title_key.split('.')[0]}.later" in STRINGS, page.path
    assert all(re.fullmatch(r"[a-z0-9_]+\.[a-z0-9_.-]+", k) for k in STRINGS)


def test_numbers_are_written_the_readers_way():
    from ui.i18n import _Formatter

    template = "{step:,} steps · {x:.2f} · {name}"
    assert _Formatter("en").format(template, step=1500, x=0.5, name="a.b") == "1,500 steps · 0.50 · a.b"
    assert _Formatter("fr").format(template, step=1500, x=0.5, name="a.b") == "1\u202f500 steps · 0,50 · a.b"  # text untouched
