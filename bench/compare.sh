#!/usr/bin/env bash
# Side-by-side benchmark of the workloads of `minimax bench`: Minimax, PyTorch and numpy, one thread each, run
# alternately in one invocation so machine noise hits all three alike. Prints ms/step (best and median over rounds)
# and the speed ratios per workload and batch; writes the same as JSON, one list per workload.
#
#   bench/compare.sh [--workload toy|image-mlp|sweep|dcgan|all] [--batches "64 256"] [--rounds 3] [--steps N] [--json bench/compare.json]
#                    [--reproducibility fastest|portable]
#
# Workloads: toy (W1: G 8-128-128-2, D 2-128-128-1, ring of 8), image-mlp (W2: G 64-256-512-784, D 784-512-256-1 on
# 784-dimensional uniform noise), sweep (W3: 16 seeds of W1 at batch 64 trained in lockstep, on 1 and on 2 threads,
# in ms per run-step, against one PyTorch run and against two PyTorch runs side by side on the 2 cores), dcgan (W4:
# the DCGAN on 28x28 images, against bench/reference/torch_dcgan.py; no numpy reference). The default, all, runs toy at
# batches "64 256", image-mlp at 64, sweep and dcgan at 64; --batches overrides the batches of toy, image-mlp and dcgan.
# --steps defaults to 1000 for toy, 500 for image-mlp (about 10x the work per step) and 20 for dcgan, after 300, 100
# and 5 untimed warm-up steps. Every Minimax row names the OpenBLAS kernel that
# measured it: by default the fastest for this CPU; --reproducibility portable times the portable HASWELL kernel, and
# OPENBLAS_CORETYPE, if set, wins (see README, "The BLAS kernel").
#
# The references need Python 3 with PyTorch and numpy: Debian's python3-torch and python3-numpy, which this script
# installs with apt-get when they are missing and it runs as root (the tests do not need them).
# PYTHON names the interpreter (default /usr/bin/python3, where Debian installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workload="all"; batches=""; rounds=3; steps=""; json="$root/bench/compare.json"; reproducibility="fastest"
while [ $# -gt 0 ]; do
  case "$1" in
    --workload) workload="$2"; shift 2 ;;
    --batches) batches="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --json) json="$2"; shift 2 ;;
    --reproducibility) reproducibility="$2"; shift 2 ;;
    *) echo "compare.sh: unknown option $1 (known: --workload, --batches, --rounds, --steps, --json, --reproducibility)" >&2; exit 2 ;;
  esac
done
case "$workload" in
  toy) workloads="toy" ;;
  image-mlp) workloads="image-mlp" ;;
  sweep) workloads="sweep" ;;
  dcgan) workloads="dcgan" ;;
  all) workloads="toy image-mlp sweep dcgan" ;;
  *) echo "compare.sh: unknown workload '$workload' (known: toy, image-mlp, sweep, dcgan, all)" >&2; exit 2 ;;
esac

# per workload: the reference scripts' suffix, default batches, timed and warm-up steps
script_of() { case "$1" in toy) echo toy ;; image-mlp) echo image_mlp ;; dcgan) echo dcgan ;; esac; }
batches_of() { if [ -n "$batches" ]; then echo "$batches"; else case "$1" in toy) echo "64 256" ;; image-mlp|dcgan) echo "64" ;; esac; fi; }
steps_of() {
  if [ -n "$steps" ]; then echo "$steps"; else case "$1" in toy) echo 1000 ;; image-mlp) echo 500 ;; sweep) echo 500 ;; dcgan) echo 20 ;; esac; fi
}
warmup_of() { case "$1" in toy) echo 300 ;; image-mlp) echo 100 ;; sweep) echo 300 ;; dcgan) echo 5 ;; esac; }
lanes=16

# W3: the lockstep on 1 and 2 threads; one PyTorch run; two PyTorch runs at once (per run-step: half their time)
sweep_round() {
  local n warmup
  n="$(steps_of sweep)"; warmup="$(warmup_of sweep)"
  for threads in 1 2; do
    "$root/minimax" bench toy --lanes "$lanes" --threads "$threads" --steps "$n" --warmup "$warmup" --repeats 1 --json "$out" \
      --reproducibility "$reproducibility" >/dev/null
    "$python" -c "import json,sys; d=json.load(open(sys.argv[1])); d['workload']='sweep'; d['implementation']='minimax-lockstep-%dt' % d['threads']; print(json.dumps(d))" "$out" >> "$results"
  done
  "$python" "$root/bench/reference/torch_toy.py" --batch 64 --steps 1000 --warmup 300 --repeats 1 \
    | "$python" -c "import json,sys; d=json.loads(sys.stdin.read()); d['workload']='sweep'; d['implementation']='pytorch'; print(json.dumps(d))" >> "$results"
  local first second
  first="$(mktemp)"; second="$(mktemp)"
  "$python" "$root/bench/reference/torch_toy.py" --batch 64 --steps 1000 --warmup 300 --repeats 1 > "$first" &
  "$python" "$root/bench/reference/torch_toy.py" --batch 64 --steps 1000 --warmup 300 --repeats 1 > "$second"
  wait
  "$python" -c "
import json, sys
a, b = (json.load(open(path)) for path in sys.argv[1:3])
perRunStep = max(a['msPerStep'], b['msPerStep']) / 2
print(json.dumps({'workload': 'sweep', 'batch': 64, 'implementation': 'pytorch-2-processes', 'msPerStep': perRunStep}))" "$first" "$second" >> "$results"
  rm -f "$first" "$second"
}

python="${PYTHON:-/usr/bin/python3}"
if ! "$python" -c "import torch, numpy" 2>/dev/null; then
  # the references come from Debian's packages (one thread each, as in the tables); installed once, when root
  if [ "$python" = /usr/bin/python3 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "compare.sh: installing the references' python3-torch and python3-numpy with apt-get (once)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-numpy >/dev/null
  fi
  if ! "$python" -c "import torch, numpy" 2>/dev/null; then
    echo "compare.sh: $python cannot import torch and numpy; install them: apt-get install -y python3-torch python3-numpy" >&2
    exit 2
  fi
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
results="$(mktemp)"
out="$(mktemp)"
trap 'rm -f "$results" "$out"' EXIT
"$root/minimax" --version >/dev/null   # builds the jar first, outside the timings
for round in $(seq 1 "$rounds"); do
  for name in $workloads; do
    if [ "$name" = sweep ]; then
      sweep_round
      echo "round $round/$rounds, sweep done" >&2
      continue
    fi
    script="$(script_of "$name")"; n="$(steps_of "$name")"; warmup="$(warmup_of "$name")"
    for batch in $(batches_of "$name"); do
      "$root/minimax" bench "$name" --batch "$batch" --steps "$n" --warmup "$warmup" --repeats 1 --json "$out" \
        --reproducibility "$reproducibility" >/dev/null
      "$python" -c "import json,sys; d=json.load(open(sys.argv[1])); d['implementation']='minimax'; print(json.dumps(d))" "$out" >> "$results"
      "$python" "$root/bench/reference/torch_$script.py" --batch "$batch" --steps "$n" --warmup "$warmup" --repeats 1 >> "$results"
      if [ -f "$root/bench/reference/numpy_$script.py" ]; then
        "$python" "$root/bench/reference/numpy_$script.py" --batch "$batch" --steps "$n" --warmup "$warmup" --repeats 1 >> "$results"
      fi
      echo "round $round/$rounds, $name batch $batch done" >&2
    done
  done
done
"$python" - "$results" "$json" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
table = {}
kernels = {}
for row in rows:
    name = row["implementation"].split()[0]
    table.setdefault((row["workload"], row["batch"]), {}).setdefault(name, []).append(row["msPerStep"])
    if "blasKernel" in row:
        kernels.setdefault((row["workload"], row["batch"], name), set()).add(row["blasKernel"])
summary = {}
print(f"{'workload':<10} {'batch':>5}  {'implementation':<22} {'BLAS kernel':<12} {'best ms/step':>12} {'median ms/step':>15} {'speed vs pytorch (median)':>26}")
for workload in ("toy", "image-mlp", "sweep", "dcgan"):
    names = ("minimax-lockstep-1t", "minimax-lockstep-2t", "pytorch", "pytorch-2-processes") if workload == "sweep" else ("minimax", "pytorch", "numpy")
    for batch in sorted(b for w, b in table if w == workload):
        timings = table[(workload, batch)]
        torch_median = statistics.median(timings["pytorch"])
        for name in names:
            values = timings.get(name, [])
            if not values:
                continue
            median = statistics.median(values)
            kernel = "/".join(sorted(kernels.get((workload, batch, name), {"-"})))
            summary.setdefault(workload, []).append({"batch": batch, "implementation": name, "blasKernel": kernel, "bestMsPerStep": min(values),
                                                     "medianMsPerStep": median, "speedRatioVsPytorch": torch_median / median,
                                                     "rounds": values})
            print(f"{workload:<10} {batch:>5}  {name:<22} {kernel:<12} {min(values):>12.3f} {median:>15.3f} {torch_median / median:>26.2f}")
descriptions = {"toy": "W1 toy GAN: G 8-128-128-2, D 2-128-128-1, ring of 8",
                "image-mlp": "W2 image-sized MLP: G 64-256-512-784, D 784-512-256-1, 784-dim uniform noise",
                "sweep": "W3: 16 seeds of W1 (batch 64) in lockstep; ms per run-step; the speed ratio is run-steps/s over one PyTorch run's steps/s",
                "dcgan": "W4 DCGAN on 28x28: G z64-dense 6272-BN-[128,7,7]-deconv 64-BN-deconv 1, D conv 64-conv 128-dense 1; 10.4 GFLOP/step at 64"}
json.dump({"threads": 1,
           "workloads": {workload: {"description": descriptions[workload], "results": results} for workload, results in summary.items()}},
          open(sys.argv[2], "w"), indent=2)
print("JSON:", sys.argv[2])
PY
