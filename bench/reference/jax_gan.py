"""W1, W2, W3 and W4 of `minimax bench` in JAX: the whole training step (sampling, the D update and the G update) as one
`jax.jit`-compiled function, and W3 as one `jax.vmap` of that step over N seeds (`--lanes N`).

The algorithm of torch_gan.py and torch_dcgan.py: PyTorch's default initialisation (weights and biases U(+-1/sqrt(fan_in))),
optax's Adam(2e-4, 0.5, 0.999) for both players, BCE-with-logits D loss on the concatenated 2m batch, non-saturating
G loss, k = 1, z ~ N(0, I). W4's batch norm normalises with batch statistics and updates running statistics as
nn.BatchNorm does in training mode; images are NHWC with HWIO kernels, flax's layout (XLA's CPU convolutions are
written for it). Each update differentiates with respect to its own player only, so XLA computes no gradient nobody
reads (the PyTorch references compute D's weight gradients in the G update too): this is what a JAX user would write.

One thread: XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1" unless XLA_FLAGS is already
set (--threads 2 sets the two-thread form instead). jax 0.10 does not keep to these flags for large products (W2's
ran on both cores), so compare.sh also pins the one-thread runs to one core with taskset. Prints one JSON line, per
run-step with --lanes.

    jax_gan.py --workload toy|image-mlp|dcgan [--batch 64] [--lanes N] [--threads 1|2] [--steps N --warmup N --repeats N]
"""
import math
import os

import timing


def options(parser):
    parser.add_argument("--workload", choices=("toy", "image-mlp", "dcgan"), default="toy")
    parser.add_argument("--lanes", type=int, default=0, help="train this many seeds as one vmap (W3); 0: one run, no vmap")
    parser.add_argument("--threads", type=int, default=1)


args = timing.arguments(options)
# XLA reads its flags when the backend starts: set them before jax is imported
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1" if args.threads == 1
                      else f"--xla_cpu_multi_thread_eigen=true intra_op_parallelism_threads={args.threads}")
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402

RING = jnp.array([[math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)] for k in range(8)], jnp.float32)


def uniform(key, shape, fan_in):
    bound = 1 / math.sqrt(fan_in)
    return jax.random.uniform(key, shape, jnp.float32, -bound, bound)


# --- W1, W2: multilayer perceptrons ---------------------------------------------------------------------------------

def mlp_init(key, sizes):
    keys = jax.random.split(key, 2 * (len(sizes) - 1))
    return [(uniform(keys[2 * i], (n, k), n), uniform(keys[2 * i + 1], (k,), n)) for i, (n, k) in enumerate(zip(sizes[:-1], sizes[1:]))]


def mlp(params, x, leak):
    for i, (w, b) in enumerate(params):
        x = x @ w + b
        if i < len(params) - 1:
            x = jnp.where(x > 0, x, leak * x)
    return x


def mlp_workload(generator_sizes, discriminator_sizes, real_samples):
    def init(key):
        g_key, d_key = jax.random.split(key)
        return mlp_init(g_key, generator_sizes), mlp_init(d_key, discriminator_sizes), ()

    def generator(params, state, z):
        return mlp(params, z, 0.0), state

    def discriminator(params, x):
        return mlp(params, x, 0.2)

    return init, generator, discriminator, real_samples, (generator_sizes[0],)


def ring(key, m):
    mode_key, noise_key = jax.random.split(key)
    return RING[jax.random.randint(mode_key, (m,), 0, 8)] + 0.01 * jax.random.normal(noise_key, (m, 2))


def uniform_noise(shape):
    return lambda key, m: jax.random.uniform(key, (m, *shape), jnp.float32, -1, 1)


# --- W4: the DCGAN --------------------------------------------------------------------------------------------------

def batch_norm(x, scale_shift, running, axes, momentum=0.1, eps=1e-5):
    """Normalises with the batch's statistics; returns the running statistics as nn.BatchNorm updates them."""
    gamma, beta = scale_shift
    mean = x.mean(axis=axes)
    variance = ((x - mean) ** 2).mean(axis=axes)
    n = x.size // mean.size
    running_mean, running_variance = running
    running = ((1 - momentum) * running_mean + momentum * jax.lax.stop_gradient(mean),
               (1 - momentum) * running_variance + momentum * jax.lax.stop_gradient(variance) * n / (n - 1))
    return (x - mean) * jax.lax.rsqrt(variance + eps) * gamma + beta, running


def conv(x, w, b):
    """Conv2d k4 s2 p1."""
    return jax.lax.conv_general_dilated(x, w, (2, 2), ((1, 1), (1, 1)), dimension_numbers=("NHWC", "HWIO", "NHWC")) + b


def deconv(x, w, b):
    """ConvTranspose2d k4 s2 p1 (doubles H and W): the padding k - 1 - p on each side of the stride-dilated input."""
    return jax.lax.conv_transpose(x, w, (2, 2), ((2, 2), (2, 2)), dimension_numbers=("NHWC", "HWIO", "NHWC")) + b


def dcgan_workload():
    def init(key):
        k = jax.random.split(key, 10)
        generator_params = {
            "dense": (uniform(k[0], (64, 6272), 64), uniform(k[1], (6272,), 64)),
            "bn1": (jnp.ones(6272), jnp.zeros(6272)),
            # ConvTranspose2d's fan_in is out_channels * k * k
            "deconv1": (uniform(k[2], (4, 4, 128, 64), 64 * 16), uniform(k[3], (64,), 64 * 16)),
            "bn2": (jnp.ones(64), jnp.zeros(64)),
            "deconv2": (uniform(k[4], (4, 4, 64, 1), 16), uniform(k[5], (1,), 16)),
        }
        discriminator_params = {
            "conv1": (uniform(k[6], (4, 4, 1, 64), 16), uniform(k[7], (64,), 16)),
            "conv2": (uniform(k[8], (4, 4, 64, 128), 64 * 16), uniform(k[9], (128,), 64 * 16)),
            "dense": (uniform(k[0], (6272, 1), 6272), uniform(k[1], (1,), 6272)),
        }
        running = {"bn1": (jnp.zeros(6272), jnp.ones(6272)), "bn2": (jnp.zeros(64), jnp.ones(64))}
        return generator_params, discriminator_params, running

    def generator(params, running, z):
        x = z @ params["dense"][0] + params["dense"][1]
        x, bn1 = batch_norm(x, params["bn1"], running["bn1"], (0,))
        x = jax.nn.relu(x).reshape(-1, 7, 7, 128)
        x, bn2 = batch_norm(deconv(x, *params["deconv1"]), params["bn2"], running["bn2"], (0, 1, 2))
        x = jnp.tanh(deconv(jax.nn.relu(x), *params["deconv2"]))
        return x, {"bn1": bn1, "bn2": bn2}

    def discriminator(params, x):
        x = jax.nn.leaky_relu(conv(x, *params["conv1"]), 0.2)
        x = jax.nn.leaky_relu(conv(x, *params["conv2"]), 0.2)
        return x.reshape(x.shape[0], -1) @ params["dense"][0] + params["dense"][1]

    return init, generator, discriminator, uniform_noise((28, 28, 1)), (64,)


# --- the training step ----------------------------------------------------------------------------------------------

def training(workload, m):
    """Returns init(key) -> state and step(state) -> state: sampling, one D update, one G update."""
    networks_init, generator, discriminator, real_samples, prior_shape = workload
    optimizer = optax.adam(2e-4, b1=0.5, b2=0.999, eps=1e-8)

    def init(key):
        init_key, step_key = jax.random.split(key)
        g, d, running = networks_init(init_key)
        return g, d, optimizer.init(g), optimizer.init(d), running, step_key

    def step(state):
        g, d, g_moments, d_moments, running, key = state
        key, real_key, z_key, z2_key = jax.random.split(key, 4)
        real = real_samples(real_key, m)
        fake, running = generator(g, running, jax.random.normal(z_key, (m, *prior_shape)))
        fake = jax.lax.stop_gradient(fake)

        def discriminator_loss(d):
            logits = discriminator(d, jnp.concatenate([real, fake]))
            return jnp.concatenate([jax.nn.softplus(-logits[:m]), jax.nn.softplus(logits[m:])]).mean()

        updates, d_moments = optimizer.update(jax.grad(discriminator_loss)(d), d_moments, d)
        d = optax.apply_updates(d, updates)

        def generator_loss(g):
            fake, new_running = generator(g, running, jax.random.normal(z2_key, (m, *prior_shape)))
            return jax.nn.softplus(-discriminator(d, fake)).mean(), new_running

        gradients, running = jax.grad(generator_loss, has_aux=True)(g)
        updates, g_moments = optimizer.update(gradients, g_moments, g)
        g = optax.apply_updates(g, updates)
        return g, d, g_moments, d_moments, running, key

    return init, step


def main():
    workloads = {
        "toy": lambda: mlp_workload([8, 128, 128, 2], [2, 128, 128, 1], ring),
        "image-mlp": lambda: mlp_workload([64, 256, 512, 784], [784, 512, 256, 1], uniform_noise((784,))),
        "dcgan": dcgan_workload,
    }
    init, step = training(workloads[args.workload](), args.batch)
    key = jax.random.PRNGKey(1)
    if args.lanes > 0:
        state = jax.jit(jax.vmap(init))(jax.random.split(key, args.lanes))
        compiled = jax.jit(jax.vmap(step), donate_argnums=0)
    else:
        state = jax.jit(init)(key)
        compiled = jax.jit(step, donate_argnums=0)

    def timed_step():
        nonlocal state
        state = compiled(state)
        jax.block_until_ready(state)

    name = ("jax-vmap " if args.lanes > 0 else "jax ") + jax.__version__
    extra = {"threads": args.threads, "xlaFlags": os.environ["XLA_FLAGS"]}
    if args.lanes > 0:
        extra["lanes"] = args.lanes
    timing.time_steps(timed_step, args, args.workload, name, max(args.lanes, 1), extra)


if __name__ == "__main__":
    main()
