package ${package};

import io.minimax.testkit.DataSourceCheck;
import io.minimax.testkit.SpecDefaults;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestGaussianBlobDataSource
{
    /** Shape, finite values, seed determinism, independent streams, and a density that integrates to 1. */
    @Test
    void passesTheTestKitsDataSourceChecks()
    {
        DataSourceCheck.check("example-gaussian-blob", new GaussianBlobDataSourceFactory(), new GaussianBlobSpec(1.0, -1.0, 0.5));
    }

    @Test
    void defaultsToTheStandardNormal()
    {
        assertThat(SpecDefaults.build(GaussianBlobSpec.class, Map.of())).isEqualTo(new GaussianBlobSpec(0.0, 0.0, 1.0));
    }

    @Test
    void rejectsANonPositiveStd()
    {
        assertThatThrownBy(() -> new GaussianBlobSpec(0.0, 0.0, 0.0)).hasMessageContaining("std");
    }
}
