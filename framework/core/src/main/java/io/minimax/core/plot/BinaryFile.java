package io.minimax.core.plot;

import java.nio.file.Path;

/** Bytes a plugin produced (a metric's artifacts), written whole like the plots. */
public final class BinaryFile
{
    private BinaryFile() {}

    public static Path write(byte[] content, Path file)
    {
        OutputFiles.replace(file, output -> output.write(content));
        return file;
    }
}
