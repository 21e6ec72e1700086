package io.minimax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The {@code --json FILE} of {@code minimax bench}: one indented object. */
final class BenchJson
{
    private BenchJson() {}

    /** Writes {@code result} to {@code json}, if a file was asked for. */
    static void write(Path json, Map<String, Object> result)
    {
        if (json == null) {
            return;
        }
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json, e);
        }
    }
}
