package profcon.pprof;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * The uncompressed size a gzip stream announces in its trailer (ISIZE, the last 4 bytes: the size
 * modulo 2^32, of the last member only). A hint to size a buffer, never trusted: it can wrap, lie or
 * belong to one member of several, so it is capped and the reader still grows or trims.
 */
final class GzipSize {
    /**
     * Profiles compress 5-10:1 (the 1M-sample synthetic one 7:1); a small file claiming more than
     * 64:1 gets a buffer that grows as data really comes, never one allocated on its word.
     */
    private static final long MAX_RATIO = 64;
    private static final int TRAILER = 8;

    private GzipSize() {
    }

    static long hint(byte[] gzip) {
        if (gzip.length < TRAILER) {
            return 0;
        }
        return bounded(littleEndian(gzip, gzip.length - 4), gzip.length);
    }

    static long hint(Path gzip, long size) throws IOException {
        if (size < TRAILER) {
            return 0;
        }
        byte[] last = new byte[4];
        try (RandomAccessFile f = new RandomAccessFile(gzip.toFile(), "r")) {
            f.seek(size - 4);
            f.readFully(last);
        }
        return bounded(littleEndian(last, 0), size);
    }

    private static long bounded(long isize, long compressed) {
        return Math.min(isize, compressed * MAX_RATIO);
    }

    private static long littleEndian(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
