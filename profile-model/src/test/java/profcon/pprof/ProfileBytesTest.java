package profcon.pprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gunzipping sized by gzip's trailer: a wrong or lying trailer changes nothing but the work done. */
class ProfileBytesTest {
    @TempDir
    Path tmp;

    private static final byte[] CONTENT = content(300_000);

    @Test
    void fileAndBytesGiveTheContentWhenTheTrailerIsRight() throws IOException {
        byte[] gz = gzip(CONTENT);
        assertThat(ProfileBytes.uncompress(gz, "x.pb.gz")).isEqualTo(CONTENT);
        assertThat(ProfileBytes.read(write(gz))).isEqualTo(CONTENT);
    }

    @Test
    void aWrongTrailerSizesTheBufferButIsStillCaughtAsCorrupt() throws IOException {
        for (long isize : new long[] {0, 1, CONTENT.length - 1, CONTENT.length + 1, 0xffffffffL}) {
            byte[] gz = withIsize(gzip(CONTENT), isize);
            // GZIPInputStream checks ISIZE only after the data, so a wrong one reads as a corrupt trailer.
            assertThatThrownBy(() -> ProfileBytes.read(write(gz)))
                    .isInstanceOf(ProfileFormatException.class).hasMessageContaining("corrupt or truncated gzip");
        }
    }

    @Test
    void severalGzipMembersAreReadWholeThoughTheTrailerCountsTheLastOnly() throws IOException {
        byte[] first = Arrays.copyOf(CONTENT, 200_000);
        byte[] second = Arrays.copyOfRange(CONTENT, 200_000, CONTENT.length);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip(first));
        both.write(gzip(second));
        assertThat(ProfileBytes.read(write(both.toByteArray()))).isEqualTo(CONTENT);
        assertThat(ProfileBytes.uncompress(both.toByteArray(), "two.pb.gz")).isEqualTo(CONTENT);
    }

    @Test
    void aFileThatDecompressesPastTheLimitIsRefused() throws IOException {
        Path bomb = write(gzip(new byte[3 << 20]));
        String previous = System.setProperty("profcon.maxProfileBytes", Long.toString(1 << 20));
        try {
            assertThatThrownBy(() -> ProfileBytes.read(bomb))
                    .isInstanceOf(ProfileFormatException.class)
                    .hasMessage(bomb + ": decompresses to more than 1048576 bytes; refusing it as a possible "
                            + "decompression bomb (-Dprofcon.maxProfileBytes)");
        } finally {
            if (previous == null) {
                System.clearProperty("profcon.maxProfileBytes");
            } else {
                System.setProperty("profcon.maxProfileBytes", previous);
            }
        }
    }

    @Test
    void aTruncatedFileIsCorrupt() throws IOException {
        byte[] gz = gzip(CONTENT);
        Path cut = write(Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> ProfileBytes.read(cut))
                .isInstanceOf(ProfileFormatException.class).hasMessageStartingWith(cut + ": corrupt or truncated gzip");
    }

    private Path write(byte[] data) throws IOException {
        Path f = Files.createTempFile(tmp, "p", ".pb.gz");
        Files.write(f, data);
        return f;
    }

    private static byte[] withIsize(byte[] gz, long isize) {
        byte[] copy = gz.clone();
        for (int i = 0; i < 4; i++) {
            copy[copy.length - 4 + i] = (byte) (isize >>> (8 * i));
        }
        return copy;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] content(int n) {
        byte[] b = new byte[n];
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + r.nextInt(4)); // compressible, not trivially
        }
        return b;
    }
}
