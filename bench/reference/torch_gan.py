"""The training step every PyTorch reference times, in idiomatic PyTorch on one CPU thread.

MLPs with nn.Linear's default init (which Minimax's mlp uses too), Adam(2e-4, 0.5, 0.999) for both players,
BCE-with-logits D loss on the concatenated 2m batch, non-saturating G loss, k = 1, z ~ N(0, I).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

import timing


def mlp(sizes, activation):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(activation())
    return nn.Sequential(*layers)


def run(workload, generator_sizes, discriminator_sizes, real_samples):
    """Times the step of G (ReLU hidden) and D (leaky-ReLU 0.2 hidden); real_samples(m) draws a batch of p_data."""
    args = timing.arguments()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    generator = mlp(generator_sizes, nn.ReLU)
    discriminator = mlp(discriminator_sizes, lambda: nn.LeakyReLU(0.2))
    generator_optimizer = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    discriminator_optimizer = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    m = args.batch
    prior_dimension = generator_sizes[0]
    labels = torch.cat([torch.ones(m, 1), torch.zeros(m, 1)])

    def step():
        real = real_samples(m)
        fake = generator(torch.randn(m, prior_dimension)).detach()
        discriminator_loss = F.binary_cross_entropy_with_logits(discriminator(torch.cat([real, fake])), labels)
        discriminator_optimizer.zero_grad(set_to_none=True)
        discriminator_loss.backward()
        discriminator_optimizer.step()

        generator_loss = F.softplus(-discriminator(generator(torch.randn(m, prior_dimension)))).mean()
        generator_optimizer.zero_grad(set_to_none=True)
        generator_loss.backward()
        generator_optimizer.step()

    timing.time_steps(step, args, workload, "pytorch " + torch.__version__)
