"""W1, the toy GAN of `minimax bench toy`, in idiomatic PyTorch on one CPU thread.

G 8-128-128-2 ReLU, D 2-128-128-1 leaky-ReLU 0.2 (nn.Linear's default init, which Minimax's mlp uses too),
Adam(2e-4, 0.5, 0.999) for both, non-saturating G loss, BCE-with-logits D loss on the concatenated 2m batch,
k = 1, data: ring of 8 Gaussians (radius 1, sigma 0.01), z ~ N(0, I_8). Prints one JSON line.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(sizes, activation):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(activation())
    return nn.Sequential(*layers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(1)
    generator = mlp([8, 128, 128, 2], nn.ReLU)
    discriminator = mlp([2, 128, 128, 1], lambda: nn.LeakyReLU(0.2))
    generator_optimizer = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    discriminator_optimizer = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    m = args.batch
    means = torch.tensor([[math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)] for k in range(8)])
    labels = torch.cat([torch.ones(m, 1), torch.zeros(m, 1)])

    def step():
        real = means[torch.randint(0, 8, (m,))] + 0.01 * torch.randn(m, 2)
        fake = generator(torch.randn(m, 8)).detach()
        discriminator_loss = F.binary_cross_entropy_with_logits(discriminator(torch.cat([real, fake])), labels)
        discriminator_optimizer.zero_grad(set_to_none=True)
        discriminator_loss.backward()
        discriminator_optimizer.step()

        generator_loss = F.softplus(-discriminator(generator(torch.randn(m, 8)))).mean()
        generator_optimizer.zero_grad(set_to_none=True)
        generator_loss.backward()
        generator_optimizer.step()

    for _ in range(args.warmup):
        step()
    timings = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.steps):
            step()
        timings.append((time.perf_counter() - start) * 1000 / args.steps)
    timings.sort()
    print(json.dumps({"implementation": "pytorch " + torch.__version__, "batch": m, "steps": args.steps,
                      "msPerStep": timings[len(timings) // 2], "bestMsPerStep": timings[0], "allMsPerStep": timings}))


if __name__ == "__main__":
    main()
