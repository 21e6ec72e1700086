"""W4, the DCGAN of `minimax bench dcgan`, in idiomatic PyTorch on one CPU thread, the step of torch_gan.py.

G: z(64) -> Linear 6272 -> BatchNorm1d -> ReLU -> [128, 7, 7] -> ConvTranspose2d 64 (k4 s2 p1) -> BatchNorm2d -> ReLU
-> ConvTranspose2d 1 (k4 s2 p1) -> tanh; D: Conv2d 64 (k4 s2 p1) -> LeakyReLU 0.2 -> Conv2d 128 (k4 s2 p1) -> LeakyReLU 0.2
-> flatten -> Linear 1. PyTorch's default inits; data: [1, 28, 28] U[-1, 1) images. As in every reference, the generator
update back-propagates through D with D's parameters trainable (PyTorch also computes D's unused weight gradients there).
Prints one JSON line.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

import timing


class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.view(x.size(0), *self.shape)


def generator():
    return nn.Sequential(
        nn.Linear(64, 128 * 7 * 7), nn.BatchNorm1d(128 * 7 * 7), nn.ReLU(), Reshape(128, 7, 7),
        nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())


def discriminator():
    return nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1))


if __name__ == "__main__":
    args = timing.arguments()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    g, d = generator(), discriminator()
    g_optimizer = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_optimizer = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    m = args.batch
    labels = torch.cat([torch.ones(m, 1), torch.zeros(m, 1)])

    def step():
        real = torch.empty(m, 1, 28, 28).uniform_(-1, 1)
        fake = g(torch.randn(m, 64)).detach()
        d_loss = F.binary_cross_entropy_with_logits(d(torch.cat([real, fake])), labels)
        d_optimizer.zero_grad(set_to_none=True)
        d_loss.backward()
        d_optimizer.step()

        g_loss = F.softplus(-d(g(torch.randn(m, 64)))).mean()
        g_optimizer.zero_grad(set_to_none=True)
        g_loss.backward()
        g_optimizer.step()

    timing.time_steps(step, args, "dcgan", "pytorch " + torch.__version__)
