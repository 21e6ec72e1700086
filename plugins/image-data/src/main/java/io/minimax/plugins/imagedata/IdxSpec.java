package io.minimax.plugins.imagedata;

import io.minimax.spi.Param;

import java.util.List;

/** Any MNIST-style folder of IDX files: a user's own MNIST copy, or Fashion-MNIST downloaded by hand. */
public record IdxSpec(
        @Param(description = "folder holding {train,t10k}-images-idx3-ubyte and {train,t10k}-labels-idx1-ubyte, each plain or .gz")
        String path,
        @Param(description = "train (the train- files) or test (the t10k- files)", defaultValue = "train") String split,
        @Param(description = "the classes to draw from, a subset of 0-9", defaultValue = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")
        List<Integer> classes)
        implements ImageFolderSpec
{
    public IdxSpec
    {
        ImageFolderSpec.check(path, split, classes).orThrow();
        classes = List.copyOf(classes);
    }
}
