package io.minimax.plugins.imagedata;

import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the image data sources share: a folder of IDX files, the split to read, the classes to draw from. */
interface ImageFolderSpec
        extends PluginSpec
{
    String path();

    String split();

    List<Integer> classes();

    default Path folder()
    {
        return Path.of(path());
    }

    default int[] classArray()
    {
        return classes().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The checks both specs make: a path, a known split, a non-empty set of distinct classes 0–9. */
    static SpecChecks check(String path, String split, List<Integer> classes)
    {
        SpecChecks checks = SpecChecks.check()
                .notNull("path", path)
                .notNull("split", split)
                .notNull("classes", classes);
        if (path != null) {
            checks.that(!path.isBlank(), "path", "must name a folder");
        }
        if (split != null) {
            checks.oneOf("split", split, Split.names());
        }
        if (classes != null) {
            checks.that(!classes.isEmpty(), "classes", "needs at least one class");
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < classes.size(); i++) {
                Integer label = classes.get(i);
                checks.that(label != null && label >= 0 && label <= 9, "classes[" + i + "]", "must be 0-9 (got " + label + ")");
                checks.that(label == null || seen.add(label), "classes[" + i + "]", "repeats class " + label);
            }
        }
        return checks;
    }
}
