"""W2, the image-sized MLP of `minimax bench image-mlp`, in numpy with hand-written backprop (the step: numpy_gan.py).

G 64-256-512-784 ReLU (linear output), D 784-512-256-1 leaky-ReLU 0.2, data: 784 i.i.d. U[-1, 1) values per
sample, z ~ N(0, I_64). Set OMP_NUM_THREADS / OPENBLAS_NUM_THREADS=1 before starting. Prints one JSON line.
"""
import numpy as np

import numpy_gan


def uniform_noise(rng, m):
    return rng.uniform(-1, 1, (m, 784)).astype(np.float32)


if __name__ == "__main__":
    numpy_gan.run("image-mlp", [64, 256, 512, 784], [784, 512, 256, 1], uniform_noise)
