"""Users' uploads, checked once per content: generator checkpoints and zips of training images.

Each upload is judged when it arrives and the verdict (kept, or refused with one line) is remembered for the
session by the content's hash, so the reruns Streamlit does on every click repeat the message, not the work.
Refused files leave nothing behind.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

import ganengine as ge
from ganengine.pipelines import TranslatePipeline

from .engine import upload_name_file, uploads_dir
from .i18n import t
from .plaintext import defused

MAX_UPLOAD_BYTES = 64 * 2**20
Verdict = tuple[str, str]  # (kept path, or "" when refused; the message to show)


def safe_stem(name: str, limit: int) -> str:
    """The user's file name reduced to letters, digits, '-' and '_' (never a path)."""
    return "".join(c for c in Path(name).stem if c.isalnum() or c in "-_")[:limit] or "upload"


def remember_name(stored: Path, name: str) -> None:
    """Keep the user's own file name beside a stored upload (one plain line, no folders), so runs on it are shown
    under that name rather than the stored one with its hash."""
    upload_name_file(stored).write_text(ge.RunLabel.clean(Path(name).name).name or stored.name, encoding="utf-8")


def checked_once(store: str, content: bytes, check: Callable[[], Verdict]) -> Verdict:
    """`check()`'s verdict on this content, computed once per session."""
    verdicts = st.session_state.setdefault(store, {})
    digest = hashlib.sha256(content).hexdigest()
    if digest not in verdicts:
        verdicts[digest] = check()
    return verdicts[digest]


def show(verdict: Verdict, where: Any = st) -> None:
    """The verdict as one green or red line (in `where`: the page, or a column)."""
    (where.success if verdict[0] else where.error)(verdict[1])


def quota_refusal(owner: str, incoming: int) -> str:
    """The refusal line when `incoming` more bytes would take the owner's uploads past their quota, else ""."""
    try:
        ge.storage.check_quota(uploads_dir(owner), incoming)
    except ge.storage.QuotaExceeded as exc:
        if exc.kind == "files":
            return t("uploads.over_quota_files", limit=exc.limit)
        return t("uploads.over_quota_bytes", mb=incoming / 2**20, total=exc.after / 2**20, quota=exc.limit // 2**20)
    return ""


def _store_checkpoint(owner: str, folder: Path, name: str, content: bytes, load: Callable[[Path], object],
                      store: str) -> Verdict:
    """Keep an uploaded .safetensors file in `folder` once `load` accepts it (header, card, task, shapes,
    finiteness) and the owner's quota has room; a refused file leaves nothing behind."""

    def check() -> Verdict:
        if len(content) > MAX_UPLOAD_BYTES:
            return "", t("pick.too_big", mb=MAX_UPLOAD_BYTES // 2**20)
        if refusal := quota_refusal(owner, len(content)):
            return "", refusal
        stem = safe_stem(name, 60)
        place = ge.storage.scratch_dir("check-")  # its own: two tabs may upload one name at once
        checking = place / f"{stem}.safetensors"  # the user's own name shows in any refusal
        kept: Path | None = None
        try:
            checking.write_bytes(content)
            load(checking)
            kept = Path(shutil.move(checking, folder / f"{stem}.safetensors"))
        except (ge.UserError, ValueError, RuntimeError) as exc:
            return "", t("pick.refused", reason=defused(exc))
        finally:  # refused, or a bug: nothing of the file stays behind
            shutil.rmtree(place, ignore_errors=True)
        return str(kept), t("pick.accepted", name=kept.name)

    return checked_once(store, content, check)


def store_generator(owner: str, name: str, content: bytes) -> Verdict:
    """Keep an uploaded .safetensors generator once it loads cleanly."""
    return _store_checkpoint(owner, uploads_dir(owner), name, content, ge.load_generator, "checked_uploads")


def _kind_dir(owner: str, kind: str) -> Path:
    """Uploads of one kind of model live apart from generators, so the generator pickers never list them."""
    folder = uploads_dir(owner) / kind
    folder.mkdir(exist_ok=True)
    return folder


def translators_dir(owner: str) -> Path:
    return _kind_dir(owner, "translators")


def store_translator(owner: str, name: str, content: bytes) -> Verdict:
    """Keep an uploaded .safetensors Pix2Pix or CycleGAN model once it loads cleanly."""
    return _store_checkpoint(owner, translators_dir(owner), name, content, TranslatePipeline.load, "checked_translators")


def detectors_dir(owner: str) -> Path:
    return _kind_dir(owner, "detectors")


def store_detector(owner: str, name: str, content: bytes) -> Verdict:
    """Keep an uploaded .safetensors real-vs-generated detector (task detector) once it loads cleanly."""
    return _store_checkpoint(owner, detectors_dir(owner), name, content, ge.DetectPipeline.load, "checked_detectors")


def store_pair_zip(owner: str, name: str, content: bytes, task: str) -> Verdict:
    """Keep an uploaded zip in Pix2Pix's AB layout (task "pix2pix") or CycleGAN's trainA/trainB layout ("cyclegan"),
    named by its content, once `check_pair_set` accepts it; a zip in the other task's layout is refused in one line."""

    def check() -> Verdict:
        digest = hashlib.sha256(content).hexdigest()[:8]
        folder = uploads_dir(owner)
        if refusal := quota_refusal(owner, len(content)):
            return "", refusal
        place = ge.storage.scratch_dir("check-")
        checking = place / f"pairs-{safe_stem(name, 40)}-{digest}.zip"
        kept: Path | None = None
        try:
            checking.write_bytes(content)
            summary = ge.data.check_pair_set(checking)
            if summary.paired == (task == "pix2pix"):  # same name, same bytes: a queued job reading it is unaffected
                kept = Path(shutil.move(checking, folder / checking.name))
        except ge.DataError as exc:
            return "", t("translate.zip_refused", reason=defused(str(exc).replace(checking.name, name)))
        finally:  # refused, or a bug: nothing of the file stays behind
            shutil.rmtree(place, ignore_errors=True)
        if kept is None:
            return "", t("translate.zip_wrong_ab" if summary.paired else "translate.zip_wrong_cyclegan", name=defused(name))
        remember_name(kept, name)
        counts = ", ".join(t("translate.zip_count", folder=defused(f), n=n) for f, n in summary.counts.items())
        return str(kept), t("translate.zip_accepted", name=defused(name), counts=counts, a=defused(summary.domains[0]),
                            b=defused(summary.domains[1]))

    return checked_once(f"checked_pair_zips_{task}", content, check)


def store_data_zip(owner: str, name: str, content: bytes) -> Verdict:
    """Keep an uploaded zip of images, named by its content (a queued job keeps the exact data it was given),
    once it passes the archive checks and holds enough readable images."""

    def check() -> Verdict:
        digest = hashlib.sha256(content).hexdigest()[:8]
        target = uploads_dir(owner) / f"{safe_stem(name, 40)}-{digest}.zip"
        if not target.exists():
            if refusal := quota_refusal(owner, len(content)):
                return "", refusal
            target.write_bytes(content)
        summary = None
        try:
            summary = ge.check_image_set(target)
        except ge.DataError as exc:
            return "", t("train.zip_refused", reason=defused(str(exc).replace(target.name, name)))
        finally:  # refused, or a bug: nothing of the file stays behind
            if summary is None:
                target.unlink(missing_ok=True)
        remember_name(target, name)
        classes = t("train.zip_classes", n=len(summary.class_names)) if summary.class_names else t("train.zip_no_classes")
        return str(target), t("train.zip_accepted", name=defused(name), n=summary.images, classes=classes)

    return checked_once("checked_zips", content, check)


def uploads_manager(owner: str, where: Any = st.sidebar) -> None:
    """The owner's kept uploads with their use of the quota, each with a delete button (in the sidebar)."""
    folder = uploads_dir(owner)
    limits = ge.storage_settings()
    used = ge.storage.usage(folder)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))
    label = t("uploads.title", mb=used.bytes / 2**20, quota=limits.quota_bytes // 2**20, n=used.files,
              files=limits.quota_files)
    with where.expander(label, expanded=False):
        st.caption(t("uploads.expiry", days=limits.expire_after_s / 86400) if limits.expire_after_s
                   else t("uploads.no_expiry"))
        if not files:
            st.caption(t("uploads.none"))
        for i, path in enumerate(files):
            left, right = st.columns([4, 1])
            left.text(f"{path.name} · {path.stat().st_size / 2**20:.1f} MB")
            if right.button("🗑", key=f"upload_delete_{i}_{path.name}", help=t("uploads.delete")):
                path.unlink(missing_ok=True)
                upload_name_file(path).unlink(missing_ok=True)
                for key in [k for k in st.session_state if str(k).startswith("checked_")]:
                    del st.session_state[key]  # a verdict on a deleted file must not say "kept" again
                st.rerun()
