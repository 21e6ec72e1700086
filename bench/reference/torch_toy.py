"""W1, the toy GAN of `minimax bench toy`, in idiomatic PyTorch on one CPU thread (the step: torch_gan.py).

G 8-128-128-2 ReLU, D 2-128-128-1 leaky-ReLU 0.2, data: ring of 8 Gaussians (radius 1, sigma 0.01), z ~ N(0, I_8).
Prints one JSON line.
"""
import math

import torch

import torch_gan

MEANS = torch.tensor([[math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)] for k in range(8)])


def ring(m):
    return MEANS[torch.randint(0, 8, (m,))] + 0.01 * torch.randn(m, 2)


if __name__ == "__main__":
    torch_gan.run("toy", [8, 128, 128, 2], [2, 128, 128, 1], ring)
