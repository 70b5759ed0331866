"""Scale: docs/s with 1 process, 2 processes and a 2-worker Dask LocalCluster; peak memory.

Run: ``.venv/bin/python benchmarks/scale.py --docs 10000 [--docs 100000] [--target sqlite]
[--target postgresql] [--mode 1proc --mode 2proc --mode dask]``

Builds (once, under ``--corpus``) a corpus of N ~5 KB documents as JSONL
files of 10,000 lines (each over the 20 MB ``--max-size``, so they must
stream): the dev gold texts (or the bundled samples) joined three by three
and numbered, so that no two are equal (``corpus.varied_texts``). Each run
is ``pactwatch.ingest.run.ingest`` as ``pactwatch ingest`` calls it, in a
fresh child process, into a fresh SQLite file or PostgreSQL schema. It prints
per run: docs/s, the client's peak RSS and its RSS at 25/50/75/100 % of the
corpus (flat is the target), each worker's peak RSS, and the load average
around the run (the machine is shared: a load above 2 on 2 cores means other
work took CPU from this run). Then parallel efficiency =
docs/s(2 workers) / (2 x docs/s(1 process)). The CPU seconds of the client
and of all workers show where the time goes (the client reads, hashes and
writes; the workers extract).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from itertools import pairwise
from pathlib import Path

from corpus import DEFAULT_GOLD, varied_texts

PER_FILE = 10_000
PG_URL = os.environ.get("PACTWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MODES = {
    "1proc": {"workers": 1},
    "2proc": {"workers": 2},
    "dask": {"workers": 2, "scheduler": "local"},
}


def build_corpus(folder: Path, count: int) -> Path:
    """Write ``count`` documents as JSONL files under ``folder/count``; reuse them if there."""
    out = folder / str(count)
    done = out / "DONE"
    if done.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    stream = None
    for n, (text, published) in enumerate(varied_texts(DEFAULT_GOLD, count)):
        if n % PER_FILE == 0:
            if stream:
                stream.close()
            stream = (out / f"part-{n // PER_FILE:04d}.jsonl").open("w", encoding="utf-8")
        line = {"text": text, "published": published, "title": f"Dispatch {n}"}
        stream.write(json.dumps(line) + "\n")  # type: ignore[union-attr]
    if stream:
        stream.close()
    done.write_text("ok")
    return out


def _status(pid: int | str, field: str) -> int:
    """Return ``field`` (VmHWM, VmRSS) of process ``pid`` in MB, 0 if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _cpu(pid: int) -> float:
    """Return the CPU seconds (user + system) process ``pid`` has used, 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss() -> str:
    """Return this process's RSS as ``total=anonymous+file`` MB (file: mapped database pages)."""
    return f"{_status('self', 'VmRSS')}={_status('self', 'RssAnon')}+{_status('self', 'RssFile')}"


def _descendants(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            out += [child, *_descendants(child)]
    return out


def _quarter_rates(times: dict[str, float], seconds: float, count: int) -> list[float]:
    """Return docs/s over each quarter of the run: a falling rate shows work that grows."""
    marks = [0.0, *times.values(), seconds]
    return [round(count / 4 / max(b - a, 1e-9), 1) for a, b in pairwise(marks)]


def child(url: str, corpus: Path, count: int, options: dict[str, object]) -> None:
    """Ingest ``corpus`` into ``url``; print one JSON line of figures."""
    from pactwatch.api import open as open_store
    from pactwatch.ingest.run import default_extractor, ingest, read_all

    checkpoints = {count * k // 4: f"{25 * k}%" for k in (1, 2, 3)}
    rss: dict[str, str] = {}
    times: dict[str, float] = {}
    worker_cpu = 0.0
    workers: list[int] = []
    statuses: dict[str, int] = {}
    with open_store(url) as store:
        started = time.perf_counter()
        paths = sorted(corpus.glob("*.jsonl"))
        run = ingest(store.engine, read_all(paths), extractor=default_extractor(), **options)  # type: ignore[arg-type]
        for n, result in enumerate(run, start=1):
            statuses[result.status] = statuses.get(result.status, 0) + 1
            if n % max(count // 10, 1) == 0:  # progress on stderr: a cut-off run still tells
                spent = time.perf_counter() - started
                print(f"  {n} docs {n / spent:.1f} docs/s RSS {_rss()} MB", file=sys.stderr)
            if n in checkpoints:
                rss[checkpoints[n]] = _rss()
                times[checkpoints[n]] = time.perf_counter() - started
            if n == count:  # the workers are still alive: take their peaks now
                rss["100%"] = _rss()
                family = _descendants(os.getpid())
                workers = [_status(p, "VmHWM") for p in family]
                worker_cpu = sum(_cpu(p) for p in family)
        seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "docs": sum(statuses.values()),
                "statuses": statuses,
                "seconds": seconds,
                "client_peak": _status("self", "VmHWM"),
                "client_rss": rss,
                "quarters": _quarter_rates(times, seconds, count),
                "workers": [w for w in workers if w > 50],  # not the resource tracker
                "cpu": [round(_cpu(os.getpid()), 1), round(worker_cpu, 1)],
            }
        )
    )


def run_mode(target: str, corpus: Path, count: int, mode: str, scratch: Path) -> dict:
    """Run one mode in a child process into a fresh database; return its figures."""
    url, cleanup = _fresh_db(target, scratch)
    load = os.getloadavg()[0]
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", url, str(corpus), str(count),
             json.dumps(MODES[mode])],
            stdout=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    finally:
        cleanup()
    if done.returncode != 0:
        raise SystemExit(f"{mode} on {target} failed (its errors are above)")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["load"] = (load, os.getloadavg()[0])
    return figures


def _fresh_db(target: str, scratch: Path) -> tuple[str, object]:
    if target == "sqlite":
        path = scratch / f"{uuid.uuid4().hex[:8]}.db"

        def drop_file() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        return f"sqlite:///{path}", drop_file
    import psycopg

    admin = PG_URL.replace("+psycopg", "")
    schema = f"pw_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")

    def drop_schema() -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")

    return f"{PG_URL}?options=-csearch_path%3D{schema}", drop_schema


def _print(target: str, count: int, mode: str, f: dict) -> None:
    rate = f["docs"] / f["seconds"]
    curve = " ".join(f"{k}:{v}" for k, v in f["client_rss"].items())
    print(
        f"{target:10} {count:>7} {mode:6} {rate:7.1f} docs/s {f['seconds']:8.1f} s  "
        f"quarters {f.get('quarters')} docs/s  client peak {f['client_peak']} MB "
        f"(RSS=anon+file {curve})  workers {f['workers']} MB  "
        f"CPU s client/workers {f.get('cpu')}  "
        f"load {f['load'][0]:.1f}->{f['load'][1]:.1f}  {f['statuses']}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, action="append")
    parser.add_argument("--target", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--mode", action="append", choices=list(MODES))
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/pactwatch-scale-corpus"))
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        url, corpus, count, options = args.child
        child(url, Path(corpus), int(count), json.loads(options))
        return
    scratch = args.corpus / "db"
    scratch.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores; documents ~5 KB; times include reading, hashing and writing")
    for count in args.docs or [10_000]:
        corpus = build_corpus(args.corpus, count)
        for target in args.target or ["sqlite", "postgresql"]:
            rates: dict[str, float] = {}
            for mode in args.mode or list(MODES):
                figures = run_mode(target, corpus, count, mode, scratch)
                rates[mode] = figures["docs"] / figures["seconds"]
                _print(target, count, mode, figures)
            if "1proc" in rates:
                for mode in ("2proc", "dask"):
                    if mode in rates:
                        eff = rates[mode] / (2 * rates["1proc"])
                        print(f"{target:10} {count:>7} efficiency 1->2 workers ({mode}): {eff:.2f}")


if __name__ == "__main__":
    main()
