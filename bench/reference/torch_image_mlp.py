"""W2, the image-sized MLP of `minimax bench image-mlp`, in idiomatic PyTorch on one CPU thread (the step: torch_gan.py).

G 64-256-512-784 ReLU (linear output), D 784-512-256-1 leaky-ReLU 0.2, data: 784 i.i.d. U[-1, 1) values per
sample (the cost of flattened 28 x 28 images without a data set), z ~ N(0, I_64). Prints one JSON line.
"""
import torch

import torch_gan


def uniform_noise(m):
    return torch.empty(m, 784).uniform_(-1, 1)


if __name__ == "__main__":
    torch_gan.run("image-mlp", [64, 256, 512, 784], [784, 512, 256, 1], uniform_noise)
