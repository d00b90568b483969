"""The one page registry: the sidebar, Home's map and the tests all read it (the teacher's view only where enabled)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import ganengine as ge


@dataclass(frozen=True)
class Page:
    path: str  # relative to the app's root, as st.page_link and st.switch_page take it
    icon: str
    title_key: str
    map_key: str = ""  # its line on Home's map ("" for Home itself)
    ready: bool = True  # False while the page only explains what is coming


PAGES: tuple[Page, ...] = (
    Page("streamlit_app.py", "🎭", "home.title"),
    Page("pages/1_Train.py", "🏋️", "train.title", "home.map_train"),
    Page("pages/2_Generate.py", "🎨", "generate.title", "home.map_generate"),
    Page("pages/3_Translate.py", "🔁", "translate.title", "home.map_translate"),
    Page("pages/4_Super_Resolution.py", "🔍", "sr.title", "home.map_sr"),
    Page("pages/5_Evaluate.py", "📏", "evaluate.title", "home.map_evaluate"),
    Page("pages/6_Ethics_Detection.py", "🛡️", "ethics.title", "home.map_ethics"),
    Page("pages/7_Playground.py", "🕹️", "playground.title", "home.map_playground"),
)


#: The teacher's view: listed only where the operator set a teacher token (GANSTUDIO_TEACHER_TOKEN); elsewhere its
#: address shows nothing.
TEACHER = Page("pages/8_Teacher.py", "🧑‍🏫", "teacher.title")


def teacher_enabled() -> bool:
    """Whether this server has a teacher's view (the operator set a teacher token)."""
    return bool(ge.settings().teacher_token)


def visible_pages() -> tuple[Page, ...]:
    """The pages this server shows in its navigation: every page, and the teacher's view where it is enabled."""
    return (*PAGES, TEACHER) if teacher_enabled() else PAGES


def page_of(file: str) -> Page:
    """The registry entry of a page script (pass its __file__)."""
    name = Path(file).name
    for page in (*PAGES, TEACHER):
        if Path(page.path).name == name:
            return page
    raise KeyError(f"{name} is not in the page registry (ui/pages.py)")


def page(path: str) -> Page:
    return next(p for p in PAGES if p.path == path)
