"""The Playground's engine: a GAN on 2-D points, trained in-process a few steps at a time, and what it looks like.

A `Playground` is one small GAN (an MLP generator and discriminator on a 2-D target) driven through the training
loop's stepping interface (`Trainer`), so it trains exactly as a job with the same config would, with no job to
start. Its `view()` returns plain arrays for the pictures: real and generated points, the discriminator's output
over the plane (its decision surface), the direction the generator's loss pushes each fake point, the generator's
image of a grid of latent points, per-mode coverage and the history of the losses and of D's outputs.

Bounded for a classroom server: the models are small (`BOUNDS`), one call trains at most `MAX_STEPS_PER_CALL` steps
and stops early past a time budget, a playground trains at most `MAX_STEPS` steps, and a `PlaygroundPool` (shared by
the server) keeps at most so many playgrounds and lets at most so many step at once. Stepping runs on one CPU thread
with the playground's own random state, so it neither fights other work for cores nor depends on what else ran.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import math
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import torch

from .data import DataRequest, TensorData, load_data
from .data.toy2d import mode_centres
from .errors import ConfigError
from .limits import LIMITS, Bound
from .losses import LOSSES
from .settings import playground_limits
from .tasks import GanConfig, NonFiniteLoss
from .train import Trainer

DRAWN = "drawn"
TARGETS = ("toy2d-ring", "toy2d-grid", "toy2d-spiral", "toy2d-moons", "toy2d-circles", DRAWN)
EXTENT = 1.2  # the plane drawn: [-EXTENT, EXTENT] on both axes
MAX_STEPS_PER_CALL = 50
MAX_STEPS = 20_000
STEP_TIME_BUDGET_S = 0.25  # a call stops early past this: a busy server shows fewer steps, never a late page
N_SHOWN = 500  # generated points drawn (fixed noise, so they move smoothly from frame to frame)
N_REAL_SHOWN = 500
N_ARROWS = 80
SURFACE_RESOLUTION = 48
LATENT_LINES, LATENT_POINTS, LATENT_RANGE = 9, 25, 2.0  # the latent grid: lines each way, points per line, +-range
ARROW_LENGTH = 0.15  # the longest arrow on the plane
HISTORY_CAP = 1200  # history rows kept; past it every other row goes (the curve keeps its shape)
MIN_DRAWN = 3  # distinct drawn points a target needs
DRAWN_ITEMS = 4000
REGIONS = 8  # a continuous target (spiral, moons, circles, a drawing) is cut into this many regions for coverage

#: D steps per G step suggested with a loss: a Wasserstein critic must be trained closer to its optimum than G (its
#: authors used 5); with 1, WGAN-GP learns nothing on the ring in 3,000 steps, with 3 it covers all 8 modes in 1,000.
#: The hinge loss too (SN-GAN used 5): with 1 it held 1 ring mode after 1,000 steps, with 3 it held 7 or 8.
SUGGESTED_D_STEPS = {"wgan-gp": 3, "hinge": 3}

#: The playground's own bounds, tighter than a job's (ganengine.limits): small models, a few steps per update.
BOUNDS: dict[str, Bound] = {
    "width": Bound(4, 32, "width"),
    "depth": Bound(1, 4, "hidden layers"),
    "nz": Bound(2, 16, "noise dimension"),
    "batch_size": Bound(16, 512, "batch size"),
    "d_steps": Bound(1, 5, "D steps per iteration"),
    "g_steps": Bound(1, 5, "G steps per iteration"),
    "lr": Bound(1e-5, 0.05, "learning rate", whole=False),
    "seed": LIMITS["seed"],
}


@dataclass(frozen=True)
class PlaygroundSettings:
    """What a playground trains: the target, the loss and the small models' sizes and optimiser settings."""

    target: str = "toy2d-ring"
    loss: str = "bce"
    width: int = 8  # hidden layers of 4w and 8w units (ganengine.models.mlp)
    depth: int = 2
    nz: int = 2
    batch_size: int = 128
    lr_g: float = 1e-3
    lr_d: float = 1e-3
    d_steps: int = 1
    g_steps: int = 1
    seed: int = 0
    #: WGAN-GP's penalty weight: 1, not the paper's 10, because these targets span about 1.6 units, not 4 (with
    #: 10 the penalty drowns the critic and nothing is learned; 1 covers all 8 ring modes in 1,000 steps)
    gp_weight: float = 1.0

    def validate(self) -> PlaygroundSettings:
        if self.target not in TARGETS:
            raise ConfigError(f"target must be one of {', '.join(TARGETS)} (got {self.target!r})")
        if self.loss not in LOSSES:
            raise ConfigError(f"loss must be one of {', '.join(LOSSES.names())} (got {self.loss!r})")
        for name in ("width", "depth", "nz", "batch_size", "d_steps", "g_steps", "seed"):
            BOUNDS[name].check(getattr(self, name))
        LIMITS["gp_weight"].check(self.gp_weight)
        BOUNDS["lr"].check(self.lr_g)
        BOUNDS["lr"].check(self.lr_d)
        return self

    def config(self) -> GanConfig:
        """The GAN task's config for these settings: what a job would train (fp32 on the CPU, no files)."""
        return GanConfig(data=self.target, model="mlp", loss=self.loss, nz=self.nz, width=self.width, depth=self.depth,
                         batch_size=self.batch_size, lr_g=self.lr_g, lr_d=self.lr_d, d_steps=self.d_steps,
                         g_steps=self.g_steps, gp_weight=self.gp_weight, seed=self.seed, steps=MAX_STEPS, amp=False, device="cpu",
                         log_every=MAX_STEPS, sample_every=MAX_STEPS, checkpoint_every=MAX_STEPS)

    def model_key(self) -> str:
        """Every setting but the learning rates (which a running playground can change): equal keys, same model."""
        fields = dataclasses.asdict(self)
        return "|".join(f"{k}={v}" for k, v in sorted(fields.items()) if k not in ("lr_g", "lr_d"))


# --------------------------------------------------------------------------------------------------------------------
# targets


def points_from_mask(mask: np.ndarray, extent: float = EXTENT) -> np.ndarray:
    """The plane coordinates of the set pixels of a drawing (H x W booleans covering [-extent, extent]^2, y up)."""
    if mask.ndim != 2:
        raise ValueError("a drawing mask is a 2-D array")
    rows, cols = np.nonzero(mask)
    h, w = mask.shape
    x = (cols + 0.5) / w * 2 * extent - extent
    y = extent - (rows + 0.5) / h * 2 * extent
    return np.stack([x, y], 1).astype(np.float32)


def drawn_target(points: np.ndarray, seed: int = 0, n: int = DRAWN_ITEMS, jitter: float = 0.015) -> TensorData:
    """A target from a user's points (plane coordinates): n samples drawn from them with a little noise."""
    pts = np.asarray(points, dtype=np.float32).reshape(-1, 2)
    pts = pts[np.isfinite(pts).all(1) & (np.abs(pts) <= EXTENT).all(1)]
    if len(np.unique(pts.round(3), axis=0)) < MIN_DRAWN:
        raise ConfigError(f"draw at least {MIN_DRAWN} points to make a target")
    rng = np.random.default_rng(seed)
    x = pts[rng.integers(len(pts), size=n)] + rng.normal(0, jitter, (n, 2)).astype(np.float32)
    return TensorData(name=DRAWN, kind="points", x=torch.from_numpy(x), description="points drawn by hand")


def load_target(settings: PlaygroundSettings, drawn: np.ndarray | None = None) -> TensorData:
    if settings.target == DRAWN:
        if drawn is None:
            raise ConfigError(f"draw at least {MIN_DRAWN} points to make a target")
        return drawn_target(drawn, settings.seed)
    return load_data(settings.target, DataRequest(seed=settings.seed))


# --------------------------------------------------------------------------------------------------------------------
# coverage


@dataclass(frozen=True)
class Modes:
    """The parts of a target that coverage counts: the Gaussians of a mixture, the separate blobs of a drawing, or
    regions of one continuous shape."""

    centres: np.ndarray  # (K, 2)
    weights: np.ndarray  # (K,) the target's share in each
    radius: float  # a point nearer than this to the target is on it
    kind: str  # modes | regions
    reference: np.ndarray | None = None  # target points nearness is measured to; None: to the centres (Gaussians)
    labels: np.ndarray | None = None  # the mode of each reference point


@dataclass(frozen=True)
class Coverage:
    """How many modes receive samples: `covered` of `total`; per mode, the share of samples it got and its fair share."""

    covered: int
    total: int
    shares: np.ndarray
    expected: np.ndarray
    near: float  # share of the samples on the target at all
    kind: str  # modes | regions
    mask: np.ndarray  # (K,) which modes are covered


def kmeans(points: np.ndarray, k: int, seed: int = 0, iterations: int = 30) -> np.ndarray:
    """k centres of `points` (k-means++ start, Lloyd iterations), deterministic for a seed."""
    rng = np.random.default_rng(seed)
    centres = [points[rng.integers(len(points))]]
    for _ in range(1, k):
        d2 = np.min(((points[:, None, :] - np.array(centres)[None]) ** 2).sum(-1), axis=1)
        centres.append(points[rng.choice(len(points), p=d2 / d2.sum())] if d2.sum() > 0 else points[rng.integers(len(points))])
    c = np.array(centres, dtype=np.float64)
    for _ in range(iterations):
        labels = ((points[:, None, :] - c[None]) ** 2).sum(-1).argmin(1)
        moved = np.array([points[labels == j].mean(0) if (labels == j).any() else c[j] for j in range(k)])
        if np.allclose(moved, c):
            break
        c = moved
    return c.astype(np.float32)


def blobs(points: np.ndarray, cell: float = 0.06) -> np.ndarray:
    """Connected blobs of a point set: a label per point, points in touching cells of a `cell` grid sharing one."""
    cells = np.floor(points / cell).astype(np.int64)
    keys, inverse = np.unique(cells, axis=0, return_inverse=True)
    index = {tuple(k): i for i, k in enumerate(keys.tolist())}
    label = np.full(len(keys), -1)
    count = 0
    for start in range(len(keys)):
        if label[start] >= 0:
            continue
        label[start], todo = count, [start]
        while todo:
            cx, cy = keys[todo.pop()]
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    j = index.get((cx + dx, cy + dy))
                    if j is not None and label[j] < 0:
                        label[j] = count
                        todo.append(j)
        count += 1
    return label[inverse.reshape(-1)]


def target_modes(name: str, target: np.ndarray, seed: int = 0) -> Modes:
    """What coverage counts on a target: the Gaussians of ring and grid; the separate blobs of a drawing (2 to 12 of
    them); else `REGIONS` k-means regions of the target's points (spiral, moons, circles, a one-stroke drawing)."""
    target = np.asarray(target, dtype=np.float32).reshape(-1, 2)
    kind = name.removeprefix("toy2d-")
    if kind in ("ring", "grid"):
        centres = mode_centres(kind).astype(np.float32)
        nearest = _nearest(target, centres)[0]
        return Modes(centres, np.bincount(nearest, minlength=len(centres)) / len(target), 0.1, "modes")
    rng = np.random.default_rng(seed)
    ref = target[rng.choice(len(target), size=min(2000, len(target)), replace=False)]
    if name == DRAWN:
        labels = blobs(ref)
        k = int(labels.max()) + 1
        if 2 <= k <= 12:
            centres = np.array([ref[labels == j].mean(0) for j in range(k)], dtype=np.float32)
            return Modes(centres, np.bincount(labels, minlength=k) / len(ref), 0.08, "modes", ref, labels)
    k = min(REGIONS, len(np.unique(ref.round(2), axis=0)))
    centres = kmeans(ref, k, seed)
    labels = _nearest(ref, centres)[0]
    return Modes(centres, np.bincount(labels, minlength=k) / len(ref), 0.08, "regions", ref, labels)


def _nearest(points: np.ndarray, others: np.ndarray, chunk: int = 1024) -> tuple[np.ndarray, np.ndarray]:
    """For each point, the index of and distance to the nearest of `others` (in chunks: bounded memory)."""
    idx, dist = [], []
    for i in range(0, len(points), chunk):
        d = np.linalg.norm(points[i:i + chunk, None, :] - others[None], axis=-1)
        idx.append(d.argmin(1))
        dist.append(d.min(1))
    if not idx:
        return np.zeros(0, int), np.zeros(0)
    return np.concatenate(idx), np.concatenate(dist)


def mode_coverage(samples: np.ndarray, modes: Modes, min_fraction: float = 0.2) -> Coverage:
    """Per-mode coverage of `samples`: a mode is covered when the samples on the target near it are at least
    `min_fraction` of its fair share (its share of the target); a collapsed generator covers one or two."""
    samples = np.asarray(samples, dtype=np.float32).reshape(-1, 2)
    finite = np.isfinite(samples).all(1)
    if modes.reference is None:
        nearest, dist = _nearest(samples[finite], modes.centres)
    else:  # the mode of the nearest target point (a sample between two blobs counts for neither)
        index, dist = _nearest(samples[finite], modes.reference)
        nearest = modes.labels[index]
    close = dist < modes.radius
    counts = np.bincount(nearest[close], minlength=len(modes.centres))
    shares = counts / max(len(samples), 1)
    covered = (counts > 0) & (shares >= min_fraction * modes.weights)
    return Coverage(int(covered.sum()), len(modes.centres), shares, modes.weights,
                    float(close.sum() / max(len(samples), 1)), modes.kind, covered)


# --------------------------------------------------------------------------------------------------------------------
# views


@dataclass(frozen=True)
class Surface:
    """D's output over the plane: values[i, j] at (xs[j], ys[i]); a probability (0-1) or a raw critic score."""

    xs: np.ndarray
    ys: np.ndarray
    values: np.ndarray
    probability: bool


@torch.no_grad()
def decision_surface(D: torch.nn.Module, probability: bool, resolution: int = SURFACE_RESOLUTION,
                     extent: float = EXTENT) -> Surface:
    """The discriminator's output on a resolution x resolution grid over [-extent, extent]^2."""
    axis = torch.linspace(-extent, extent, resolution)
    yy, xx = torch.meshgrid(axis, axis, indexing="ij")
    logits = D(torch.stack([xx.reshape(-1), yy.reshape(-1)], 1)).float()
    values = torch.sigmoid(logits) if probability else logits
    return Surface(axis.numpy(), axis.numpy(), values.reshape(resolution, resolution).numpy(), probability)


def generator_arrows(D: torch.nn.Module, loss_name: str, fake: torch.Tensor,
                     length: float = ARROW_LENGTH) -> tuple[np.ndarray, float]:
    """Where G's loss pushes each fake point: (k, 4) rows of x, y, dx, dy (minus the loss's gradient with respect to
    the point, scaled so the longest arrow is `length`) and the mean gradient norm before scaling."""
    x = fake.detach().clone().requires_grad_(True)
    with torch.enable_grad():
        loss = LOSSES[loss_name].g_loss(D(x).float()) * len(x)  # per point, not averaged away
        (grad,) = torch.autograd.grad(loss, x)
    step = -grad
    norms = step.norm(dim=1)
    scale = length / max(float(norms.max()), 1e-12)
    return np.concatenate([x.detach().numpy(), (step * scale).numpy()], 1), float(norms.mean())


def latent_grid(nz: int, lines: int = LATENT_LINES, points: int = LATENT_POINTS, span: float = LATENT_RANGE) -> torch.Tensor:
    """A grid over the first two latent dimensions (the others 0): (2, lines, points, nz), rows then columns."""
    across, along = torch.linspace(-span, span, lines), torch.linspace(-span, span, points)
    z = torch.zeros(2, lines, points, nz)
    z[0, :, :, 0], z[0, :, :, 1] = along[None, :], across[:, None]  # rows: z1 fixed, z0 varies
    z[1, :, :, 0], z[1, :, :, 1] = across[:, None], along[None, :]  # columns: z0 fixed, z1 varies
    return z


@dataclass(frozen=True)
class View:
    """One frame of a playground, as arrays (the page turns them into figures)."""

    step: int
    real: np.ndarray  # (n, 2)
    fake: np.ndarray  # (N_SHOWN, 2), from fixed noise
    coverage: Coverage
    modes: np.ndarray  # (K, 2) the centres coverage counts around
    history: dict[str, np.ndarray]
    probability: bool  # D's output reads as a probability (else a critic's score)
    surface: Surface | None = None
    arrows: np.ndarray | None = None  # (k, 4): x, y, dx, dy
    grad_norm: float = 0.0  # mean norm of G's loss gradient on the fake points
    latent: np.ndarray | None = None  # (2, lines, points, 2): G's image of the latent grid's rows and columns


class History:
    """The measured values over steps, at most `cap` rows: past it every other row goes (old steps get sparser)."""

    NAMES = ("loss_d", "loss_g", "d_real", "d_fake", "grad_norm_d", "grad_norm_g")

    def __init__(self, cap: int = HISTORY_CAP) -> None:
        self.cap = cap
        self.rows: list[tuple[float, ...]] = []

    def add(self, step: int, values: dict[str, float]) -> None:
        self.rows.append((step, *(values.get(n, math.nan) for n in self.NAMES)))
        if len(self.rows) > self.cap:
            self.rows = self.rows[:-1:2] + self.rows[-1:]

    def arrays(self) -> dict[str, np.ndarray]:
        table = np.array(self.rows, dtype=np.float64).reshape(-1, 1 + len(self.NAMES))
        return {"step": table[:, 0].astype(int), **{n: table[:, i + 1] for i, n in enumerate(self.NAMES)}}


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """Run torch on one intra-op thread here: a tiny model gains nothing from more, and on a busy server threads
    that wait for each other cost ten times the work (9 ms against 155 ms a step, measured on 2 loaded cores)."""
    before = torch.get_num_threads()
    if before != 1:
        torch.set_num_threads(1)
    try:
        yield
    finally:
        if before != 1:
            torch.set_num_threads(before)


def identity(settings: PlaygroundSettings, drawn: np.ndarray | None = None) -> str:
    """What a playground is made of (its settings but the learning rates, and the drawn points): a page rebuilds its
    playground when this changes and keeps it (changing only the learning rates) otherwise."""
    key = settings.model_key()
    if settings.target == DRAWN and drawn is not None:
        key += "|drawn=" + hashlib.sha256(np.ascontiguousarray(drawn, dtype=np.float32).tobytes()).hexdigest()[:16]
    return key


class Playground:
    """One small GAN on a 2-D target, stepped in-process (thread-safe: one caller at a time per playground)."""

    def __init__(self, settings: PlaygroundSettings, drawn: np.ndarray | None = None, tag: str = "",
                 max_steps: int = MAX_STEPS) -> None:
        """`tag`: anything else the caller's notion of "the same playground" depends on (the page: the other side of a
        comparison), kept in `identity`."""
        self.settings = settings.validate()
        data = load_target(settings, drawn)
        with torch.random.fork_rng(devices=[]), one_thread():  # the server's global RNG is left as it was
            self.trainer = Trainer(settings.config(), data)
            self._rng = torch.get_rng_state()  # this playground's own noise, carried from call to call
        task = self.trainer.task
        self.real = data.x.numpy()
        pick = np.random.default_rng(settings.seed).choice(len(self.real), size=min(N_REAL_SHOWN, len(self.real)),
                                                           replace=False)
        self.real_shown = self.real[pick]
        shape = self.real if drawn is None or settings.target != DRAWN else np.asarray(drawn, dtype=np.float32).reshape(-1, 2)
        self.modes = target_modes(settings.target, shape, settings.seed)  # a drawing's regions: of what was drawn
        self.z_shown = task.fixed_z[:N_SHOWN]
        self.z_grid = latent_grid(settings.nz)
        self.history = History()
        self.identity = identity(settings, drawn) + (f"|{tag}" if tag else "")
        self.last_view: View | None = None
        self.failed = ""  # why training stopped (a loss became NaN), "" while it can go on
        self.seconds = 0.0  # time spent stepping
        self._lock = threading.Lock()
        self.max_steps = min(max_steps, MAX_STEPS)  # the operator's limit (GANSTUDIO_PLAYGROUND_STEPS), never above

    @property
    def step_count(self) -> int:
        return self.trainer.step

    @property
    def probability(self) -> bool:
        return LOSSES[self.settings.loss].probabilistic

    @property
    def done(self) -> bool:
        return bool(self.failed) or self.trainer.step >= self.max_steps

    def set_learning_rates(self, lr_g: float, lr_d: float) -> None:
        """Change the learning rates of a running playground (the Adam state is kept)."""
        BOUNDS["lr"].check(lr_g)
        BOUNDS["lr"].check(lr_d)
        with self._lock:
            for name, lr in (("generator", lr_g), ("discriminator", lr_d)):
                for group in self.trainer.task.optimizers()[name].param_groups:
                    group["lr"] = lr
            self.settings = dataclasses.replace(self.settings, lr_g=lr_g, lr_d=lr_d)

    def step(self, n: int, time_budget: float = STEP_TIME_BUDGET_S) -> int:
        """Train up to n steps (at most MAX_STEPS_PER_CALL, and MAX_STEPS in all; fewer once `time_budget` seconds
        have passed); the last is measured into the history. Returns the steps done."""
        n = max(0, min(int(n), MAX_STEPS_PER_CALL, self.max_steps - self.trainer.step))
        if n == 0 or self.failed:
            return 0
        done = 0
        with self._lock, torch.random.fork_rng(devices=[]), one_thread():
            torch.set_rng_state(self._rng)
            t0 = time.perf_counter()
            try:
                for i in range(n):
                    last = i == n - 1 or time.perf_counter() - t0 > time_budget
                    values = self.trainer.train_step(measure=last)
                    done += 1
                    if last:
                        self.history.add(self.trainer.step, values)
                        break
            except NonFiniteLoss as exc:
                self.failed = f"the {exc} loss became NaN or infinite at step {exc.step + 1}"
            self._rng = torch.get_rng_state()
            self.seconds += time.perf_counter() - t0
        return done

    @torch.no_grad()
    def samples(self, z: torch.Tensor | None = None) -> np.ndarray:
        """G's points for noise `z` (default: the fixed noise the view shows)."""
        G = self.trainer.task.G
        return G(self.z_shown if z is None else z).float().numpy()

    def view(self, surface: bool = True, arrows: bool = True, latent: bool = True,
             resolution: int = SURFACE_RESOLUTION) -> View:
        """The current frame (no randomness used: the same state gives the same frame)."""
        with self._lock, one_thread(), torch.no_grad():
            task = self.trainer.task
            G, D = task.G, task.D
            fake_t = G(self.z_shown).float()
            fake = fake_t.numpy()
            extra: dict = {}
            if surface:
                extra["surface"] = decision_surface(D, self.probability, resolution)
            if arrows:
                extra["arrows"], extra["grad_norm"] = generator_arrows(D, self.settings.loss, fake_t[:N_ARROWS])
            if latent:
                nz = self.settings.nz
                extra["latent"] = G(self.z_grid.reshape(-1, nz)).float().numpy().reshape(2, LATENT_LINES, LATENT_POINTS, 2)
            self.last_view = View(self.trainer.step, self.real_shown, fake, mode_coverage(fake, self.modes),
                                  self.modes.centres, self.history.arrays(), self.probability, **extra)
            return self.last_view


# --------------------------------------------------------------------------------------------------------------------
# the server's playgrounds


class PlaygroundPool:
    """The server's playgrounds by key (one per browser session and side), bounded: at most `max_playgrounds` are
    kept (the least recently used goes first; its page starts a new one) and at most `max_busy` step or draw at
    once (`turn()`); a session that waits longer than `wait_s` skips training for that update."""

    def __init__(self, max_playgrounds: int = 64, max_busy: int | None = None, wait_s: float = 0.5) -> None:
        self.max_playgrounds = max_playgrounds
        self.max_busy = max_busy or max(1, (os.cpu_count() or 2) // 2)
        self.wait_s = wait_s
        self._slots = threading.BoundedSemaphore(self.max_busy)
        self._lock = threading.Lock()
        self._items: OrderedDict[str, Playground] = OrderedDict()

    @classmethod
    def from_settings(cls) -> PlaygroundPool:
        """The pool with the operator's limits (GANSTUDIO_PLAYGROUND_KEPT, GANSTUDIO_PLAYGROUND_BUSY)."""
        limits = playground_limits()
        return cls(max_playgrounds=limits.kept, max_busy=limits.busy)

    def get(self, key: str) -> Playground | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: str, playground: Playground) -> None:
        with self._lock:
            self._items[key] = playground
            self._items.move_to_end(key)
            while len(self._items) > self.max_playgrounds:
                self._items.popitem(last=False)

    def drop(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    @contextlib.contextmanager
    def turn(self) -> Iterator[bool]:
        """A slot to step and draw in: yields True once one is free, False if none came within `wait_s`."""
        got = self._slots.acquire(timeout=self.wait_s)
        try:
            yield got
        finally:
            if got:
                self._slots.release()


# --------------------------------------------------------------------------------------------------------------------
# learning material: a discriminative and a generative model of the same two classes


@dataclass(frozen=True)
class TwoViews:
    """Two classes of points seen two ways: a classifier's p(class 1 | x) over the plane (discriminative) and each
    class's own density p(x | class) with new points drawn from it (generative). Grids as in `Surface`."""

    points: np.ndarray  # (n, 2)
    labels: np.ndarray  # (n,) 0 or 1
    axis: np.ndarray  # (resolution,) the grid's x and y values
    p_class1: np.ndarray  # (resolution, resolution)
    densities: np.ndarray  # (2, resolution, resolution), each class's density
    samples: np.ndarray  # (m, 2) new points, drawn from the densities
    sample_labels: np.ndarray  # (m,)


DEMO_POINTS = (100, 1500)  # the live demo's range of points (cheap enough to redraw at each change)
DEMO_NOISE = (0.0, 0.25)


def generative_vs_discriminative(seed: int = 0, n: int = 600, resolution: int = 60, steps: int = 300,
                                 bandwidth: float = 0.07, noise: float = 0.03) -> TwoViews:
    """Two half-moons (`noise`: how much the classes overlap) modelled both ways: a small classifier trained `steps`
    steps (it learns only the boundary) and a Gaussian kernel density per class (it learns where each class lies, so
    it can draw new points). Well under a second on one core at the demo's sizes."""
    from .data.toy2d import moons

    if not (DEMO_POINTS[0] <= n <= DEMO_POINTS[1] and DEMO_NOISE[0] <= noise <= DEMO_NOISE[1]):
        raise ValueError(f"n must be within {DEMO_POINTS} and noise within {DEMO_NOISE}")
    rng = np.random.default_rng(seed)
    pts, labels = moons(n, rng, noise)
    pts, labels = pts.astype(np.float32), labels.astype(np.int64)
    axis = np.linspace(-EXTENT, EXTENT, resolution, dtype=np.float32)
    yy, xx = np.meshgrid(axis, axis, indexing="ij")
    grid = np.stack([xx.ravel(), yy.ravel()], 1)
    with torch.random.fork_rng(devices=[]), one_thread():
        torch.manual_seed(seed)
        clf = torch.nn.Sequential(torch.nn.Linear(2, 32), torch.nn.Tanh(), torch.nn.Linear(32, 32), torch.nn.Tanh(),
                                  torch.nn.Linear(32, 1))
        opt = torch.optim.Adam(clf.parameters(), lr=0.02)
        x, y = torch.from_numpy(pts), torch.from_numpy(labels).float()
        for _ in range(steps):
            opt.zero_grad()
            torch.nn.functional.binary_cross_entropy_with_logits(clf(x).view(-1), y).backward()
            opt.step()
        with torch.no_grad():
            p_class1 = torch.sigmoid(clf(torch.from_numpy(grid))).view(resolution, resolution).numpy()
    densities = np.zeros((2, resolution, resolution), dtype=np.float32)
    samples, sample_labels = [], []
    for c in (0, 1):
        own = pts[labels == c]
        d2 = ((grid[:, None, :] - own[None]) ** 2).sum(-1)
        density = np.exp(-d2 / (2 * bandwidth**2)).sum(1) / (len(own) * 2 * math.pi * bandwidth**2)
        densities[c] = density.reshape(resolution, resolution)
        new = own[rng.integers(len(own), size=60)] + rng.normal(0, bandwidth, (60, 2)).astype(np.float32)
        samples.append(new)
        sample_labels.append(np.full(60, c))
    return TwoViews(pts, labels, axis, p_class1, densities, np.concatenate(samples), np.concatenate(sample_labels))
