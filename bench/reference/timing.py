"""What every reference script shares with `minimax bench`: its options, and timing steps into one JSON line."""
import argparse
import json
import time


def arguments(add_options=None):
    """The options of `minimax bench`; add_options(parser), when given, adds a script's own."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    if add_options is not None:
        add_options(parser)
    return parser.parse_args()


def time_steps(step, args, workload, implementation, runs_per_step=1, extra=None):
    """Runs `step` warmup times untimed, then `repeats` times `steps` timed; prints ms per step as one JSON line.

    A step that trains runs_per_step runs at once (JAX's vmap over seeds) is reported per run-step, as
    `minimax bench --lanes` reports its lockstep; extra adds fields to the JSON line.
    """
    for _ in range(args.warmup):
        step()
    timings = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.steps):
            step()
        timings.append((time.perf_counter() - start) * 1000 / args.steps / runs_per_step)
    timings.sort()
    print(json.dumps({"workload": workload, "implementation": implementation, "batch": args.batch, "steps": args.steps,
                      "msPerStep": timings[len(timings) // 2], "bestMsPerStep": timings[0], "allMsPerStep": timings,
                      **(extra or {})}))
