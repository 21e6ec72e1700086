"""W1, the toy GAN of `minimax bench toy`, in numpy with hand-written backprop (float32, one BLAS thread).

The same algorithm as torch_toy.py: G 8-128-128-2 ReLU, D 2-128-128-1 leaky-ReLU 0.2, U(+-1/sqrt(fan_in)) init,
Adam(2e-4, 0.5, 0.999), non-saturating G loss, BCE D loss on the concatenated 2m batch, k = 1, ring of 8
Gaussians, z ~ N(0, I_8). Set OMP_NUM_THREADS / OPENBLAS_NUM_THREADS=1 before starting. Prints one JSON line.
"""
import argparse
import json
import math
import time

import numpy as np


class Mlp:
    def __init__(self, sizes, leak, rng):
        self.leak = leak
        self.params = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            bound = 1 / math.sqrt(fan_in)
            self.params.append(rng.uniform(-bound, bound, (fan_in, fan_out)).astype(np.float32))
            self.params.append(rng.uniform(-bound, bound, (fan_out,)).astype(np.float32))
        self.moments = [(np.zeros_like(p), np.zeros_like(p)) for p in self.params]
        self.t = 0

    def forward(self, x):
        self.inputs, self.outputs = [], []
        for i in range(0, len(self.params), 2):
            self.inputs.append(x)
            x = x @ self.params[i] + self.params[i + 1]
            if i < len(self.params) - 2:
                x = np.where(x > 0, x, self.leak * x)
            self.outputs.append(x)
        return x

    def backward(self, delta):
        grads = [None] * len(self.params)
        for i in range(len(self.params) - 2, -1, -2):
            layer = i // 2
            if i < len(self.params) - 2:
                delta = delta * np.where(self.outputs[layer] > 0, 1, self.leak).astype(np.float32)
            grads[i] = self.inputs[layer].T @ delta
            grads[i + 1] = delta.sum(axis=0)
            delta = delta @ self.params[i].T
        return grads, delta

    def adam(self, grads, lr=2e-4, beta1=0.5, beta2=0.999, eps=1e-8):
        self.t += 1
        correction1 = 1 - beta1 ** self.t
        correction2 = 1 - beta2 ** self.t
        for p, g, (m, v) in zip(self.params, grads, self.moments):
            m *= beta1
            m += (1 - beta1) * g
            v *= beta2
            v += (1 - beta2) * g * g
            p -= lr * (m / correction1) / (np.sqrt(v / correction2) + eps)


def sigmoid(x):
    return 0.5 * (1 + np.tanh(0.5 * x))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    generator = Mlp([8, 128, 128, 2], 0.0, rng)
    discriminator = Mlp([2, 128, 128, 1], 0.2, rng)
    m = args.batch
    means = np.array([[math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)] for k in range(8)], np.float32)

    def step():
        real = means[rng.integers(0, 8, m)] + 0.01 * rng.standard_normal((m, 2), np.float32)
        fake = generator.forward(rng.standard_normal((m, 8), np.float32))
        logits = discriminator.forward(np.concatenate([real, fake]))
        # BCE over 2m samples: d/dlogit = (sigma - label) / 2m
        delta = sigmoid(logits)
        delta[:m] -= 1
        grads, _ = discriminator.backward(delta / (2 * m))
        discriminator.adam(grads)

        fake = generator.forward(rng.standard_normal((m, 8), np.float32))
        logits = discriminator.forward(fake)
        # non-saturating: d/dlogit of mean softplus(-f) = (sigma - 1) / m
        _, sample_gradient = discriminator.backward((sigmoid(logits) - 1) / m)
        grads, _ = generator.backward(sample_gradient)
        generator.adam(grads)

    for _ in range(args.warmup):
        step()
    timings = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.steps):
            step()
        timings.append((time.perf_counter() - start) * 1000 / args.steps)
    timings.sort()
    print(json.dumps({"implementation": "numpy " + np.__version__, "batch": m, "steps": args.steps,
                      "msPerStep": timings[len(timings) // 2], "bestMsPerStep": timings[0], "allMsPerStep": timings}))


if __name__ == "__main__":
    main()
