"""The house rules of DESIGN.md: the engine never imports streamlit; pages hold no training code."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_PAGES = ("torch.nn", "torch.optim", "ganengine.train", "ganengine.losses", "ganengine.models")


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_importing_ganengine_leaves_streamlit_out():
    code = "import sys, ganengine, ganengine.cli, ganengine.jobs, ganengine.judge; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_pages_hold_no_models_or_training_loops():
    files = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
    assert len(files) >= 8
    for path in files:
        bad = {n for n in _imports(path) if n.startswith(FORBIDDEN_IN_PAGES)}
        assert not bad, f"{path.name} imports {bad}"


def test_engine_never_imports_streamlit_anywhere():
    for path in (ROOT / "ganengine").rglob("*.py"):
        assert not any(n.split(".")[0] == "streamlit" for n in _imports(path)), path


def test_every_design_page_exists_and_the_registry_lists_exactly_them(monkeypatch):
    from ui.pages import PAGES, TEACHER, visible_pages

    pages = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
    assert pages == ["1_Train.py", "2_Generate.py", "3_Translate.py", "4_Super_Resolution.py", "5_Evaluate.py",
                     "6_Ethics_Detection.py", "7_Playground.py", "8_Teacher.py"]
    assert sorted(p.path for p in (*PAGES, TEACHER)) == sorted(["streamlit_app.py", *(f"pages/{name}" for name in pages)])
    monkeypatch.delenv("GANSTUDIO_TEACHER_TOKEN", raising=False)
    assert visible_pages() == PAGES  # the teacher's view only where the operator set its token
    monkeypatch.setenv("GANSTUDIO_TEACHER_TOKEN", "teacher-token-0123456789")
    assert visible_pages() == (*PAGES, TEACHER)


def test_server_settings_for_a_classroom():
    """The settings DESIGN.md asks for, and no full garbage collection after every live tick (bench_classroom)."""
    import tomllib

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert settings["server"]["fileWatcherType"] == "none" and settings["client"]["showErrorDetails"] == "none"
    assert settings["runner"]["postScriptGC"] is False


def test_every_plotly_chart_gets_the_readers_number_marks():
    """Plotly writes 0.05 whatever the language unless a figure's layout says otherwise: every chart a page draws goes
    through ui.charts.show (which localises it), or is a ui.charts builder's figure (each localises what it returns)."""
    import inspect

    import ui.charts

    builders = {name for name, fn in vars(ui.charts).items()
                if inspect.isfunction(fn) and fn.__module__ == "ui.charts" and fn.__name__ not in ("show", "localise")
                and ("localise(" in inspect.getsource(fn) or "_layout(" in inspect.getsource(fn))}
    assert "localise(" in inspect.getsource(ui.charts._layout)
    files = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "plotly_chart"):
                continue
            if path.name == "charts.py":
                continue  # show() itself
            fig = node.args[0] if node.args else None
            built = (isinstance(fig, ast.Call) and isinstance(fig.func, ast.Attribute)
                     and isinstance(fig.func.value, ast.Name) and fig.func.value.id == "charts" and fig.func.attr in builders)
            assert built, f"{path.name}:{node.lineno} draws a chart without ui.charts.show"
