package profcon.demo;

import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Case 12, native detour: compressor threads spend most of their time inside zlib, in the
 * native methods {@code Deflater.deflateBytesBytes} and {@code Inflater.inflateBytesBytes}
 * (JNI on JDK 17 and later, not intrinsified), which a Java-only CPU profile loses.
 *
 * <p>Options: {@code --threads=1}, {@code --chunk-kb=256} compressed per round,
 * {@code --level=6} (zlib level 1-9).
 */
public final class NativeDetour {
    private NativeDetour() {
    }

    public static void main(String[] argv) {
        Target.run("NativeDetour", argv, NativeDetour::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 1);
        int chunk = args.positive("chunk-kb", 256) * 1024;
        int level = args.positive("level", 6);
        if (level > 9) {
            throw new IllegalArgumentException("--level must be 1 to 9, got " + level);
        }
        for (int i = 1; i <= threads; i++) {
            Codec codec = new Codec(level, text(chunk, i));
            Threads.start("compressor-" + i, codec::roundTripForever);
        }
    }

    /** Log-like text from a small vocabulary: compressible, so zlib has real matching to do. */
    static byte[] text(int size, long seed) {
        String[] words = {"GET", "POST", "/items", "/cart", "200", "404", "user", "session", "ms", "ok"};
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(size + 16);
        while (out.length() < size) {
            out.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
        }
        return out.substring(0, size).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Compresses and decompresses one buffer over and over with a reused zlib stream pair. */
    static final class Codec {
        private final Deflater deflater;
        private final Inflater inflater = new Inflater();
        private final byte[] input;
        private final byte[] compressed;
        private final byte[] restored;

        Codec(int level, byte[] input) {
            this.deflater = new Deflater(level);
            this.input = input;
            this.compressed = new byte[input.length + input.length / 10 + 64];
            this.restored = new byte[input.length];
        }

        void roundTripForever() {
            try {
                while (true) {
                    int length = compress();
                    if (decompress(length) != input.length) {
                        throw new IllegalStateException("round trip lost bytes");
                    }
                }
            } catch (DataFormatException e) {
                throw new IllegalStateException("zlib rejected its own output", e);
            }
        }

        int compress() {
            deflater.reset();
            deflater.setInput(input);
            deflater.finish();
            int length = 0;
            while (!deflater.finished()) {
                length += deflater.deflate(compressed, length, compressed.length - length);
            }
            return length;
        }

        int decompress(int length) throws DataFormatException {
            inflater.reset();
            inflater.setInput(compressed, 0, length);
            int n = 0;
            while (!inflater.finished()) {
                n += inflater.inflate(restored, n, restored.length - n);
            }
            return n;
        }
    }
}
