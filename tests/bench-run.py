#!/usr/bin/env python3
"""bench-run.py: runs one of Fanzha's benchmarks over the 10,000-page corpus.

Usage: bench-run.py extract|load|summary|analysis|index|app-load BENCH_PROGRAM FANZHA_CLI SHARED_DIR
       CORPUS_DIR

Builds the corpus with SHARED_DIR/bench/make-corpus.py when CORPUS_DIR is missing, runs the
benchmark program (its own figures: MB/s on one and two threads, or seconds to load and
segment, or seconds, size and peak memory of a summary export), then for `extract` times whole processes: `fanzha-cli extract --count` and the
regex peer `regex-peer.py --count`, median of three, with peak memory, and the ratio.

`analysis` and `index` time whole processes of the whole analysis (`extract`, or `index` and
`series`) on one thread and on two, against `extract --count` on one thread (the issue's
target: within 3x), with peak memory; `analysis` also times one page (the start-up) and the
regex peer's full run.
BENCH_PROGRAM is not run for them.
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def peak_mb(before):
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024


def timed(cmd, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - t)
        if done.returncode != 0:
            sys.exit(f"{cmd[0]} failed: {done.stderr.strip()[-400:]}")
    return statistics.median(times), done.stdout.strip()


def child_peak(cmd):
    # A fresh interpreter measures one child alone, so the peak is that command's own.
    code = ("import resource,subprocess,sys;"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True)
    return int(out.stdout.strip() or 0) / 1024


def cpu_timed(cmd):
    """Wall and CPU seconds of one run: on a busy machine the CPU time says more."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, _ = timed(cmd, runs=1)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def analysis(what, cli, shared, files, mb):
    count, count_cpu = cpu_timed([cli, "extract", "--count", "--jobs", "1", *files])
    print(f"whole process, extract --count, 1 thread: {count:.2f} s ({mb / count:.0f} MB/s), "
          f"CPU {count_cpu:.2f} s")
    commands = {"analysis": [["extract"]],
                "index": [["index"], ["series", "--indicator", "cases_solved"]]}[what]
    for args in commands:
        one, one_cpu = cpu_timed([cli, *args, "--jobs", "1", *files])
        two, _ = timed([cli, *args, "--jobs", "2", *files], runs=1)
        peak = child_peak([cli, *args, "--jobs", "1", *files])
        name = " ".join(args)
        print(f"whole process, {name}: 1 thread {one:.2f} s ({mb / one:.1f} MB/s, "
              f"{one / count:.1f}x extract --count, target < 3x), CPU {one_cpu:.2f} s "
              f"({one_cpu / count_cpu:.1f}x), 2 threads {two:.2f} s (speed-up {one / two:.2f}), "
              f"peak {peak:.0f} MB")
    if what == "analysis":
        # One page: what a run costs before its first page, the gazetteer mapped from the image
        # the first run wrote.
        page = files[:1]
        timed([cli, "extract", *page], runs=1)
        start_count, _ = timed([cli, "extract", "--count", *page], runs=5)
        start_one, _ = timed([cli, "extract", *page], runs=5)
        print(f"whole process, one page: extract {start_one * 1000:.0f} ms, "
              f"extract --count {start_count * 1000:.0f} ms")
        peer_cmd = [sys.executable, os.path.join(shared, "bench", "regex-peer.py"), *files]
        peer, peer_cpu = cpu_timed(peer_cmd)
        print(f"whole process, regex peer (full): {peer:.2f} s, CPU {peer_cpu:.2f} s, "
              f"peak {child_peak(peer_cmd):.0f} MB")


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    what, program, cli, shared, corpus = sys.argv[1:]
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(shared, "bench", "make-corpus.py"),
                        corpus, "10000", "1"], check=True, stdout=subprocess.DEVNULL)
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus))
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    print(f"corpus: {len(files)} files, {mb:.1f} MB")

    if what in ("analysis", "index"):
        analysis(what, cli, shared, files, mb)
        return
    out = subprocess.run([program, corpus], capture_output=True, text=True)
    print(out.stdout.strip())
    if out.returncode == 77:
        print(f"{os.path.basename(program)} skipped (no display: run under xvfb-run -a)")
        sys.exit(77)
    if out.returncode != 0:
        sys.exit(out.stderr.strip())
    if what != "summary":   # bench-summary measures its own peak, and a rerun costs minutes
        print(f"{os.path.basename(program)} peak memory: {child_peak([program, corpus]):.0f} MB")

    if what == "extract":
        ours, count = timed([cli, "extract", "--count", *files])
        peer_cmd = [sys.executable, os.path.join(shared, "bench", "regex-peer.py"), "--count", *files]
        peer, peer_count = timed(peer_cmd, runs=1)
        print(f"whole process, fanzha-cli extract --count: {ours:.3f} s ({mb / ours:.0f} MB/s), "
              f"{count} figures, peak {child_peak([cli, 'extract', '--count', *files]):.0f} MB")
        print(f"whole process, regex peer --count: {peer:.3f} s ({mb / peer:.0f} MB/s), "
              f"{peer_count} figures")
        print(f"ratio: {peer / ours:.1f}x the peer")


if __name__ == "__main__":
    main()
