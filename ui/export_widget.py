"""Export a model from a page: ONNX or a plain safetensors file, checked against the original before it is offered."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

import ganengine as ge
from ganengine.export import EXPORTABLE, FORMATS, ExportError, export_checkpoint

from .i18n import number, t
from .plaintext import defused

SUFFIX = {"onnx": ".onnx", "safetensors": ".safetensors"}


@st.cache_data(show_spinner=False, max_entries=8)
def _export(path: str, mtime: float, fmt: str, role: str | None) -> tuple[bytes, float, str, tuple[str, ...]]:
    """The exported file's bytes and its check; the same model and format are exported once per server."""
    with tempfile.TemporaryDirectory(prefix="ganstudio-export-") as folder:
        out = Path(folder) / f"model{SUFFIX[fmt]}"
        report = export_checkpoint(path, fmt, out, role)
        return out.read_bytes(), report.max_abs_diff, report.checked_on, report.train_only_layers


def export_section(path: Path, card: ge.ModelCard, key: str, role: str | None = None) -> None:
    """Format choice, an Export button, then the download and the check's figure (or one refusal line)."""
    if card.task not in EXPORTABLE:
        return
    st.markdown(t("export.intro"))
    c1, c2 = st.columns([2, 1])
    fmt = c1.radio(t("export.format"), FORMATS, format_func=lambda f: t(f"export.format_{f}"), horizontal=True,
                   key=f"{key}_format")
    done_key = f"{key}_done"
    wanted = (str(path), fmt, role)
    if c2.button(t("export.button"), key=f"{key}_button", icon="📦"):
        st.session_state[done_key] = wanted
    if st.session_state.get(done_key) != wanted:
        return
    try:
        with st.spinner(t("export.working")):
            data, diff, checked_on, layers = _export(str(path), path.stat().st_mtime, fmt, role)
    except (ExportError, ge.CheckpointError, OSError, RuntimeError, ValueError) as exc:  # the exporter's own too
        st.error(t("export.refused", reason=defused(exc)))
        return
    st.success(t("export.checked", diff=number(diff, ".2g"), checked_on=checked_on))
    if layers:
        st.caption(t("export.eval_mode", layers=", ".join(layers)))
    name = f"{path.stem}{'-' + role if role else ''}{SUFFIX[fmt]}"
    st.download_button(t("export.download", name=name), data, file_name=name, mime="application/octet-stream",
                       key=f"{key}_download", icon="⬇️")
