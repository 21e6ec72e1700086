#!/usr/bin/env bash
# Side-by-side benchmark of the workloads of `minimax bench`: Minimax, JAX (`jax.jit`), PyTorch 1.13 (Debian),
# PyTorch 2.x (PyPI) and numpy, one thread each, run alternately in one invocation (the order rotates every round) so
# machine noise hits all of them alike. Prints ms/step (best and median over rounds), Minimax's speed against each
# (their median time over Minimax's) and GFLOP/s of the step's products per workload and batch; writes the same as
# JSON, one list per workload.
#
#   bench/compare.sh [--workload toy|image-mlp|sweep|dcgan|all] [--batches "64 256"] [--rounds 3] [--steps N] [--json bench/compare.json]
#                    [--reproducibility fastest|portable]
#
# Workloads: toy (W1: G 8-128-128-2, D 2-128-128-1, ring of 8), image-mlp (W2: G 64-256-512-784, D 784-512-256-1 on
# 784-dimensional uniform noise), sweep (W3: 16 seeds of W1 at batch 64 trained in lockstep, on 1 and on 2 threads,
# in ms per run-step, against JAX's vmap of the step over 16 seeds on 1 and 2 threads, one PyTorch run and two PyTorch
# runs side by side on the 2 cores), dcgan (W4: the DCGAN on 28x28 images; no numpy reference). The default, all, runs
# toy at batches "64 256", image-mlp at 64, sweep and dcgan at 64; --batches overrides the batches of toy, image-mlp
# and dcgan. --steps defaults to 1000 for toy, 500 for image-mlp (about 10x the work per step) and 20 for dcgan, after
# 300, 100 and 5 untimed warm-up steps (Minimax's bench goes on warming up until the JIT compiler is idle, as JAX's
# first call compiles its whole step; the JSON says how many it ran). Every Minimax row names the OpenBLAS kernel that
# measured it, with "+ MKL" where Intel MKL multiplied the products above 10^6 multiply-adds: by default the fastest
# for this CPU (MKL on Intel CPUs with AVX-512); --reproducibility portable times the portable HASWELL kernel without
# MKL, OPENBLAS_CORETYPE, if set, wins, and MINIMAX_BLAS=openblas|mkl picks the library (see README, "The BLAS kernel").
#
# The references (bench/reference):
# - PyTorch 1.13 and numpy: Debian's python3-torch and python3-numpy under /usr/bin/python3 (PYTHON overrides it),
#   which this script installs with apt-get when they are missing and it runs as root; without them their columns
#   are left out.
# - JAX, optax and PyTorch 2.x: a venv, bench/.venv (BENCH_VENV overrides it; git-ignored, apart from the .venv of
#   MLflow), which this script creates and fills from PyPI when it lacks them, at the versions pinned below: torch
#   from PyTorch's CPU-only index when that is reachable (plain PyPI's torch pulls ~3 GB of CUDA wheels it never uses here),
#   else from PyPI. Every row names the version that ran.
# One thread each: OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS = 1, torch.set_num_threads(1) and, for
# XLA, XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1" (W3's two-thread JAX row:
# multi_thread_eigen=true and intra_op_parallelism_threads=2). XLA 0.10 no longer keeps to those flags: it ran W2's
# products on both cores (5.2 ms per step against 8.1 ms pinned, 18 s of CPU in 11 s). So every one-thread row also
# runs pinned to one core with taskset, the same core for every implementation (the JVM's compiler and collector
# threads included); the two-thread rows and the two PyTorch processes run unpinned. The tests need none of this.
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
# the one core of the one-thread rows: the last one this process may run on
if command -v taskset >/dev/null 2>&1; then
  one_core=(taskset -c "$(($(nproc) - 1))")
else
  echo "compare.sh: taskset (util-linux) is missing: the one-thread rows run unpinned, and XLA may use more than one core" >&2
  one_core=()
fi
python="${PYTHON:-/usr/bin/python3}"
if ! "$python" -c "import torch, numpy" 2>/dev/null; then
  # PyTorch 1.13 and numpy come from Debian's packages (one thread each, as in the tables); installed once, when root
  if [ "$python" = /usr/bin/python3 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "compare.sh: installing the references' python3-torch and python3-numpy with apt-get (once)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    # with libopenblas0 their products run OpenBLAS; with libblas3 alone, the netlib reference BLAS (10-15x slower)
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-numpy libopenblas0 >/dev/null || true
  fi
fi
blas="$(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu 2>/dev/null || true)"
case "$blas" in
  *openblas*|*blis*|*mkl*|"") ;;
  *) echo "compare.sh: Debian's numpy and PyTorch 1.13 use the reference BLAS $blas here, not OpenBLAS: their MLP columns" \
       "are 10-15x slower than with it (apt-get install libopenblas0)" >&2 ;;
esac
has_debian_torch=false; has_numpy=false
"$python" -c "import torch" 2>/dev/null && has_debian_torch=true
"$python" -c "import numpy" 2>/dev/null && has_numpy=true
$has_debian_torch || echo "compare.sh: $python cannot import torch: no PyTorch 1.13 column (apt-get install -y python3-torch)" >&2
$has_numpy || echo "compare.sh: $python cannot import numpy: no numpy column (apt-get install -y python3-numpy)" >&2

venv="${BENCH_VENV:-$root/bench/.venv}"
venv_python="$venv/bin/python"
# the versions the README's tables were measured with; a venv that holds others is used as it is (the table names them)
torch_pin="torch==2.15.0"; jax_pins=(jax==0.10.2 jaxlib==0.10.2 optax==0.2.8)
if ! "$venv_python" -c "import jax, jaxlib, optax, torch, numpy" 2>/dev/null; then
  if [ ! -x "$venv_python" ] && ! /usr/bin/python3 -m venv "$venv" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      rm -rf "$venv"; /usr/bin/python3 -m venv "$venv"
    else
      echo "compare.sh: cannot create the venv $venv: apt-get install -y python3-venv" >&2; exit 2
    fi
  fi
  echo "compare.sh: installing JAX, optax and PyTorch 2.x into $venv (once)..." >&2
  cpu_index=https://download.pytorch.org/whl/cpu
  if "$venv_python" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1] + '/torch/', timeout=15)" "$cpu_index" 2>/dev/null; then
    torch_source=(--index-url "$cpu_index")
  else
    echo "compare.sh: $cpu_index is not reachable: torch comes from PyPI with its CUDA wheels (~3 GB)" >&2
    torch_source=()
  fi
  if ! "$venv_python" -m pip install -q "${torch_source[@]}" "$torch_pin" >&2 || ! "$venv_python" -m pip install -q "${jax_pins[@]}" numpy >&2 \
      || ! "$venv_python" -c "import jax, jaxlib, optax, torch, numpy" 2>/dev/null; then
    echo "compare.sh: installing jax, jaxlib, optax, torch and numpy into $venv failed (see pip's messages above)" >&2; exit 2
  fi
fi
# Appends the JSON result on stdin to the results as the column $1 (its own name moves to "version"), and as the
# workload $2 when given (W3's runs time the toy workload)
record() {
  "$venv_python" -c "
import json, sys
d = json.loads(sys.stdin.read())
d['version'] = d.get('implementation', '-')
d['implementation'] = sys.argv[1]
if sys.argv[2]:
    d['workload'] = sys.argv[2]
print(json.dumps(d))" "$1" "${2:-}" >> "$results"
}

# The order of the implementations in round r: rotated by r, so none always runs first (or after a slow one)
rotated() { local r="$1"; shift; local list=("$@") n="$#" i; for ((i = 0; i < n; i++)); do echo "${list[$(((i + r) % n))]}"; done; }

# One implementation's time for workload $1 at batch $2 ($3 timed steps, $4 warm-up steps)
run_one() {
  local implementation="$1" name="$2" batch="$3" n="$4" warmup="$5" script
  script="$(script_of "$name")"
  local options=(--batch "$batch" --steps "$n" --warmup "$warmup" --repeats 1)
  case "$implementation" in
    minimax)
      "${one_core[@]}" "$root/minimax" bench "$name" "${options[@]}" --json "$out" --reproducibility "$reproducibility" >/dev/null
      record minimax < "$out" ;;
    jax) "${one_core[@]}" "$venv_python" "$root/bench/reference/jax_gan.py" --workload "$name" "${options[@]}" | record jax ;;
    pytorch-1.13) "${one_core[@]}" "$python" "$root/bench/reference/torch_$script.py" "${options[@]}" | record pytorch-1.13 ;;
    pytorch-2) "${one_core[@]}" "$venv_python" "$root/bench/reference/torch_$script.py" "${options[@]}" | record pytorch-2 ;;
    numpy) [ -f "$root/bench/reference/numpy_$script.py" ] \
      && "${one_core[@]}" "$python" "$root/bench/reference/numpy_$script.py" "${options[@]}" | record numpy ;;
  esac
  return 0
}

# W3 (per run-step): the lockstep and JAX's vmap over the 16 seeds on 1 and 2 threads; one PyTorch 1.13 run; two at once
sweep_one() {
  local implementation="$1" n warmup
  n="$(steps_of sweep)"; warmup="$(warmup_of sweep)"
  case "$implementation" in
    minimax-lockstep-*)
      local threads="${implementation##*-lockstep-}" pin=()
      [ "$threads" = 1t ] && pin=("${one_core[@]}")
      "${pin[@]}" "$root/minimax" bench toy --lanes "$lanes" --threads "${threads%t}"  --steps "$n" --warmup "$warmup" --repeats 1 \
        --json "$out" --reproducibility "$reproducibility" >/dev/null
      record "$implementation" sweep < "$out" ;;
    jax-vmap-1t|jax-vmap-2t)
      local threads="${implementation##*-}" pin=(); threads="${threads%t}"
      [ "$threads" = 1 ] && pin=("${one_core[@]}")
      "${pin[@]}" env -u XLA_FLAGS "$venv_python" "$root/bench/reference/jax_gan.py" --workload toy --lanes "$lanes" --threads "$threads" \
        --batch 64 --steps "$n" --warmup "$warmup" --repeats 1 | record "$implementation" sweep ;;
    pytorch-1.13)
      "${one_core[@]}" "$python" "$root/bench/reference/torch_toy.py" --batch 64 --steps 1000 --warmup 300 --repeats 1 | record pytorch-1.13 sweep ;;
    pytorch-1.13-2-processes)
      local first second
      first="$(mktemp)"; second="$(mktemp)"
      "$python" "$root/bench/reference/torch_toy.py" --batch 64 --steps 1000 --warmup 300 --repeats 1 > "$first" &
      "$python" "$root/bench/reference/torch_toy.py" --batch 64 --steps 1000 --warmup 300 --repeats 1 > "$second"
      wait
      "$venv_python" -c "
import json, sys
a, b = (json.load(open(path)) for path in sys.argv[1:3])
print(json.dumps({'workload': 'toy', 'batch': 64, 'implementation': a['implementation'], 'msPerStep': max(a['msPerStep'], b['msPerStep']) / 2}))" \
        "$first" "$second" | record pytorch-1.13-2-processes sweep
      rm -f "$first" "$second" ;;
  esac
}

implementations=(minimax jax pytorch-2)
sweep_implementations=(minimax-lockstep-1t minimax-lockstep-2t jax-vmap-1t jax-vmap-2t)
if $has_debian_torch; then implementations+=(pytorch-1.13); sweep_implementations+=(pytorch-1.13 pytorch-1.13-2-processes); fi
if $has_numpy; then implementations+=(numpy); fi

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
export XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
results="$(mktemp)"
out="$(mktemp)"
trap 'rm -f "$results" "$out"' EXIT
"$root/minimax" --version >/dev/null   # builds the jar first, outside the timings
for round in $(seq 1 "$rounds"); do
  for name in $workloads; do
    if [ "$name" = sweep ]; then
      for implementation in $(rotated "$round" "${sweep_implementations[@]}"); do
        sweep_one "$implementation"
      done
      echo "round $round/$rounds, sweep done (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
      continue
    fi
    for batch in $(batches_of "$name"); do
      for implementation in $(rotated "$round" "${implementations[@]}"); do
        run_one "$implementation" "$name" "$batch" "$(steps_of "$name")" "$(warmup_of "$name")"
      done
      echo "round $round/$rounds, $name batch $batch done (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    done
  done
done
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$venv_python" - "$results" "$json" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$commit" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
table, kernels, versions = {}, {}, {}
for row in rows:
    table.setdefault((row["workload"], row["batch"]), {}).setdefault(row["implementation"], []).append(row["msPerStep"])
    versions[row["implementation"]] = row.get("version", "")
    if "blasKernel" in row:
        kernels.setdefault((row["workload"], row["batch"], row["implementation"]), set()).add(row["blasKernel"])
# floating-point operations of the step's products (2 per multiply-add), per sample: a step makes 4 G passes' worth
# (forward twice, backward with weight gradients) and 8 of D (forward on 2m and m, backward on 2m, input gradient on m)
flops_per_sample = {"toy": 2 * (4 * 17_664 + 8 * 16_768), "image-mlp": 2 * (4 * 548_864 + 8 * 532_736), "sweep": 2 * (4 * 17_664 + 8 * 16_768),
                    "dcgan": 2 * 81_134_592}
order = ("minimax", "jax", "pytorch-1.13", "pytorch-2", "numpy")
sweep_order = ("minimax-lockstep-1t", "minimax-lockstep-2t", "jax-vmap-1t", "jax-vmap-2t", "pytorch-1.13", "pytorch-1.13-2-processes")
summary = {}
print(f"{'workload':<10} {'batch':>5}  {'implementation':<24} {'version':<18} {'BLAS kernel':<12} {'best ms/step':>12} {'median ms/step':>15}"
      f" {'GFLOP/s':>8} {'Minimax speed vs it':>20} {'per round':>10}")
for workload in ("toy", "image-mlp", "sweep", "dcgan"):
    for batch in sorted(b for w, b in table if w == workload):
        timings = table[(workload, batch)]
        for name in (sweep_order if workload == "sweep" else order):
            values = timings.get(name, [])
            if not values:
                continue
            # the sweep compares like with like: two-thread rows against the two-thread lockstep
            baseline = ("minimax-lockstep-2t" if name.endswith(("2t", "2-processes")) else "minimax-lockstep-1t") if workload == "sweep" else "minimax"
            median = statistics.median(values)
            speed = median / statistics.median(timings[baseline]) if baseline in timings else float("nan")
            # the same ratio taken within each round (neighbours in time, so under a changing load) and its median
            per_round = statistics.median(v / b for v, b in zip(values, timings[baseline])) if baseline in timings else float("nan")
            gflops = flops_per_sample[workload] * batch / 1e9 / (median / 1e3)
            kernel = "/".join(sorted(kernels.get((workload, batch, name), {"-"})))
            summary.setdefault(workload, []).append({"batch": batch, "implementation": name, "version": versions[name], "blasKernel": kernel,
                                                     "bestMsPerStep": min(values), "medianMsPerStep": median, "gflopPerSecond": gflops,
                                                     "minimaxSpeedVsIt": speed, "minimaxSpeedVsItPerRound": per_round, "versus": baseline,
                                                     "rounds": values})
            print(f"{workload:<10} {batch:>5}  {name:<24} {versions[name]:<18} {kernel:<12} {min(values):>12.3f} {median:>15.3f} {gflops:>8.1f} {speed:>19.2f}x {per_round:>9.2f}x")
descriptions = {"toy": "W1 toy GAN: G 8-128-128-2, D 2-128-128-1, ring of 8; 0.41 MFLOP per sample and step",
                "image-mlp": "W2 image-sized MLP: G 64-256-512-784, D 784-512-256-1, 784-dim uniform noise; 12.9 MFLOP per sample and step",
                "sweep": "W3: 16 seeds of W1 (batch 64) in lockstep / vmap; ms per run-step; Minimax's speed: its median over the row's,"
                         " against the lockstep with the same number of threads",
                "dcgan": "W4 DCGAN on 28x28: G z64-dense 6272-BN-[128,7,7]-deconv 64-BN-deconv 1, D conv 64-conv 128-dense 1; 10.4 GFLOP/step at 64"}
json.dump({"threads": 1, "cpu": sys.argv[3], "commit": sys.argv[4],
           "workloads": {workload: {"description": descriptions[workload], "results": results} for workload, results in summary.items()}},
          open(sys.argv[2], "w"), indent=2)
print("CPU:", sys.argv[3], " commit:", sys.argv[4])
print("JSON:", sys.argv[2])
PY
