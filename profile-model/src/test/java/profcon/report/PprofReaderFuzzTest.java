package profcon.report;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import profcon.pprof.PprofReader;
import profcon.pprof.ProfileBytes;
import profcon.pprof.ProfileFormatException;

/**
 * Feeds seeded random corruptions of every corpus .pb.gz to {@link PprofReader#parse}: each must
 * either decode or fail with a {@link ProfileFormatException}, and never hang.
 */
class PprofReaderFuzzTest {
    private static final int MUTATIONS_PER_FILE = 400;

    static Stream<String> files() throws IOException {
        Path root = CorpusGoldenTest.corpus();
        if (root == null || !Files.isDirectory(root)) {
            return Stream.of("corpus-missing");
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<String> found = s.filter(p -> p.toString().endsWith(".pb.gz")).map(p -> root.relativize(p).toString())
                    .sorted().toList();
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void corruptInputsFailCleanly(String name) throws IOException {
        Path root = CorpusGoldenTest.corpus();
        assumeTrue(!name.equals("corpus-missing"), "pprof corpus not found (system property profcon.corpus); skipped");
        byte[] gz = Files.readAllBytes(root.resolve(name));
        byte[] raw = ProfileBytes.uncompress(gz, name);
        Random random = new Random(name.hashCode());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                byte[] input = mutate(random, random.nextInt(4) == 0 ? gz : raw);
                if (random.nextInt(3) == 0) {
                    input = gzip(input);
                }
                check(input, name + " mutation " + i);
            }
        });
    }

    private static void check(byte[] input, String what) {
        try {
            PprofReader.parse(input, what);
        } catch (ProfileFormatException expected) {
            if (expected.getMessage() == null || expected.getMessage().contains("\n")) {
                fail(what + ": message is not one line: " + expected.getMessage());
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(what + ": " + e, e);
        }
    }

    static byte[] mutate(Random r, byte[] original) {
        byte[] b = original.clone();
        int kind = r.nextInt(4);
        if (kind == 0 || b.length == 0) {
            for (int n = 1 + r.nextInt(8); n > 0 && b.length > 0; n--) {
                int at = r.nextInt(b.length);
                b[at] ^= (byte) (1 << r.nextInt(8));
            }
            return b;
        }
        if (kind == 1) {
            return java.util.Arrays.copyOf(b, r.nextInt(b.length));
        }
        if (kind == 2) {
            return insert(r, b);
        }
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] insert(Random r, byte[] b) {
        int at = r.nextInt(b.length + 1);
        byte[] extra = new byte[1 + r.nextInt(16)];
        r.nextBytes(extra);
        byte[] out = new byte[b.length + extra.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(b, at, out, at + extra.length, b.length - at);
        return out;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
