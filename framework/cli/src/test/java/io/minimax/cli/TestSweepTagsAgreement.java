package io.minimax.cli;

import io.minimax.core.run.SweepTags;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MLflow plugin depends on the SPI only, so it names Minimax's sweep tags again; it must name them as the core
 * writes them, or {@code minimax sync} and the live sweep parent stop finding a sweep's runs.
 */
class TestSweepTagsAgreement
{
    @Test
    void theMlflowPluginNamesTheSweepTagsAsTheCoreWritesThem()
            throws ReflectiveOperationException
    {
        Class<?> copy = Class.forName("io.minimax.plugins.mlflow.SweepTags");
        int compared = 0;
        for (Field field : SweepTags.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                Field copied = copy.getDeclaredField(field.getName());
                copied.setAccessible(true);
                assertThat(copied.get(null)).as(field.getName()).isEqualTo(field.get(null));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(copy.getDeclaredFields().length);
    }
}
