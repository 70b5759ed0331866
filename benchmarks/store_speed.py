"""Store speed on SQLite and PostgreSQL: ingest, size per document, query latency at scale.

Run: ``.venv/bin/python benchmarks/store_speed.py [--docs 10000] [--claims 100000,1000000]``

For each engine, in a process of its own (so that peak RSS is that engine's):

1. *Ingest*: ``--docs`` documents of about 5 KB (the dev gold texts, or the
   bundled samples when the gold set is absent, three joined and varied so no
   two are equal) go through the real ingest path, as ``pactwatch ingest``
   runs it: known-check, ``extract()``, batches written on the writer thread.
   Prints docs/s and the store's share of ingest, two ways:

   - *CPU* (the target, < 20 %, is judged on this one): in the one ingest run,
     the CPU seconds the store used (the writer inside ``write_batch`` and the
     already-known checks, each timed with its thread's CPU clock; on
     PostgreSQL also the server backends' CPU, read from /proc) over the CPU
     seconds of the whole ingest (the ingest process, plus those backends).
     For PostgreSQL the client-side share (store CPU in the process over the
     process's CPU) is printed beside it;
   - *wall*: 1 - (time to read and extract the same documents, storing
     nothing, in another process) / (time to ingest them). On a shared
     machine the two runs see different loads, so this one moves by tens of
     points from run to run.

   Also how busy the writer thread was (wall seconds inside ``write_batch``,
   which overlap extraction where a core is free); peak RSS; database bytes
   per document; and the writer's CPU per document with nothing else running
   (up to 500 documents extracted first, then written in batches of 50): the
   steadiest figure for comparing versions of the write path, as it does not
   depend on what else the machine is doing.
2. *Queries*: a fresh database is filled through the store's own bulk path
   (``write_batch``) with synthetic documents of ten claims each, up to each
   size in ``--claims``; at each size prints p50/p95 latency of a whole dyad
   timeline, of one page of it (100 events after a random one of the pair),
   for dyads drawn by activity and uniformly, and of a filtered ``events``
   query (target: timeline p95 < 50 ms at 1M claims on SQLite).

PostgreSQL runs in a schema of its own on ``--pg`` (dropped afterwards); it is
skipped with a note when the server cannot be reached.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from corpus import DEFAULT_GOLD, base_texts

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

# Forty states, most active first; pairs are drawn with weights 1/rank so that a
# few dyads are busy and most are quiet, as in real reporting.
STATES = (
    "US", "IN", "RU", "CN", "FR", "GB", "JP", "AU", "DE", "KR", "IL", "TR", "PK", "IR",
    "UA", "PL", "SA", "AE", "IT", "ES", "VN", "PH", "ID", "MY", "SG", "BR", "EG", "DZ",
    "NG", "ZA", "CA", "NO", "SE", "FI", "NL", "GR", "KZ", "BD", "LK", "NZ",
)  # fmt: skip
SUBJECTS = {
    "agreement": ("logistics agreement", "security pact", "framework", "MoU on training"),
    "designation": ("Major Defence Partner", "Major Non-NATO Ally"),
    "meeting": ("2+2 dialogue", "defence policy group", "summit"),
    "visit": ("defence minister", "navy chief", "army chief"),
    "exercise": ("joint naval drills", "army exercise", "air combat exercise"),
    "port_call": ("destroyer", "frigate", "aircraft carrier"),
    "procurement": ("fighter jets", "frigates", "drones", "howitzers", "air defence systems"),
    "coproduction": ("jet engines", "rifles", "armoured vehicles"),
    "institution": ("joint working group", "liaison office"),
    "trade_measure": ("export controls", "sanctions", "tariffs"),
}


def _ms(values: Sequence[float]) -> str:
    ordered = sorted(values)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000
    return f"p50 {p50:6.1f} ms  p95 {p95:6.1f} ms"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- the ingest corpus -------------------------------------------------------


def _vary(text: str, i: int) -> str:
    shift = i % 5
    text = re.sub(r"\b(19[6-9]\d|20[0-2]\d)\b", lambda m: str(int(m.group()) - shift), text)
    paragraphs = text.split("\n")
    k = i % max(1, len(paragraphs))
    return "\n".join(paragraphs[k:] + paragraphs[:k])


def ingest_corpus(n: int, gold: Path) -> Iterator[Any]:
    """Yield ``n`` distinct documents of about 5 KB, each with a publication date."""
    from pactwatch.documents import make_document

    base = base_texts(gold)
    for i in range(n):
        parts = [base[(i + 7 * j) % len(base)] for j in range(3)]
        text = "\n\n".join(_vary(t, i + j) for j, (t, _) in enumerate(parts))
        doc = make_document(f"{text}\n\n(Dispatch {i}.)", published=parts[0][1])
        doc.meta["origin"] = f"corpus:{i}"
        yield doc


def run_extract_only(n: int, gold: Path) -> float:
    """Return the seconds that reading and extracting the corpus take, storing nothing."""
    from pactwatch.extract.api import extract

    extract("India and France signed an agreement in 2024.", published="2024")  # load data
    start = time.perf_counter()
    for doc in ingest_corpus(n, gold):
        extract(doc.text, published=doc.published)
    return time.perf_counter() - start


def run_ingest(url: str, n: int, gold: Path) -> dict[str, Any]:
    """Ingest ``n`` documents into ``url`` as ``pactwatch ingest`` does; return the figures."""
    from pactwatch.api import open as open_store
    from pactwatch.extract.api import extract
    from pactwatch.ingest import run, writer

    extract("India and France signed an agreement in 2024.", published="2024")  # load data
    writes = _timed(writer, "write_batch")
    checks = _timed(run, "_is_known")
    backends = _watch_backends()
    with open_store(url) as store:
        server_before = _backends_cpu(backends)
        cpu_before, start = _process_cpu(), time.perf_counter()
        results = list(store.ingest_items(ingest_corpus(n, gold)))
        total, cpu = time.perf_counter() - start, _process_cpu() - cpu_before
        server = _backends_cpu(backends) - server_before
        size = _database_bytes(store)
        claims = store.counts()["claims"]
    return {
        "docs": sum(r.status == "ingested" for r in results),
        "claims": claims,
        "seconds": total,
        "write_seconds": writes["wall"],
        "process_cpu": cpu,
        "store_cpu": writes["cpu"] + checks["cpu"],
        "server_cpu": server,
        "bytes": size,
        "rss_mb": _peak_rss_mb(),
    }


def run_write_alone(url: str, n: int, gold: Path) -> dict[str, float]:
    """Extract ``n`` corpus documents first, then write them into ``url`` in batches of 50
    with nothing else running; return the store's CPU seconds per document (in the
    process and, on PostgreSQL, in the server)."""
    from pactwatch.api import open as open_store
    from pactwatch.extract.api import extract
    from pactwatch.store.write import write_batch

    found = [(doc, extract(doc.text, published=doc.published)) for doc in ingest_corpus(n, gold)]
    backends = _watch_backends()
    with open_store(url) as store:
        write_batch(store.engine, found[:10])  # connect, warm the caches
        server, cpu = _backends_cpu(backends), time.thread_time()
        for start in range(10, len(found), 50):
            write_batch(store.engine, found[start : start + 50])
        cpu, server = time.thread_time() - cpu, _backends_cpu(backends) - server
    docs = max(1, len(found) - 10)
    return {"client": cpu / docs, "server": server / docs}


def _timed(module: Any, name: str) -> dict[str, float]:
    """Make ``module.name`` add its wall and its thread's CPU seconds to the dict returned."""
    spent = {"wall": 0.0, "cpu": 0.0}
    function = getattr(module, name)

    def timed(*args: Any) -> Any:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return function(*args)
        finally:
            spent["wall"] += time.perf_counter() - start
            spent["cpu"] += time.thread_time() - cpu

    setattr(module, name, timed)
    return spent


def _process_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _watch_backends() -> list[int]:
    """Return a list that gets the server pid of every PostgreSQL connection opened from now."""
    import sqlalchemy as sa

    pids: list[int] = []

    def connected(dbapi_conn: Any, _record: Any) -> None:
        if type(dbapi_conn).__module__.startswith("psycopg"):
            pids.append(dbapi_conn.info.backend_pid)

    sa.event.listen(sa.pool.Pool, "connect", connected)
    return pids


def _backends_cpu(pids: list[int]) -> float:
    """Return the CPU seconds the server processes ``pids`` have used (from /proc; same host)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _database_bytes(store: Any) -> int:
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return Path(store.engine.url.database).stat().st_size
        query = sa.text(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')"
        )
        return int(conn.execute(query).scalar() or 0)


# ---- synthetic claims for the query benchmark ----------------------------------


def _pair(rng: random.Random) -> tuple[str, str]:
    weights = [1 / (rank + 1) for rank in range(len(STATES))]
    while True:
        a, b = rng.choices(STATES, weights, k=2)
        if a != b:
            return a, b


def _date(rng: random.Random) -> str | None:
    year = rng.randint(1990, 2025)
    form = rng.random()
    if form < 0.1:
        return None
    if form < 0.4:
        return str(year)
    if form < 0.7:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def synthetic_batch(rng: random.Random, first: int, docs: int, per_doc: int) -> list[Any]:
    """Return ``docs`` synthetic (document, events) pairs of ``per_doc`` events each."""
    from pactwatch.documents import make_document
    from pactwatch.records import EVENT_STATUSES, Event

    batch = []
    for number in range(first, first + docs):
        plans = []
        for _ in range(per_doc):
            kind = rng.choice(list(SUBJECTS))
            a, b = _pair(rng)
            subject = rng.choice(SUBJECTS[kind])
            sentence = f"Report {number}: {a} and {b} {kind.replace('_', ' ')} on {subject}."
            plans.append((kind, (a, b), subject, sentence))
        doc = make_document(" ".join(p[3] for p in plans), title=f"Synthetic {number}")
        events, offset = [], 0
        for kind, parties, subject, sentence in plans:
            start = doc.text.index(sentence, offset)
            offset = start + len(sentence)
            status = rng.choice(EVENT_STATUSES[kind])
            events.append(
                Event(kind, status, subject, tuple(sorted(parties)), _date(rng), sentence,
                      (start, offset))
            )  # fmt: skip
        batch.append((doc, events))
    return batch


def fill(store: Any, rng: random.Random, *, start_doc: int, claims: int, per_doc: int = 10) -> int:
    """Add documents until the store holds ``claims`` claims; return the next document number."""
    from pactwatch.store.write import write_batch

    number = start_doc
    while number * per_doc < claims:
        docs = min(1000, claims // per_doc - number)
        write_batch(store.engine, synthetic_batch(rng, number, docs, per_doc))
        number += docs
    return number


def _refresh_statistics(store: Any) -> None:
    # What autovacuum does on a live PostgreSQL server after a bulk load, and
    # `PRAGMA optimize` (recommended after big changes) on SQLite.
    with store.engine.begin() as conn:
        is_sqlite = conn.dialect.name == "sqlite"
        conn.exec_driver_sql("PRAGMA optimize" if is_sqlite else "ANALYZE")


def latencies(run: Callable[[], object], times: int) -> list[float]:
    """Return the wall time of ``times`` calls of ``run``."""
    out = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return out


def run_queries(url: str, sizes: Sequence[int], queries: int) -> list[dict[str, Any]]:
    """Fill ``url`` up to each size and time the two queries there; return the figures."""
    from pactwatch.api import open as open_store

    rng = random.Random(20251128)
    out = []
    with open_store(url) as store:
        number = 0
        for size in sizes:
            start, before = time.perf_counter(), store.counts()["claims"]
            number = fill(store, rng, start_doc=number, claims=size)
            speed = (size - before) / (time.perf_counter() - start)
            _refresh_statistics(store)
            out.append(_measure(store, rng, queries) | {"fill_speed": speed})
    return out


def _measure(store: Any, rng: random.Random, queries: int) -> dict[str, Any]:
    # Dyads drawn as the events were (busy relationships are asked about more
    # often), and drawn uniformly from the dyads the store holds.
    by_activity = [_pair(rng) for _ in range(queries)]
    held = [(a, b) for a, b, _count in store.dyads()]
    uniform = [rng.choice(held) for _ in range(queries)]
    figures: dict[str, Any] = {"claims": store.counts()["claims"]}
    for name, pairs in (("busy", by_activity), ("uniform", uniform)):
        figures[name], figures[f"{name}_rows"] = _timelines(store, pairs)
        figures[f"{name}_page"] = _pages(store, rng, pairs)
    kinds = list(SUBJECTS)
    picks = iter(
        [
            (rng.choice(kinds), rng.choice(STATES[:10]), str(rng.randint(1995, 2020)))
            for _ in range(queries)
        ]
    )
    figures["events"] = latencies(lambda: _events_query(store, next(picks)), queries)
    return figures


def _timelines(store: Any, pairs: list[tuple[str, str]]) -> tuple[list[float], list[int]]:
    rows: list[int] = []
    each = iter(pairs)
    timings = latencies(lambda: rows.append(len(store.timeline(*next(each)))), len(pairs))
    return timings, rows


def _pages(store: Any, rng: random.Random, pairs: list[tuple[str, str]]) -> list[float]:
    """Time one page of 100 events of each pair, starting after one of its events drawn at
    random (keyset pagination: ``Store.timeline(a, b, limit=100, after=id)``)."""
    import sqlalchemy as sa

    from pactwatch.store.schema import event_dyads as dyads

    starts = []
    with store.engine.connect() as conn:
        for a, b in pairs:
            low, high = sorted((a, b))
            ids = conn.scalars(
                sa.select(dyads.c.event_id).where(dyads.c.party_a == low, dyads.c.party_b == high)
            ).all()
            starts.append((a, b, rng.choice(ids)))
    each = iter(starts)

    def page() -> object:
        a, b, after = next(each)
        return store.timeline(a, b, limit=100, after=after)

    return latencies(page, len(starts))


def _events_query(store: Any, pick: tuple[str, str, str]) -> object:
    kind, party, since = pick
    return store.events(type=kind, party=party, since=since, limit=100)


# ---- engines, processes and the report -------------------------------------------


def _pg_schema(pg: str, action: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(pg.replace("+psycopg", ""), autocommit=True, connect_timeout=5) as conn:
        conn.execute(f"{action} SCHEMA {schema}{' CASCADE' if action == 'DROP' else ''}")


def _in_child(task: Callable[..., Any], *args: Any) -> Any:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(task, args)


def _with_database(engine: str, pg: str, task: Callable[..., Any], *args: Any) -> Any:
    if engine == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            return _in_child(task, f"sqlite:///{folder}/bench.db", *args)
    schema = f"pw_bench_{uuid.uuid4().hex[:10]}"
    _pg_schema(pg, "CREATE", schema)
    try:
        return _in_child(task, f"{pg}?options=-csearch_path%3D{schema}", *args)
    finally:
        _pg_schema(pg, "DROP", schema)


def _report_ingest(engine: str, found: dict[str, Any], extract_seconds: float) -> None:
    docs = max(1, found["docs"])
    wall_share = 1 - extract_seconds / found["seconds"]
    store, process, server = found["store_cpu"], found["process_cpu"], found["server_cpu"]
    cpu_share = (store + server) / (process + server)
    per_doc = found["bytes"] / docs / 1024
    writing = found["write_seconds"] / found["seconds"]
    print(
        f"{engine:<10} ingest {found['docs'] / found['seconds']:7.1f} docs/s "
        f"({found['docs']} docs, {found['claims']} claims), "
        f"peak RSS {found['rss_mb']:4.0f} MB, {per_doc:5.1f} KB per document"
    )
    client = f", client side {store / process:5.1%}" if engine == "postgresql" else ""
    print(
        f"{'':<10} store share of ingest CPU {cpu_share:5.1%} (target < 20 %){client}; "
        f"store CPU {store / docs * 1000:.2f} ms/doc in the process"
        + (f" + {server / docs * 1000:.2f} ms/doc in the server" if server else "")
        + f", extraction and the rest {(process - store) / docs * 1000:.1f} ms/doc"
    )
    print(
        f"{'':<10} store share of wall time {wall_share:5.1%} (vs extraction alone; noisy), "
        f"writer thread busy {writing:5.1%} of it "
        f"({found['write_seconds'] / docs * 1000:.1f} ms per document)"
    )


def _report_queries(engine: str, found: list[dict[str, Any]]) -> None:
    for step in found:
        print(
            f"{engine:<10} {step['claims']:>9,} claims "
            f"(the bulk path wrote {step['fill_speed']:5.0f} claims/s)"
        )
        for name, label in (("busy", "by activity"), ("uniform", "uniformly")):
            rows = step[f"{name}_rows"]
            print(
                f"{'':<10} timeline {_ms(step[name])}, dyads drawn {label:<11} "
                f"(events per dyad: mean {statistics.mean(rows):.0f}, max {max(rows)})"
            )
            print(f"{'':<10} page     {_ms(step[f'{name}_page'])}, 100 events after a random one")
        print(f"{'':<10} events   {_ms(step['events'])}, --type --party --since --limit 100")


def _pg_reachable(pg: str) -> str | None:
    import psycopg

    try:
        with psycopg.connect(pg.replace("+psycopg", ""), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures; return the exit code."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to ingest")
    parser.add_argument("--claims", default="100000,1000000", help="sizes for the query timings")
    parser.add_argument("--queries", type=int, default=200, help="timings per query and size")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--pg", default=DEFAULT_PG, help="PostgreSQL server URL")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.claims.split(",") if s]
    engines = [e for e in args.engines.split(",") if e]
    if "postgresql" in engines and (why := _pg_reachable(args.pg)):
        print(f"postgresql skipped: {why}")
        engines.remove("postgresql")
    print(f"store benchmark: ingest {args.docs} documents; queries at {sizes} claims")
    extract_seconds = _in_child(run_extract_only, args.docs, args.gold) if args.docs else 0.0
    if args.docs:
        print(f"{'extraction':<10} alone  {args.docs / extract_seconds:7.1f} docs/s")
    for engine in engines:
        if args.docs:
            found = _with_database(engine, args.pg, run_ingest, args.docs, args.gold)
            _report_ingest(engine, found, extract_seconds)
            alone = _with_database(engine, args.pg, run_write_alone, min(510, args.docs), args.gold)
            server = f" + {alone['server'] * 1000:.2f} ms in the server" if alone["server"] else ""
            print(
                f"{'':<10} writer alone (documents extracted first, batches of 50): "
                f"{alone['client'] * 1000:.2f} ms CPU per document in the process{server}"
            )
        if sizes:
            found = _with_database(engine, args.pg, run_queries, sizes, args.queries)
            _report_queries(engine, found)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
