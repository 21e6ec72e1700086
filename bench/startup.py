"""Startup time: from launching `minimax run DESCRIPTOR` to the end of its first training step.

The descriptor runs with `--set train.steps=10 --set train.logEvery=1`, so the progress output (not a terminal: one
line per report) prints "step 1/10" right after the first step. This script launches the command, times that line's
arrival (an upper bound: it includes the first, cold step), then stops the run (Ctrl-C, so it ends KILLED in a
temporary runs folder). The jar must be built already (run `./minimax --version` once).

    python3 bench/startup.py [--descriptor experiments/ring8-loss-comparison.yaml] [--repeats 5]
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def once(descriptor):
    runs = tempfile.mkdtemp(prefix="minimax-startup-")
    try:
        start = time.perf_counter()
        process = subprocess.Popen([os.path.join(ROOT, "minimax"), "run", descriptor, "--runs-dir", runs,
                                    "--set", "train.steps=10", "--set", "train.logEvery=1"],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in process.stdout:
            if re.search(r": step 1/10 ", line):
                elapsed = time.perf_counter() - start
                process.send_signal(signal.SIGINT)
                process.wait(timeout=60)
                return elapsed
        process.wait()
        raise SystemExit(f"startup.py: the run ended without starting to train (exit code {process.returncode})")
    finally:
        shutil.rmtree(runs, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--descriptor", default=os.path.join(ROOT, "experiments", "ring8-loss-comparison.yaml"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    seconds = [once(args.descriptor) for _ in range(args.repeats)]
    print(json.dumps({"descriptor": os.path.relpath(args.descriptor, ROOT), "repeats": args.repeats,
                      "medianSeconds": round(statistics.median(seconds), 3), "bestSeconds": round(min(seconds), 3),
                      "allSeconds": [round(s, 3) for s in seconds]}))


if __name__ == "__main__":
    sys.exit(main())
