package io.minimax.plugins.dirac;

import io.minimax.spi.PluginSpec;

/** No parameters: the chart draws the parameters the two Dirac-GAN players log. */
public record DiracTrajectorySpec()
        implements PluginSpec
{
}
