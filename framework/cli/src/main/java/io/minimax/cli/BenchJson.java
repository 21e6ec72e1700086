package io.minimax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.minimax.core.platform.BlasPlatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --json FILE} of {@code minimax bench}: one indented object. */
final class BenchJson
{
    private BenchJson() {}

    /** Writes {@code result} to {@code json}, if a file was asked for, with the BLAS kernel that measured it. */
    static void write(Path json, Map<String, Object> result)
    {
        if (json == null) {
            return;
        }
        Map<String, Object> measured = new LinkedHashMap<>(result);
        BlasPlatform.Loaded blas = BlasPlatform.loaded();
        measured.put("blasKernel", blas.summary());
        measured.put("blasVersion", blas.version());
        measured.put("blasProducts", blas.products().reason());
        measured.put("cpu", blas.cpu().modelName());
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), measured);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json, e);
        }
    }
}
