#!/usr/bin/env bash
# Side-by-side benchmark of workload W1 (the toy GAN): Minimax, PyTorch and numpy, one thread each, run
# alternately in one invocation so machine noise hits all three alike. Prints ms/step (best and median over
# rounds) and the speed ratios; writes the same as JSON.
#
#   bench/compare.sh [--batches "64 256"] [--rounds 3] [--steps 1000] [--json bench/compare.json]
#
# The references need Python 3 with PyTorch and numpy; on Debian: apt-get install python3-torch python3-numpy.
# PYTHON names the interpreter (default /usr/bin/python3, where Debian installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
batches="64 256"; rounds=3; steps=1000; json="$root/bench/compare.json"
while [ $# -gt 0 ]; do
  case "$1" in
    --batches) batches="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --json) json="$2"; shift 2 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
python="${PYTHON:-/usr/bin/python3}"
if ! "$python" -c "import torch, numpy" 2>/dev/null; then
  echo "compare.sh: $python cannot import torch and numpy; install them: apt-get install -y python3-torch python3-numpy" >&2
  exit 2
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
results="$(mktemp)"
"$root/minimax" --version >/dev/null   # builds the jar first, outside the timings
for round in $(seq 1 "$rounds"); do
  for batch in $batches; do
    out="$(mktemp)"
    "$root/minimax" bench toy --batch "$batch" --steps "$steps" --warmup 300 --repeats 1 --json "$out" >/dev/null
    "$python" -c "import json,sys; d=json.load(open('$out')); d['implementation']='minimax'; print(json.dumps(d))" >> "$results"
    "$python" "$root/bench/reference/torch_toy.py" --batch "$batch" --steps "$steps" --warmup 300 --repeats 1 >> "$results"
    "$python" "$root/bench/reference/numpy_toy.py" --batch "$batch" --steps "$steps" --warmup 300 --repeats 1 >> "$results"
    rm -f "$out"
    echo "round $round/$rounds, batch $batch done" >&2
  done
done
"$python" - "$results" "$json" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
table = {}
for row in rows:
    name = row["implementation"].split()[0]
    table.setdefault((row["batch"], name), []).append(row["msPerStep"])
summary = []
print(f"{'batch':>5}  {'implementation':<14} {'best ms/step':>12} {'median ms/step':>15} {'speed vs pytorch (median)':>26}")
for batch in sorted({b for b, _ in table}):
    torch_median = statistics.median(table[(batch, "pytorch")])
    for name in ("minimax", "pytorch", "numpy"):
        values = table.get((batch, name), [])
        if not values:
            continue
        median = statistics.median(values)
        summary.append({"batch": batch, "implementation": name, "bestMsPerStep": min(values), "medianMsPerStep": median,
                        "speedRatioVsPytorch": torch_median / median, "rounds": values})
        print(f"{batch:>5}  {name:<14} {min(values):>12.3f} {median:>15.3f} {torch_median / median:>26.2f}")
json.dump({"workload": "W1 toy GAN", "threads": 1, "results": summary}, open(sys.argv[2], "w"), indent=2)
print("JSON:", sys.argv[2])
PY
rm -f "$results"
