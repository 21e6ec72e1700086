package io.minimax.plugins.mlflow;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** MLflow's image names, made as {@code log_image} makes them and read back from a run's {@code images/} folder by sync. */
class TestMlflowImages
{
    private static final UUID UUID_0 = UUID.fromString("00000000-0000-0000-0000-000000000000");

    @Test
    void namesAreLogImages()
    {
        MlflowImages.Names names = MlflowImages.names("eval/samples", 20, 1_700_000_000_000L, UUID_0);
        assertThat(names.image()).isEqualTo("eval~samples+step+20+timestamp+1700000000000+00000000-0000-0000-0000-000000000000.png");
        assertThat(names.preview())
                .isEqualTo("eval~samples+step+20+timestamp+1700000000000+00000000-0000-0000-0000-000000000000+compressed.webp");
    }

    @Test
    void storedPicturesPairEachPngWithItsPreview()
    {
        MlflowImages.Names whole = MlflowImages.names("samples", 0, 1L, UUID_0);
        MlflowImages.Names half = MlflowImages.names("eval/samples", 40, 2L, UUID_0);
        String wholeStem = whole.image().substring(0, whole.image().length() - ".png".length());
        String halfStem = half.image().substring(0, half.image().length() - ".png".length());

        assertThat(MlflowImages.stored(List.of(whole.preview(), "notes.txt", half.image(), whole.image(), "other+step+x.png")))
                .containsOnlyKeys(wholeStem, halfStem)
                .containsEntry(wholeStem, new MlflowImages.Stored("samples", 0, wholeStem, true, true))
                .containsEntry(halfStem, new MlflowImages.Stored("eval/samples", 40, halfStem, true, false));
        assertThat(MlflowImages.stored(List.of(whole.image(), whole.preview())).get(wholeStem).complete()).isTrue();
        assertThat(MlflowImages.previewName(halfStem)).isEqualTo(half.preview());
    }
}
