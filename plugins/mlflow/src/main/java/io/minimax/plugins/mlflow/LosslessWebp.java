package io.minimax.plugins.mlflow;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * A lossless WebP (VP8L) encoder, for the small previews MLflow's image view loads ({@code …+compressed.webp}); the
 * JDK's ImageIO writes no WebP. It uses the format's simplest valid subset: the subtract-green transform (grey images
 * become one channel), no colour cache, no backward references, and one Huffman code per channel built from the
 * image's own histogram (lengths limited to 15 bits). A grey 256 × 256 grid of Fashion-MNIST samples comes out at
 * roughly a third of its raw size. Format: the WebP Lossless Bitstream Specification (RFC 9649, section 3).
 */
final class LosslessWebp
{
    private static final int MAX_CODE_LENGTH = 15;
    private static final int MAX_CODE_LENGTH_CODE_LENGTH = 7;
    private static final int GREEN_ALPHABET = 256 + 24;
    private static final int DISTANCE_ALPHABET = 40;
    private static final int SUBTRACT_GREEN = 2;
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int MAX_SIDE = 1 << 14;

    private LosslessWebp() {}

    /** The image, opaque (alpha is dropped), as the bytes of a {@code .webp} file. */
    static byte[] encode(BufferedImage image)
    {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("WebP images are at most " + MAX_SIDE + " pixels a side, got " + width + " x " + height);
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        int[] green = new int[argb.length];
        int[] red = new int[argb.length];
        int[] blue = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int g = (argb[i] >>> 8) & 0xff;
            green[i] = g;
            red[i] = (((argb[i] >>> 16) & 0xff) - g) & 0xff;
            blue[i] = ((argb[i] & 0xff) - g) & 0xff;
        }
        BitWriter bits = new BitWriter();
        bits.write(0x2f, 8);
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // no alpha
        bits.write(0, 3); // version 0
        bits.write(1, 1);
        bits.write(SUBTRACT_GREEN, 2);
        bits.write(0, 1); // no further transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // one prefix-code group for the whole image
        Code greenCode = writeCode(bits, histogram(green, GREEN_ALPHABET));
        Code redCode = writeCode(bits, histogram(red, 256));
        Code blueCode = writeCode(bits, histogram(blue, 256));
        int[] opaque = new int[256];
        opaque[255] = 1;
        Code alphaCode = writeCode(bits, opaque);
        writeCode(bits, new int[DISTANCE_ALPHABET]);
        for (int i = 0; i < argb.length; i++) {
            greenCode.write(bits, green[i]);
            redCode.write(bits, red[i]);
            blueCode.write(bits, blue[i]);
            alphaCode.write(bits, 255);
        }
        return riff(bits.toByteArray());
    }

    private static int[] histogram(int[] symbols, int alphabet)
    {
        int[] counts = new int[alphabet];
        for (int symbol : symbols) {
            counts[symbol]++;
        }
        return counts;
    }

    /** Writes the prefix code for {@code counts} (a simple code for at most one used symbol) and returns it. */
    private static Code writeCode(BitWriter bits, int[] counts)
    {
        int used = (int) Arrays.stream(counts).filter(count -> count > 0).count();
        if (used <= 1) {
            int symbol = 0;
            for (int s = 0; s < counts.length; s++) {
                symbol = counts[s] > 0 ? s : symbol;
            }
            // a simple code of one symbol: the decoder reads no bits for it
            bits.write(1, 1);
            bits.write(0, 1);
            bits.write(1, 1);
            bits.write(symbol, 8);
            return new Code(new int[counts.length], new int[counts.length]);
        }
        int[] lengths = lengths(counts, MAX_CODE_LENGTH);
        int[] lengthCounts = histogram(lengths, 19);
        if (Arrays.stream(lengthCounts).filter(count -> count > 0).count() < 2) {
            // a code of one symbol is read with no bits; a second, unused one keeps the code-length code ordinary
            lengthCounts[lengths[0] == 0 ? 1 : 0]++;
        }
        int[] lengthCodeLengths = lengths(lengthCounts, MAX_CODE_LENGTH_CODE_LENGTH);
        int written = CODE_LENGTH_ORDER.length;
        while (written > 4 && lengthCodeLengths[CODE_LENGTH_ORDER[written - 1]] == 0) {
            written--;
        }
        bits.write(0, 1); // a normal code
        bits.write(written - 4, 4);
        for (int i = 0; i < written; i++) {
            bits.write(lengthCodeLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        bits.write(0, 1); // every symbol's length follows
        Code lengthCode = new Code(lengthCodeLengths, canonical(lengthCodeLengths));
        for (int length : lengths) {
            lengthCode.write(bits, length);
        }
        return new Code(lengths, canonical(lengths));
    }

    /** Huffman code lengths for {@code counts}, at most {@code limit}: counts are halved until the tree fits. */
    static int[] lengths(int[] counts, int limit)
    {
        long[] weights = Arrays.stream(counts).mapToLong(count -> count).toArray();
        while (true) {
            int[] lengths = huffman(weights);
            if (Arrays.stream(lengths).max().orElse(0) <= limit) {
                return lengths;
            }
            for (int s = 0; s < weights.length; s++) {
                weights[s] = weights[s] == 0 ? 0 : Math.max(1, weights[s] / 2);
            }
        }
    }

    private static int[] huffman(long[] weights)
    {
        int symbols = weights.length;
        int[] parent = new int[2 * symbols];
        Arrays.fill(parent, -1);
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int s = 0; s < symbols; s++) {
            if (weights[s] > 0) {
                queue.add(new long[] {weights[s], s});
            }
        }
        int next = symbols;
        while (queue.size() > 1) {
            long[] a = queue.poll();
            long[] b = queue.poll();
            parent[(int) a[1]] = next;
            parent[(int) b[1]] = next;
            queue.add(new long[] {a[0] + b[0], next++});
        }
        int[] lengths = new int[symbols];
        for (int s = 0; s < symbols; s++) {
            if (weights[s] > 0) {
                int depth = 0;
                for (int node = s; parent[node] >= 0; node = parent[node]) {
                    depth++;
                }
                lengths[s] = depth;
            }
        }
        return lengths;
    }

    /** Canonical codes (shorter first, then by symbol), bit-reversed: the stream is read least significant bit first. */
    private static int[] canonical(int[] lengths)
    {
        int[] lengthCounts = new int[MAX_CODE_LENGTH + 1];
        for (int length : lengths) {
            lengthCounts[length]++;
        }
        lengthCounts[0] = 0;
        int[] nextCode = new int[MAX_CODE_LENGTH + 2];
        int code = 0;
        for (int length = 1; length <= MAX_CODE_LENGTH; length++) {
            code = (code + lengthCounts[length - 1]) << 1;
            nextCode[length] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            if (lengths[s] > 0) {
                codes[s] = Integer.reverse(nextCode[lengths[s]]++) >>> (32 - lengths[s]);
            }
        }
        return codes;
    }

    private static byte[] riff(byte[] bitstream)
    {
        int chunk = bitstream.length;
        int padded = chunk + (chunk & 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(20 + padded);
        out.writeBytes("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        writeInt(out, 4 + 8 + padded);
        out.writeBytes("WEBPVP8L".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        writeInt(out, chunk);
        out.writeBytes(bitstream);
        if ((chunk & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value)
    {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    /** A prefix code: each symbol's length and its bit-reversed code word (length 0: written with no bits). */
    private record Code(int[] lengths, int[] codes)
    {
        void write(BitWriter bits, int symbol)
        {
            bits.write(codes[symbol], lengths[symbol]);
        }
    }

    /** Bits packed least significant first, as VP8L reads them. */
    private static final class BitWriter
    {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long buffer;
        private int count;

        void write(int value, int length)
        {
            buffer |= ((long) value & ((1L << length) - 1)) << count;
            count += length;
            while (count >= 8) {
                bytes.write((int) buffer & 0xff);
                buffer >>>= 8;
                count -= 8;
            }
        }

        byte[] toByteArray()
        {
            if (count > 0) {
                bytes.write((int) buffer & 0xff);
                buffer = 0;
                count = 0;
            }
            return bytes.toByteArray();
        }
    }
}
