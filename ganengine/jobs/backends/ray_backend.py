"""Jobs on a Ray cluster (`GANSTUDIO_BACKEND=ray`): each job is one Ray actor asking for the job's CPUs (and a GPU).

No shared disk is assumed. The server's run directory stays the truth:

- out: the actor is created with the run's config.json, its resume state (resume.pt and the latest checkpoint, when the
  run is being continued) and any input file the config names by path (an uploaded zip, a checkpoint to start from).
  It writes them into a temporary run directory of its own on whichever node Ray picks.
- back: the actor trains in a thread of its own process (the same `run_job` as the local worker) and the backend asks it
  every `pull_interval` seconds what is new, sending what the server already holds (a byte offset into events.jsonl and
  worker.log, and the size and modification time of each sample, checkpoint and resume.pt). The answer carries the new
  bytes of both logs and the files that changed; the backend writes the files first (atomically, keeping the remote
  modification time, so they are not sent twice) and then appends the events, so an event never names a file the
  server does not have yet. The actor answers with its exit status only once everything has been sent.
- cancel: an actor method sets the stop flag the training loop reads at every step; the loop writes its last
  checkpoint, which comes back with the final answer. A job still running 2 x cancel_grace later is killed.
- a worker (or node) that dies: the pending question fails with a Ray error; the backend then writes the job's `ended`
  event itself (failed, with the reason and the last checkpoint that reached the server), and the run can be continued
  from that checkpoint (`python -m ganengine submit --resume RUN_DIR --backend ray`). A dead process is noticed at
  once, a node lost on the network once Ray's health checks give up on it. The temporary folder of a job that was
  killed or died stays in that node's temporary directory.

Ray is imported only when the backend first connects, so the app never needs it unless GANSTUDIO_BACKEND=ray. Before
that, usage statistics are turned off (RAY_USAGE_STATS_ENABLED=0). With no address, the backend starts a private
single-node Ray on this machine bound to 127.0.0.1 only, without its dashboard; with GANSTUDIO_RAY_ADDRESS it joins
that cluster (`auto`, `HOST:6379` or `ray://HOST:10001`). Worker nodes need this package installed, nothing else.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ...atomic import disk_full
from ...errors import UserError
from ...events import JsonlSink, ended
from ...runs import RunDir
from .base import Backend, Location, Resources

PACKAGE_ROOT = Path(__file__).resolve().parents[3]
#: Set before Ray is imported: never send usage statistics.
TELEMETRY_OFF = {"RAY_USAGE_STATS_ENABLED": "0"}
#: Set before Ray is imported, for the private single-node cluster only: bind 127.0.0.1, not the machine's address
#: (Ray 2.60 binds the machine's network address even when given --node-ip-address 127.0.0.1).
LOOPBACK_ONLY = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}
#: The files a run sends back besides its two logs (temporary files of atomic writes start with a dot: never matched).
RUN_FILES = ("samples/step_*.png", "checkpoints/step_*.safetensors", "resume.pt")
LOGS = ("events.jsonl", "worker.log")
#: An input file (or folder) named by a config is sent with the job up to this size (uploads are far smaller).
MAX_INPUT_BYTES = 256 << 20

Signature = tuple[int, int]  # (size, mtime_ns)


# --- both sides: which files a run has, and writing what arrives ------------------------------------------------------
def run_files(root: Path) -> dict[str, Path]:
    """The samples, checkpoints and resume state of the run directory `root`, by relative POSIX path."""
    found: dict[str, Path] = {}
    for pattern in RUN_FILES:
        for path in root.glob(pattern):
            if path.is_file() and not path.is_symlink():
                found[path.relative_to(root).as_posix()] = path
    return found


def signature(path: Path) -> Signature:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def signatures(root: Path) -> dict[str, Signature]:
    """What the run directory `root` holds, as (size, mtime_ns) by relative path: the other side sends what differs."""
    out = {}
    for rel, path in run_files(root).items():
        try:
            out[rel] = signature(path)
        except OSError:
            continue
    return out


def is_run_file(rel: str) -> bool:
    """Whether `rel` is a path a run may send back (never an absolute path, a parent reference or another file)."""
    p = PurePosixPath(rel)
    return not p.is_absolute() and ".." not in p.parts and any(
        len(p.parts) == len(PurePosixPath(pattern).parts) and p.match(pattern) for pattern in RUN_FILES)


def write_file(root: Path, rel: str, data: bytes, mtime_ns: int) -> Path:
    """Write `data` to `root/rel` atomically with modification time `mtime_ns` (a signature the other side knows)."""
    if not is_run_file(rel):
        raise ValueError(f"refused a file outside the run's layout: {rel!r}")
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.incoming")
    try:
        tmp.write_bytes(data)
        os.utime(tmp, ns=(mtime_ns, mtime_ns))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def append_bytes(path: Path, data: bytes) -> None:
    """Append whole lines to a log, starting on a fresh line if the file's last one was cut short."""
    if not data:
        return
    with open(path, "a+b") as fh:
        if fh.tell() > 0:
            fh.seek(-1, os.SEEK_END)
            if fh.read(1) != b"\n":
                data = b"\n" + data
        fh.write(data)


def _path_inputs(config: dict[str, Any]) -> dict[str, Path]:
    """Config fields that name a file or folder on the server (data, a checkpoint to start from...): they go out too."""
    from ...data import DATASETS

    found = {}
    for name, value in config.items():
        if not isinstance(value, str) or not value or name in ("command", "task") or value in DATASETS:
            continue
        if not (os.sep in value or "/" in value or Path(value).suffix):
            continue
        path = Path(value) if Path(value).is_absolute() else PACKAGE_ROOT / value
        if path.exists():
            found[name] = path
    return found


def pack_inputs(config: dict[str, Any]) -> dict[str, dict[str, bytes]]:
    """The bytes of every input file the config names, by field and then relative path ("" = the file itself). A
    file or folder over MAX_INPUT_BYTES (the operator's VGG weights...) is not sent: the nodes must hold it at that path."""
    packed = {}
    for name, path in _path_inputs(config).items():
        files = {"": path} if path.is_file() else {
            p.relative_to(path).as_posix(): p for p in sorted(path.rglob("*")) if p.is_file() and not p.is_symlink()}
        if sum(p.stat().st_size for p in files.values()) <= MAX_INPUT_BYTES:
            packed[name] = {rel: p.read_bytes() for rel, p in files.items()}
    return packed


def _check_reachable(address: str, timeout: float = 3.0) -> None:
    """OSError unless the head named by `address` (HOST:PORT or ray://HOST:PORT; auto is this machine) accepts a
    connection."""
    target = address.removeprefix("ray://")
    if target == "auto":
        return
    host, _, port = target.rpartition(":")
    if not host or not port.isdigit():
        raise OSError(f"GANSTUDIO_RAY_ADDRESS must be auto, HOST:PORT or ray://HOST:PORT (got {address!r})")
    with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
        pass


def _loopback_only(ray: Any) -> None:
    """Ray reads RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER when it is first imported: if that was before the backend set it,
    apply it now (connect() then checks the node's address anyway)."""
    constants = getattr(getattr(ray, "_private", None), "ray_constants", None)
    if constants is not None and getattr(constants, "ENABLE_RAY_CLUSTER", False):
        constants.ENABLE_RAY_CLUSTER = False


# --- the remote side --------------------------------------------------------------------------------------------------
class RemoteJob:
    """One job on a Ray worker: a private run directory, a training thread, a stop flag, and answers about what is new.

    Plain Python so that the module imports without Ray; the backend wraps it with `ray.remote` when it connects."""

    def __init__(self, config_json: str, files: dict[str, tuple[bytes, int]], inputs: dict[str, dict[str, bytes]]) -> None:
        import json

        self.root = Path(tempfile.mkdtemp(prefix="ganstudio-job-"))
        for rel, (data, mtime_ns) in files.items():
            write_file(self.root, rel, data, mtime_ns)
        config = json.loads(config_json)
        for name, members in inputs.items():
            base = self.root / "inputs" / name
            for rel, data in members.items():
                target = base / Path(config[name]).name if rel == "" else base / rel
                if not target.resolve().is_relative_to(base.resolve()):
                    raise ValueError(f"refused an input path outside the job's folder: {rel!r}")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            config[name] = str(base / Path(config[name]).name) if "" in members else str(base)
        run = RunDir(self.root)
        run.samples_dir.mkdir(exist_ok=True)
        run.checkpoints_dir.mkdir(exist_ok=True)
        run.config_path.write_text(json.dumps(config, indent=2, sort_keys=True))
        self.stop_flag = threading.Event()
        self.code: int | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> int:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="ganstudio-job", daemon=True)
            self.thread.start()
        return os.getpid()

    def _run(self) -> None:
        saved, code = (sys.stdout, sys.stderr), 1
        with open(self.root / "worker.log", "a", buffering=1) as log:
            sys.stdout = sys.stderr = log  # tracebacks go to the run's worker.log, as with a local worker
            try:
                from ..worker import run_job

                code = run_job(RunDir(self.root), self.stop_flag.is_set)
            except BaseException:
                import traceback

                traceback.print_exc()
            finally:
                sys.stdout, sys.stderr = saved
                self.code = code

    def stop(self) -> None:
        self.stop_flag.set()

    def pull(self, offsets: dict[str, int], known: dict[str, Signature]) -> dict[str, Any]:
        """What is new since `offsets` (byte offsets into the logs) and `known` (the server's files), and the exit status
        once the job has ended and this answer carries everything."""
        code = self.code  # read first: if the job had ended, what follows is complete
        logs = {}
        for name in LOGS:
            path, offset = self.root / name, offsets.get(name, 0)
            data = b""
            if path.exists():
                with open(path, "rb") as fh:
                    fh.seek(offset)
                    data = fh.read()
                data = data[: data.rfind(b"\n") + 1]  # whole lines only
            logs[name] = data
        files, complete = {}, True
        for rel, path in run_files(self.root).items():  # after the logs: each event's file is already there
            try:
                before = signature(path)
                if tuple(known.get(rel) or ()) == before:
                    continue
                data = path.read_bytes()
                if signature(path) != before:  # being replaced: next time
                    complete = False
                    continue
            except OSError:
                complete = False
                continue
            files[rel] = (data, before[1])
        return {"logs": logs, "files": files, "code": code if complete else None, "pid": os.getpid(),
                "root": str(self.root)}

    def close(self) -> None:
        """Remove the private run directory and end the actor."""
        shutil.rmtree(self.root, ignore_errors=True)
        import ray

        ray.actor.exit_actor()


# --- the server side --------------------------------------------------------------------------------------------------
@dataclass
class RayHandle:
    actor: Any
    run: RunDir
    offsets: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LOGS, 0))
    pending: Any = None  # the pull in flight
    last_pull: float = 0.0
    pid: int | None = None  # the remote process, once it has answered
    remote_root: str = ""
    cancel_at: float | None = None
    killed: bool = False
    code: int | None = None
    reason: str = ""


class RayBackend(Backend):
    """Each job a Ray actor on a cluster (or on a private single-node Ray on this machine); bytes come back by polling."""

    name = "ray"

    def __init__(self, address: str = "", cancel_grace: float = 10.0, pull_interval: float = 0.5,
                 num_cpus: int | None = None, runtime_env: dict[str, Any] | None = None, connect_timeout: float = 60.0) -> None:
        self.address = address.strip()
        self.cancel_grace = cancel_grace
        self.pull_interval = pull_interval
        self.connect_timeout = connect_timeout
        self.num_cpus = num_cpus  # the private cluster's CPUs (default: all of this machine's)
        self.runtime_env = runtime_env
        self._ray: Any = None
        self._actor_cls: Any = None
        self._keeper_stop: threading.Event | None = None  # set while this backend's own ray.init holds Ray
        self._lock = threading.Lock()
        self._location: tuple[float, Location] | None = None
        self._connect_error: tuple[float, str] | None = None

    # --- connection -----------------------------------------------------------------------------------------------
    def connect(self) -> Any:
        """Import Ray and join (or start) the cluster, once; the `ray` module. OSError if the cluster cannot be reached."""
        with self._lock:
            if self._ray is not None:
                return self._ray
            if self._connect_error and time.monotonic() - self._connect_error[0] < 30:
                raise OSError(self._connect_error[1])
            os.environ.update(TELEMETRY_OFF)
            if not self.address:
                os.environ.update(LOOPBACK_ONLY)
            try:
                if self.address:
                    _check_reachable(self.address)  # ray.init would wait minutes for a head that is not there
                import ray

                if not ray.is_initialized():
                    common = {"namespace": "ganstudio", "logging_level": "WARNING", "log_to_driver": True}
                    if self.address:
                        self._init_in_keeper(lambda: ray.init(address=self.address, **common))
                    else:
                        _loopback_only(ray)
                        self._init_in_keeper(lambda: ray.init(num_cpus=self.num_cpus, include_dashboard=False, **common))
                        if ray.util.get_node_ip_address() != "127.0.0.1":
                            ray.shutdown()
                            raise OSError("the private Ray would listen on the machine's network address, not 127.0.0.1 only")
            except Exception as exc:
                message = f"cannot reach the Ray cluster at {self.address or 'this machine'}: {type(exc).__name__}: {exc}"
                self._connect_error = (time.monotonic(), message.splitlines()[0][:300])
                raise OSError(self._connect_error[1]) from exc
            self._actor_cls = ray.remote(RemoteJob)
            self._ray = ray
            return ray

    def _init_in_keeper(self, init: Any) -> None:
        """Run `init` (ray.init) in a thread that lives until close(): Ray ties the processes it starts (GCS, raylet) to
        the thread that started them (PR_SET_PDEATHSIG), and the caller may be a page's script thread that ends soon."""
        done, failure = threading.Event(), []

        def keep() -> None:
            try:
                init()
            except BaseException as exc:
                failure.append(exc)
            finally:
                done.set()
            if not failure:
                self._keeper_stop.wait()

        self._keeper_stop = threading.Event()
        threading.Thread(target=keep, name="ganstudio-ray", daemon=True).start()
        if not done.wait(self.connect_timeout):  # it may still succeed: a later connect() then finds Ray initialised
            raise TimeoutError(f"no answer from Ray within {self.connect_timeout:g} s")
        if failure:
            raise failure[0]

    def close(self) -> None:
        """Let go of Ray if this backend connected it: a private Ray it started shuts down, a cluster it joined goes on
        (a Ray some other code had initialised is left alone)."""
        with self._lock:
            if self._keeper_stop is not None:
                if self._ray is not None:
                    self._ray.shutdown()
                self._keeper_stop.set()
            self._ray, self._actor_cls, self._location, self._keeper_stop = None, None, None, None

    def _check_fits(self, resources: Resources) -> None:
        nodes = [n for n in self._ray.nodes() if n.get("Alive")]
        cpus, gpus = max(resources.threads, 1), resources.gpus
        if not any(n["Resources"].get("CPU", 0) >= cpus and n["Resources"].get("GPU", 0) >= gpus for n in nodes):
            need = f"{cpus} CPU{'s' if cpus > 1 else ''}" + (f" and {gpus} GPU{'s' if gpus > 1 else ''}" if gpus else "")
            raise OSError(f"no node of the Ray cluster has {need} for this job")

    # --- Backend ----------------------------------------------------------------------------------------------------
    def start(self, job_id: str, run: RunDir, resources: Resources) -> RayHandle:
        self.connect()
        try:
            return self._start(run, resources)
        except OSError:
            raise
        except Exception as exc:  # the manager fails the job with the reason, and goes on
            raise OSError(f"the Ray cluster refused the job: {type(exc).__name__}: {exc}".splitlines()[0][:300]) from exc

    def _start(self, run: RunDir, resources: Resources) -> RayHandle:
        import json

        self._check_fits(resources)
        config_json = run.config_path.read_text()
        files = {}
        if run.resume_path.exists():  # a continued run: its resume state goes out, and its latest checkpoint
            latest = run.latest_checkpoint()
            for path in (run.resume_path, *([latest] if latest else [])):
                files[path.relative_to(run.root).as_posix()] = (path.read_bytes(), signature(path)[1])
        inputs = pack_inputs(json.loads(config_json))
        options: dict[str, Any] = {"num_cpus": max(resources.threads, 1), "num_gpus": resources.gpus, "max_restarts": 0}
        if self.runtime_env:
            options["runtime_env"] = self.runtime_env
        actor = self._actor_cls.options(**options).remote(config_json, files, inputs)
        actor.start.remote()
        (run.root / "worker.log").touch()
        return RayHandle(actor, run)

    def _connected(self) -> bool:
        """False once Ray has gone (closed, or shut down by its own exit hook before the manager's shutdown ran)."""
        return self._ray is not None and self._ray.is_initialized()

    def poll(self, handle: RayHandle) -> int | None:
        if handle.code is not None or not self._connected():
            return handle.code  # without Ray, the job is the server's to end (shutdown: kill(), then interrupted)
        ray, now = self._ray, time.monotonic()
        if handle.cancel_at is not None and not handle.killed and now - handle.cancel_at > 2 * self.cancel_grace:
            ray.kill(handle.actor, no_restart=True)  # the pending pull then fails: the job ends below
            handle.killed = True
        if handle.pending is None:
            if now - handle.last_pull < self.pull_interval:
                return None
            handle.pending = handle.actor.pull.remote(dict(handle.offsets), signatures(handle.run.root))
            handle.last_pull = now
        ready, _ = ray.wait([handle.pending], timeout=0)
        if not ready:
            return None
        ref, handle.pending = handle.pending, None
        try:
            reply = ray.get(ref)
        except ray.exceptions.ActorUnavailableError:  # for now (a network blip): ask again; a dead actor says so next
            return None
        except ray.exceptions.RayError as exc:
            return self._lost(handle, exc)
        try:
            self._apply(handle, reply)
        except OSError as exc:  # the server's disk: end this job, in its own words, and no other
            full = disk_full(exc, handle.run.root)
            raise UserError(str(full) if full else f"could not write the run's files on the server ({exc})") from None
        if reply["code"] is not None:
            handle.code = int(reply["code"])
            handle.actor.close.remote()
        return handle.code

    def cancel(self, handle: RayHandle) -> None:
        if handle.cancel_at is not None or handle.code is not None or not self._connected():
            return
        handle.cancel_at = time.monotonic()
        if handle.pid is None:  # it has not answered yet (waiting for room on the cluster, or importing): nothing to keep
            self._ray.kill(handle.actor, no_restart=True)
            handle.killed = True
        else:
            handle.actor.stop.remote()

    def kill(self, handle: RayHandle) -> None:
        if handle.code is None:
            if self._connected():
                self._ray.kill(handle.actor, no_restart=True)
            handle.code = -9

    def describe(self) -> str:
        where = self.location()
        at = f"Ray cluster at {where.address}"
        if where.error:
            return f"{at} (not reachable: {where.error})"
        return f"{at}, {where.cpus} CPUs, {where.gpus} GPUs"

    def location(self) -> Location:
        """The cluster's address and its live CPUs and GPUs (asked at most every 10 s)."""
        if self._location and time.monotonic() - self._location[0] < 10:
            return self._location[1]
        try:
            ray = self.connect()
            total = ray.cluster_resources()
            nodes = sum(1 for n in ray.nodes() if n.get("Alive"))
            address = self.address if self.address and self.address != "auto" else ray.get_runtime_context().gcs_address
            where = Location("ray", int(total.get("CPU", 0)), int(total.get("GPU", 0)), address, nodes)
        except Exception as exc:
            where = Location("ray", 0, 0, self.address or "127.0.0.1", 0, str(exc).splitlines()[0][:200] or type(exc).__name__)
        self._location = (time.monotonic(), where)
        return where

    # --- internals --------------------------------------------------------------------------------------------------
    def _apply(self, handle: RayHandle, reply: dict[str, Any]) -> None:
        """Files first, then the log lines that may name them."""
        handle.pid, handle.remote_root = reply["pid"], reply["root"]
        for rel, (data, mtime_ns) in reply["files"].items():
            write_file(handle.run.root, rel, data, mtime_ns)
        for name, data in reply["logs"].items():
            append_bytes(handle.run.root / name, data)
            handle.offsets[name] += len(data)

    def _lost(self, handle: RayHandle, exc: Exception) -> int:
        """The actor is gone (its process or node died, or it was killed): end the job with what reached the server."""
        handle.code = -9
        if handle.cancel_at is not None:
            return handle.code  # a stop the user asked for: the manager says so
        run = handle.run
        latest = run.latest_checkpoint()
        what = ("the Ray worker running this job was lost" if handle.pid is not None else
                "the job could not start on the Ray cluster (is ganengine installed on its nodes?)")
        kept = (f"; the last checkpoint that reached the server (step {run.checkpoints()[-1][0]}) is kept and the run "
                f"can be continued" if latest else "; no checkpoint had reached the server")
        handle.reason = f"{what} ({type(exc).__name__}){kept}"
        JsonlSink(run.events_path)(ended("failed", run.last_step(), handle.reason,
                                         str(latest.relative_to(run.root)) if latest else None))
        return handle.code
