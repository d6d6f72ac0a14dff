package profcon.pprof;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a profile file's bytes, gunzipping when needed, with a cap so a decompression bomb is refused. */
public final class ProfileBytes {
    /** Largest profile accepted once decompressed; override with -Dprofcon.maxProfileBytes. */
    public static final long DEFAULT_LIMIT = 1L << 30;

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
        if (Files.size(file) > limit()) {
            throw new ProfileFormatException(file + ": " + Files.size(file)
                    + " bytes is larger than the limit of " + limit() + " bytes (-Dprofcon.maxProfileBytes)");
        }
        return uncompress(Files.readAllBytes(file), file.toString());
    }

    /** {@code data} itself, or its gunzipped content when it starts with the gzip magic. */
    public static byte[] uncompress(byte[] data, String name) throws ProfileFormatException {
        if (!isGzip(data)) {
            return data;
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return readCapped(in, name);
        } catch (ProfileFormatException e) {
            throw e;
        } catch (ZipException | java.io.EOFException e) {
            throw new ProfileFormatException(name + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ProfileFormatException(name + ": cannot decompress: " + e.getMessage());
        }
    }

    public static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    private static byte[] readCapped(InputStream in, String name) throws IOException {
        long limit = limit();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new ProfileFormatException(name + ": decompresses to more than " + limit
                        + " bytes; refusing it as a possible decompression bomb (-Dprofcon.maxProfileBytes)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
