package io.minimax.cli;

import io.minimax.core.plugin.ExtensionPoint;
import io.minimax.core.plugin.ExtensionPoints;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestPluginFixturesCoverage
{
    @Test
    void everyRegisteredPluginHasAFixture()
    {
        PluginRegistry registry = PluginLoader.load(Optional.empty());
        for (ExtensionPoint<?> point : registry.extensionPoints()) {
            Map<String, ?> fixtures = PluginFixtures.BY_SECTION.get(point.section());
            assertThat(fixtures).as("fixtures for extension point %s", point.noun()).isNotNull();
            assertThat(fixtures.keySet())
                    .as("every %s plugin needs a fixture in PluginFixtures so the registry-wide checks cover it", point.noun())
                    .containsAll(point.names());
        }
    }

    @Test
    void theBuiltInPluginsAreAllThere()
    {
        PluginRegistry registry = PluginLoader.load(Optional.empty());
        assertThat(registry.point(ExtensionPoints.DATA_SOURCES).names())
                .contains("gaussian-1d", "ring", "grid", "swiss-roll", "dirac", "uniform-noise", "fashion-mnist", "idx");
        assertThat(registry.point(ExtensionPoints.NOISE_PRIORS).names()).contains("gaussian", "uniform");
        assertThat(registry.point(ExtensionPoints.LOSS_VARIANTS).names())
                .contains("minimax", "non-saturating", "least-squares", "wasserstein", "hinge", "relativistic");
        assertThat(registry.point(ExtensionPoints.GRADIENT_PENALTIES).names()).contains("r1", "r2", "wgan-gp");
        assertThat(registry.point(ExtensionPoints.OPTIMIZERS).names()).contains("sgd", "momentum", "adam");
        assertThat(registry.point(ExtensionPoints.NETWORKS).names()).contains("mlp", "constant", "linear");
    }
}
