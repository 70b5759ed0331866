"""HTTP API speed: p50/p95 of the timeline and event endpoints on a store of 1M claims,
and requests/s under a bounded load, all on loopback against the real server.

Run: ``.venv/bin/python benchmarks/api_speed.py [--claims 1000000] [--requests 300]
[--clients 4] [--seconds 10] [--db PATH]``

1. A fresh SQLite store (or ``--db``, reused if it already holds enough claims)
   is filled through the store's own bulk path (``write_batch``, as
   ``benchmarks/store_speed.py`` does) with synthetic documents of ten claims.
2. ``pactwatch serve`` runs in a process of its own on a free 127.0.0.1 port.
3. One client on one keep-alive connection times ``--requests`` requests of
   each endpoint end to end (request written → whole JSON body read):
   ``/api/v1/timeline/A/B`` for dyads drawn as the events were (busy pairs
   asked about more often; its first page: 200 events by default, and 1000
   with ``limit=1000``), ``/api/v1/events/ID`` for random events, and an
   ``/api/v1/events`` page with a party, type and since filter.
   Target: timeline p95 < 100 ms.
4. ``--clients`` threads, each on its own connection, send the same mix for
   ``--seconds``; prints requests/s and the p95 under that load.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from store_speed import STATES, SUBJECTS, _pair, fill


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000
    return f"p50 {p50:7.1f} ms  p95 {p95:7.1f} ms"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(db: Path, claims: int) -> None:
    """Fill ``db`` through the bulk path until it holds ``claims`` claims."""
    from pactwatch.api import open as open_store

    with open_store(db) as store:
        have = store.counts()["claims"]
        if have >= claims:
            print(f"store     {db} already holds {have:,} claims")
            return
        start = time.perf_counter()
        fill(store, random.Random(20251205), start_doc=have // 10, claims=claims)
        with store.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA optimize")
        seconds = time.perf_counter() - start
        print(f"store     {store.counts()['claims']:,} claims written in {seconds:.0f} s")


def serve(db: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Start ``pactwatch serve`` on ``db``; return the process and its port once it answers."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pactwatch", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def timed_get(conn: http.client.HTTPConnection, path: str) -> tuple[float, int]:
    """Return the seconds a GET of ``path`` takes to its last body byte, and its body size."""
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        raise SystemExit(f"GET {path} answered {response.status}: {body[:200]!r}")
    return elapsed, len(body)


def workloads(port: int, rng: random.Random) -> dict[str, Callable[[], str]]:
    """Return, per endpoint, a function that draws the next path to ask for."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    ids: list[str] = []
    for party in STATES[:20]:
        conn.request("GET", f"/api/v1/events?party={party}&limit=200")
        ids += [e["id"] for e in json.loads(conn.getresponse().read())["events"]]
    conn.close()
    kinds = list(SUBJECTS)

    def timeline() -> str:
        a, b = _pair(rng)
        return f"/api/v1/timeline/{a}/{b}"

    def timeline_1000() -> str:
        return timeline() + "?limit=1000"

    def event() -> str:
        return f"/api/v1/events/{rng.choice(ids)}"

    def events_page() -> str:
        party, kind = rng.choice(STATES[:10]), rng.choice(kinds)
        return f"/api/v1/events?party={party}&type={kind}&since={rng.randint(1995, 2020)}&limit=50"

    return {
        "timeline": timeline,
        "timeline-1000": timeline_1000,
        "event": event,
        "events": events_page,
    }


def measure(port: int, draws: dict[str, Callable[[], str]], requests: int) -> None:
    """Print p50/p95 of each endpoint, one client, one keep-alive connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for name, draw in draws.items():
        timings, sizes = [], []
        for _ in range(requests):
            seconds, size = timed_get(conn, draw())
            timings.append(seconds)
            sizes.append(size)
        note = " (target p95 < 100 ms)" if name == "timeline" else ""
        print(
            f"{name:<13} {_ms(timings)}{note}; body mean {statistics.mean(sizes) / 1024:6.1f} KB,"
            f" max {max(sizes) / 1024:7.1f} KB"
        )
    conn.close()


def load(port: int, draws: dict[str, Callable[[], str]], clients: int, seconds: float) -> None:
    """Print requests/s and p95 with ``clients`` connections sending the mix for ``seconds``."""
    timings: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    names = [name for name in draws if name != "timeline-1000"]

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port)
        mine: list[float] = []
        turn = index
        while time.monotonic() < stop:
            with lock:
                path = draws[names[turn % len(names)]]()
            mine.append(timed_get(conn, path)[0])
            turn += 1
        conn.close()
        with lock:
            timings.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    print(
        f"load      {len(timings) / elapsed:6.1f} requests/s with {clients} clients for "
        f"{seconds:.0f} s (mixed timeline/event/events), {_ms(timings)}"
    )


def main() -> None:
    """Parse the options, build the store, serve it and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument(
        "--db", type=Path, help="SQLite file to fill or reuse (default: a temp file)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "api-bench.db"
        build(db, args.claims)
        proc, port = serve(db)
        try:
            draws = workloads(port, random.Random(7))
            measure(port, draws, args.requests)
            load(port, draws, args.clients, args.seconds)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
