package io.minimax.core.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * The checkpoint format: {@code <run>/checkpoints/step-NNNNNNNN/} holds {@value #MANIFEST} (format version, step,
 * descriptor hash, and per array its name, file, numpy dtype, shape and SHA-256) and one raw little-endian,
 * row-major {@code .bin} file per array, which {@code np.fromfile(file, dtype).reshape(shape)} reads. A checkpoint is
 * written into a hidden temporary folder, every file forced to disk, and renamed into place: a folder named
 * {@code step-*} is whole, or it is corrupt and {@link #latest} skips it for the one before.
 */
public final class CheckpointFiles
{
    public static final String DIRECTORY = "checkpoints";
    public static final String MANIFEST = "manifest.json";
    public static final int FORMAT = 1;
    private static final String PREFIX = "step-";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckpointFiles() {}

    /** Writes the checkpoint of {@code step} atomically, then deletes all but the latest {@code keep}. */
    public static Path write(Path runDirectory, long step, String descriptorSha256, Map<String, INDArray> arrays, int keep)
            throws IOException
    {
        Path checkpoints = runDirectory.resolve(DIRECTORY);
        Files.createDirectories(checkpoints);
        Path target = checkpoints.resolve(String.format("%s%08d", PREFIX, step));
        // not Files.createTempDirectory: its folders are 0700 whatever the umask, and teammates could not read the checkpoint
        Path temporary = Files.createDirectory(checkpoints.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)));
        try {
            ObjectNode manifest = MAPPER.createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("step", step);
            manifest.put("descriptorSha256", descriptorSha256);
            ArrayNode entries = manifest.putArray("arrays");
            int index = 0;
            for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
                INDArray array = entry.getValue();
                String file = String.format("%02d-%s.bin", index++, entry.getKey().replaceAll("[^A-Za-z0-9._-]", "_"));
                byte[] bytes = bytes(array);
                writeForced(temporary.resolve(file), bytes);
                ObjectNode described = entries.addObject();
                described.put("name", entry.getKey());
                described.put("file", file);
                described.put("dtype", numpyType(array.dataType()));
                ArrayNode shape = described.putArray("shape");
                for (long size : array.shape()) {
                    shape.add(size);
                }
                described.put("sha256", sha256(bytes));
            }
            writeForced(temporary.resolve(MANIFEST), MAPPER.writeValueAsBytes(manifest));
            deleteRecursively(target);
            try {
                Files.move(temporary, target, ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            forceDirectory(checkpoints);
        }
        finally {
            deleteRecursively(temporary);
        }
        prune(checkpoints, keep);
        return target;
    }

    /** The latest checkpoint that reads back whole; each corrupt or partial one after it is skipped with a warning. */
    public static Optional<Checkpoint> latest(Path runDirectory, Consumer<String> warnings)
    {
        for (Path folder : folders(runDirectory.resolve(DIRECTORY))) {
            try {
                return Optional.of(read(folder));
            }
            catch (IOException | RuntimeException e) {
                warnings.accept("skipping checkpoint " + folder.getFileName() + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The checkpoint of {@code step}, read and verified as {@link #latest} reads one.
     *
     * @throws IOException when it is not there, or is corrupt or partial
     */
    public static Checkpoint at(Path runDirectory, long step)
            throws IOException
    {
        Path folder = runDirectory.resolve(DIRECTORY).resolve(String.format("%s%08d", PREFIX, step));
        if (!Files.isDirectory(folder)) {
            throw new IOException("no checkpoint of step " + step + " in " + runDirectory.resolve(DIRECTORY));
        }
        return read(folder);
    }

    /** The step of the latest checkpoint folder that has a manifest (not verified: for listings). */
    public static OptionalLong latestStep(Path runDirectory)
    {
        for (Path folder : folders(runDirectory.resolve(DIRECTORY))) {
            if (Files.isRegularFile(folder.resolve(MANIFEST))) {
                return OptionalLong.of(step(folder));
            }
        }
        return OptionalLong.empty();
    }

    /** Reads and verifies one checkpoint folder: the format, every file's size and SHA-256. */
    static Checkpoint read(Path folder)
            throws IOException
    {
        JsonNode manifest = MAPPER.readTree(Files.readAllBytes(folder.resolve(MANIFEST)));
        if (manifest.path("format").asInt() != FORMAT) {
            throw new IOException("format " + manifest.path("format") + " is not " + FORMAT);
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (JsonNode entry : manifest.path("arrays")) {
            byte[] bytes = Files.readAllBytes(folder.resolve(entry.path("file").asText()));
            if (!sha256(bytes).equals(entry.path("sha256").asText())) {
                throw new IOException(entry.path("file").asText() + " does not match its SHA-256");
            }
            List<Long> shape = new ArrayList<>();
            entry.path("shape").forEach(size -> shape.add(size.asLong()));
            arrays.put(entry.path("name").asText(), array(bytes, entry.path("dtype").asText(),
                    shape.stream().mapToLong(Long::longValue).toArray()));
        }
        return new Checkpoint(manifest.path("step").asLong(), manifest.path("descriptorSha256").asText(), arrays, folder);
    }

    public static String sha256(byte[] bytes)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The run's checkpoint folders, latest step first. */
    private static List<Path> folders(Path checkpoints)
    {
        if (!Files.isDirectory(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(checkpoints)) {
            return children.filter(path -> path.getFileName().toString().matches(PREFIX + "\\d+") && Files.isDirectory(path))
                    .sorted(Comparator.comparingLong(CheckpointFiles::step).reversed())
                    .toList();
        }
        catch (IOException e) {
            return List.of();
        }
    }

    private static long step(Path folder)
    {
        return Long.parseLong(folder.getFileName().toString().substring(PREFIX.length()));
    }

    private static void prune(Path checkpoints, int keep)
            throws IOException
    {
        List<Path> folders = folders(checkpoints);
        for (Path old : folders.subList(Math.min(keep, folders.size()), folders.size())) {
            deleteRecursively(old);
        }
    }

    private static String numpyType(DataType type)
    {
        return switch (type) {
            case FLOAT -> "<f4";
            case DOUBLE -> "<f8";
            case LONG -> "<i8";
            default -> throw new IllegalArgumentException("a checkpoint holds FLOAT, DOUBLE or LONG arrays, not " + type);
        };
    }

    private static byte[] bytes(INDArray array)
    {
        INDArray values = array.dup('c');
        int length = Math.toIntExact(values.length());
        ByteBuffer buffer = ByteBuffer.allocate(length * values.dataType().width()).order(ByteOrder.LITTLE_ENDIAN);
        switch (values.dataType()) {
            case FLOAT -> buffer.asFloatBuffer().put(values.data().asFloat(), 0, length);
            case DOUBLE -> buffer.asDoubleBuffer().put(values.data().asDouble(), 0, length);
            case LONG -> buffer.asLongBuffer().put(values.data().asLong(), 0, length);
            default -> throw new IllegalArgumentException(numpyType(values.dataType()));
        }
        return buffer.array();
    }

    private static INDArray array(byte[] bytes, String dtype, long[] shape)
            throws IOException
    {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long length = 1;
        for (long size : shape) {
            length *= size;
        }
        INDArray flat = switch (dtype) {
            case "<f4" -> {
                float[] values = new float[bytes.length / 4];
                buffer.asFloatBuffer().get(values);
                yield Nd4j.createFromArray(values);
            }
            case "<f8" -> {
                double[] values = new double[bytes.length / 8];
                buffer.asDoubleBuffer().get(values);
                yield Nd4j.createFromArray(values);
            }
            case "<i8" -> {
                long[] values = new long[bytes.length / 8];
                buffer.asLongBuffer().get(values);
                yield Nd4j.createFromArray(values);
            }
            default -> throw new IOException("unknown dtype " + dtype);
        };
        if (flat.length() != length) {
            throw new IOException("has " + flat.length() + " values, its shape " + java.util.Arrays.toString(shape) + " says " + length);
        }
        return flat.reshape('c', shape);
    }

    private static void writeForced(Path file, byte[] content)
            throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, CREATE_NEW, WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** So that the rename survives a power loss; a file system that cannot open folders for reading is left to itself. */
    private static void forceDirectory(Path directory)
    {
        try (FileChannel channel = FileChannel.open(directory, READ)) {
            channel.force(true);
        }
        catch (IOException e) {
            // not every platform can fsync a directory
        }
    }

    private static void deleteRecursively(Path path)
            throws IOException
    {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
