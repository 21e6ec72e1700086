package io.minimax.plugins.imagedata;

import java.util.Arrays;
import java.util.List;

/** The two parts MNIST-style data sets come in, by their descriptor name and the prefix of their file names. */
enum Split
{
    TRAIN("train", "train"),
    TEST("test", "t10k");

    private final String descriptorName;
    private final String filePrefix;

    Split(String descriptorName, String filePrefix)
    {
        this.descriptorName = descriptorName;
        this.filePrefix = filePrefix;
    }

    static List<String> names()
    {
        return Arrays.stream(values()).map(split -> split.descriptorName).toList();
    }

    static Split named(String name)
    {
        return Arrays.stream(values()).filter(split -> split.descriptorName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no split '" + name + "'; known: " + names()));
    }

    String filePrefix()
    {
        return filePrefix;
    }
}
