"""Batch throughput, Dask overhead, worker memory, and robustness under load.

Every number printed is measured in this one run on this machine. Sections:

1. throughput: seed-sized pairs per second in this process, through a process pool
   of 1 and of 2 warm workers, and the cost of starting a pool;
2. Dask: a LocalCluster of 2 single-threaded worker processes against the pool of 2,
   on the same pairs;
3. memory: peak resident memory of this process and of each worker;
4. robustness: articles of 1 MB and more, documents of 10,000 sentences, texts of
   only quotation marks or only punctuation, each timed at several sizes with the
   growth exponent (the slope of log time against log size; 1.0 is linear).

Targets (issue 6): >= 200 seed-sized pairs per second per core; 2 workers >= 1.8x one;
Dask within 20% of the process pool at 10k pairs.

Usage: ``python benchmarks/bench_batch.py [--pairs N] [--dask-pairs N] [--quick]``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import io
import math
import multiprocessing
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import newsdiff
from newsdiff.batch import Pair, compare_many, write_jsonl

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

TARGET_PER_CORE = 200.0
TARGET_SCALING = 1.8
TARGET_DASK_OVERHEAD = 0.20


def _rss_mib(kilobytes: int) -> float:
    return kilobytes / 1024  # ru_maxrss is in KiB on Linux


def _run(pairs: Sequence[Pair], **options: object) -> float:
    """Seconds to compare and serialise every pair to a JSONL sink; asserts none failed."""
    sink = io.StringIO()
    started = time.perf_counter()
    summary = write_jsonl(compare_many(pairs, **options), sink)
    seconds = time.perf_counter() - started
    assert summary.failed == 0, summary  # noqa: S101 - a benchmark of failures measures nothing
    return seconds


_WARM_PAIRS = 8


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _warm_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork")
    )
    # Enough chunks that every worker has compared pairs and loaded its lexicons.
    _run(list(corpus.make_pairs(_WARM_PAIRS * workers, seed=99)), executor=pool, chunk_size=2)
    return pool


def throughput(count: int) -> dict[str, float]:
    """Section 1: pairs per second in process, and through warm pools of 1 and 2.

    Measured on pairs whose originals are all distinct, so that no analysis is reused
    (the target is held against these), then in process on the generator's corpus,
    whose five originals recur as wire copy does.
    """
    pairs = list(corpus.make_pairs(count, seed=1, distinct_originals=True))
    chars = statistics.median(len(p.original) + len(p.rewrite) for p in pairs)
    print(
        f"\n== 1. throughput: {count} seed-sized pairs, every original distinct "
        f"(median {chars:.0f} chars a pair)"
    )
    _run(pairs[:4], workers=1)  # lexicons and caches loaded before timing
    per_pair = []
    for pair in pairs[: min(count, 200)]:
        started = time.perf_counter()
        newsdiff.compare(pair.original, pair.rewrite).to_json(indent=None)
        per_pair.append(time.perf_counter() - started)
    median_ms = statistics.median(per_pair) * 1000
    cpu_started = time.process_time()
    in_process = count / _run(pairs, workers=1)
    cpu_rate = count / (time.process_time() - cpu_started)
    print(
        f"in process: {in_process:7.1f} pairs/s wall, {cpu_rate:.1f} pairs per CPU second "
        f"(median {median_ms:.2f} ms a pair)"
    )
    rates = {}
    for workers in (1, 2):
        children = _children_cpu()
        pool = _warm_pool(workers)
        client = time.process_time()
        rates[workers] = count / _run(pairs, executor=pool, window=2 * workers)
        client = time.process_time() - client
        pool.shutdown()
        worker_rate = (count + _WARM_PAIRS * workers) / (_children_cpu() - children)
        print(
            f"pool of {workers} warm worker(s): {rates[workers]:7.1f} pairs/s wall; "
            f"{worker_rate:.1f} pairs per worker CPU second "
            f"({worker_rate / cpu_rate:.0%} of in-process); "
            f"main process {client / count * 1000:.2f} ms CPU a pair"
        )
    started = time.perf_counter()
    _run(pairs[:2], workers=2)
    startup = time.perf_counter() - started
    scaling = rates[2] / rates[1]
    print(f"starting a pool of 2 and comparing 2 pairs: {startup:.2f} s")
    print(
        f"per core: {cpu_rate:.1f} pairs per CPU second (target >= {TARGET_PER_CORE:.0f}: "
        f"{'met' if cpu_rate >= TARGET_PER_CORE else 'MISSED'}); {_load()}"
    )
    print(
        f"2 workers / 1 worker: {scaling:.2f}x (target >= {TARGET_SCALING}: "
        f"{'met' if scaling >= TARGET_SCALING else 'MISSED'})"
    )
    wire = list(corpus.make_pairs(count, seed=1))
    cpu_started = time.process_time()
    _run(wire, workers=1)
    wire_rate = count / (time.process_time() - cpu_started)
    print(
        f"the same in process with the generator's five originals recurring (wire copy; "
        f"each text read once): {wire_rate:.1f} pairs per CPU second, "
        f"{wire_rate / cpu_rate:.2f}x the distinct corpus"
    )
    return {"in_process": in_process, "pool1": rates[1], "pool2": rates[2], "wire": wire_rate}


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


def _worker_maxrss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _worker_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _proc_cpu(pids: Iterable[int]) -> float:
    """CPU seconds used so far by the live processes ``pids`` (Linux /proc)."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def dask_overhead(count: int, rounds: int) -> None:
    """Section 2 and the workers' memory: Dask LocalCluster against the process pool.

    The two run in alternating rounds on the same pairs, so that load from other
    programs falls on both alike; worker CPU per pair is reported beside wall time
    because it is what the load cannot distort.
    """
    try:
        import distributed  # noqa: PLC0415 - optional
    except ImportError:
        print("\n== 2. Dask: skipped (pip install 'newsdiff[dask]')")
        return
    pairs = list(corpus.make_pairs(count, seed=2, distinct_originals=True))
    size = -(-count // rounds)
    print(
        f"\n== 2. Dask LocalCluster (2 processes x 1 thread) vs pool of 2, {count} pairs "
        f"in {rounds} alternating rounds"
    )
    pool = _warm_pool(2)  # forked before the cluster starts its threads
    pool_pids = list(pool._processes)  # private, read for the CPU time of the workers
    wall = {"pool": 0.0, "dask": 0.0}
    cpu = {"pool": 0.0, "dask": 0.0}
    ratios = []
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        executor = client.get_executor()
        _run(list(corpus.make_pairs(16, seed=99)), executor=executor, chunk_size=2, window=4)
        for start in range(0, count, size):
            chunk = pairs[start : start + size]
            before = _proc_cpu(pool_pids)
            pool_seconds = _run(chunk, executor=pool, window=4)
            cpu["pool"] += _proc_cpu(pool_pids) - before
            before = sum(client.run(_worker_cpu).values())
            dask_seconds = _run(chunk, executor=executor, window=4)
            cpu["dask"] += sum(client.run(_worker_cpu).values()) - before
            wall["pool"] += pool_seconds
            wall["dask"] += dask_seconds
            ratios.append(dask_seconds / pool_seconds)
        dask_rss = [_rss_mib(v) for v in client.run(_worker_maxrss).values()]
    pool.shutdown()
    children = _rss_mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    for name in ("pool", "dask"):
        print(
            f"{name:>4} of 2: {count / wall[name]:7.1f} pairs/s ({wall[name]:.1f} s); "
            f"{count / cpu[name]:.1f} pairs per worker CPU second"
        )
    overhead = wall["dask"] / wall["pool"] - 1
    print(
        f"Dask overhead: {overhead:+.1%} wall (rounds: "
        + ", ".join(f"{r - 1:+.0%}" for r in ratios)
        + f"), {cpu['dask'] / cpu['pool'] - 1:+.1%} worker CPU "
        f"(target within {TARGET_DASK_OVERHEAD:.0%}: "
        f"{'met' if abs(overhead) <= TARGET_DASK_OVERHEAD else 'MISSED'}); {_load()}"
    )
    print("\n== 3. memory (peak resident set)")
    print(f"this process: {_rss_mib(_worker_maxrss()):.0f} MiB")
    print(f"largest pool worker: {children:.0f} MiB")
    print("Dask workers: " + ", ".join(f"{m:.0f} MiB" for m in sorted(dask_rss)))


def _exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _measure(make: Callable[[int], tuple[str, str]], size: int, repeats: int) -> tuple[float, int]:
    """Median seconds of ``compare`` on the texts for ``size``, and its peak traced KiB."""
    original, rewrite = make(size)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        newsdiff.compare(original, rewrite)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    newsdiff.compare(original, rewrite)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak // 1024


def _long(size: int) -> tuple[str, str]:
    original = corpus.long_article(size, seed=3)
    return original, corpus.rewrite_of(original, random.Random(4))


def _sentences(size: int) -> tuple[str, str]:
    original = corpus.many_sentences(size, seed=5)
    return original, corpus.rewrite_of(original, random.Random(6))


def _quotes(size: int) -> tuple[str, str]:
    return corpus.only_quotes(size), corpus.only_quotes(size * 9 // 10)


def _punctuation(size: int) -> tuple[str, str]:
    return corpus.only_punctuation(size), corpus.only_punctuation(size * 9 // 10)


def robustness(quick: bool) -> None:
    """Section 4: time and traced memory against size, and the growth exponent."""
    families: list[tuple[str, str, Callable[[int], tuple[str, str]], list[int]]] = [
        ("article", "chars", _long, [125_000, 250_000, 500_000, 1_000_000]),
        ("sentences", "sentences", _sentences, [1_250, 2_500, 5_000, 10_000]),
        ("only quotes", "chars", _quotes, [25_000, 50_000, 100_000, 200_000]),
        ("only punctuation", "chars", _punctuation, [25_000, 50_000, 100_000, 200_000]),
    ]
    print("\n== 4. robustness (compare() on one pair; median of 3 below 10 s)")
    for name, unit, make, all_sizes in families:
        sizes = all_sizes[:2] if quick else all_sizes
        seconds = []
        for size in sizes:
            first, peak = _measure(make, size, 1)
            median = first if first > 10 else _measure(make, size, 3)[0]
            seconds.append(median)
            print(f"{name:>16}: {size:>9,} {unit:<9} {median:8.2f} s  peak {peak / 1024:7.1f} MiB")
        print(f"{name:>16}: growth exponent {_exponent(sizes, seconds):.2f}; {_load()}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print what it measured."""
    parser = argparse.ArgumentParser(description="newsdiff batch benchmark")
    parser.add_argument("--pairs", type=int, default=600, help="pairs for section 1")
    parser.add_argument("--dask-pairs", type=int, default=2000, help="pairs for section 2")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds in section 2")
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-robustness", action="store_true")
    args = parser.parse_args(argv)
    print(f"newsdiff {newsdiff.__version__}, Python {sys.version.split()[0]}; {_load()}")
    throughput(args.pairs)
    if not args.skip_dask:
        dask_overhead(args.dask_pairs, args.rounds)
    if not args.skip_robustness:
        robustness(args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
