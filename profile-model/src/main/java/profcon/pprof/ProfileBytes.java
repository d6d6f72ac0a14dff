package profcon.pprof;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a profile file's bytes, gunzipping when needed, with a cap so a decompression bomb is refused. */
public final class ProfileBytes {
    /** Largest profile accepted once decompressed; override with -Dprofcon.maxProfileBytes. */
    public static final long DEFAULT_LIMIT = 1L << 30;
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private ProfileBytes() {
    }

    public static long limit() {
        return Long.getLong("profcon.maxProfileBytes", DEFAULT_LIMIT);
    }

    /** The decompressed bytes of {@code file}; fails with a one-line reason naming the file. */
    public static byte[] read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new ProfileFormatException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new ProfileFormatException(file + ": is a directory, not a profile");
        }
        if (!Files.isReadable(file)) {
            throw new ProfileFormatException(file + ": cannot be read (permission denied)");
        }
        long size = Files.size(file);
        if (size > limit()) {
            throw new ProfileFormatException(file + ": " + size
                    + " bytes is larger than the limit of " + limit() + " bytes (-Dprofcon.maxProfileBytes)");
        }
        if (!startsWithGzipMagic(file)) {
            return Files.readAllBytes(file);
        }
        // Streamed from the file into one array of the size gzip's trailer announces: no copy of the
        // compressed file in memory, no growing buffer and its copies (a 56 MB file decompresses to 400 MB).
        try (InputStream in = Files.newInputStream(file)) {
            return gunzip(in, GzipSize.hint(file, size), file.toString());
        }
    }

    /** {@code data} itself, or its gunzipped content when it starts with the gzip magic. */
    public static byte[] uncompress(byte[] data, String name) throws ProfileFormatException {
        if (!isGzip(data)) {
            return data;
        }
        return gunzip(new ByteArrayInputStream(data), GzipSize.hint(data), name);
    }

    public static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    private static boolean startsWithGzipMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isGzip(in.readNBytes(2));
        }
    }

    private static byte[] gunzip(InputStream compressed, long sizeHint, String name) throws ProfileFormatException {
        try (InputStream in = new GZIPInputStream(compressed, BUFFER)) {
            return readCapped(in, sizeHint, name);
        } catch (ProfileFormatException e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw new ProfileFormatException(name + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ProfileFormatException(name + ": cannot decompress: " + e.getMessage());
        }
    }

    /**
     * Reads {@code in} to its end into an array of {@code sizeHint} bytes, growing it if the hint
     * was short and trimming it if long; refuses more than {@link #limit()} bytes.
     */
    private static byte[] readCapped(InputStream in, long sizeHint, String name) throws IOException {
        long cap = Math.min(limit(), MAX_ARRAY);
        byte[] out = new byte[(int) Math.min(sizeHint, cap)];
        int total = 0;
        while (true) {
            if (total == out.length) {
                int next = in.read();
                if (next < 0) {
                    return out;
                }
                if (total >= cap) {
                    throw new ProfileFormatException(name + ": decompresses to more than " + limit()
                            + " bytes; refusing it as a possible decompression bomb (-Dprofcon.maxProfileBytes)");
                }
                out = Arrays.copyOf(out, (int) Math.min(cap, Math.max(total * 2L, total + (long) BUFFER)));
                out[total++] = (byte) next;
            }
            int n = in.read(out, total, out.length - total);
            if (n < 0) {
                return total == out.length ? out : Arrays.copyOf(out, total);
            }
            total += n;
        }
    }
}
