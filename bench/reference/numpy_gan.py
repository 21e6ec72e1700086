"""The training step every numpy reference times, with hand-written backprop (float32, one BLAS thread).

The same algorithm as torch_gan.py: U(+-1/sqrt(fan_in)) init, Adam(2e-4, 0.5, 0.999), BCE D loss on the
concatenated 2m batch, non-saturating G loss, k = 1, z ~ N(0, I). Set OMP_NUM_THREADS / OPENBLAS_NUM_THREADS=1
before starting.
"""
import math

import numpy as np

import timing


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


def run(workload, generator_sizes, discriminator_sizes, real_samples):
    """Times the step of G (ReLU hidden) and D (leaky-ReLU 0.2 hidden); real_samples(rng, m) draws a batch of p_data."""
    args = timing.arguments()
    rng = np.random.default_rng(1)
    generator = Mlp(generator_sizes, 0.0, rng)
    discriminator = Mlp(discriminator_sizes, 0.2, rng)
    m = args.batch
    prior_dimension = generator_sizes[0]

    def step():
        real = real_samples(rng, m)
        fake = generator.forward(rng.standard_normal((m, prior_dimension), np.float32))
        logits = discriminator.forward(np.concatenate([real, fake]))
        # BCE over 2m samples: d/dlogit = (sigma - label) / 2m
        delta = sigmoid(logits)
        delta[:m] -= 1
        grads, _ = discriminator.backward(delta / (2 * m))
        discriminator.adam(grads)

        fake = generator.forward(rng.standard_normal((m, prior_dimension), np.float32))
        logits = discriminator.forward(fake)
        # non-saturating: d/dlogit of mean softplus(-f) = (sigma - 1) / m
        _, sample_gradient = discriminator.backward((sigmoid(logits) - 1) / m)
        grads, _ = generator.backward(sample_gradient)
        generator.adam(grads)

    timing.time_steps(step, args, workload, "numpy " + np.__version__)
