"""W1, the toy GAN of `minimax bench toy`, in numpy with hand-written backprop (the step: numpy_gan.py).

G 8-128-128-2 ReLU, D 2-128-128-1 leaky-ReLU 0.2, data: ring of 8 Gaussians (radius 1, sigma 0.01), z ~ N(0, I_8).
Set OMP_NUM_THREADS / OPENBLAS_NUM_THREADS=1 before starting. Prints one JSON line.
"""
import math

import numpy as np

import numpy_gan

MEANS = np.array([[math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)] for k in range(8)], np.float32)


def ring(rng, m):
    return MEANS[rng.integers(0, 8, m)] + 0.01 * rng.standard_normal((m, 2), np.float32)


if __name__ == "__main__":
    numpy_gan.run("toy", [8, 128, 128, 2], [2, 128, 128, 1], ring)
