package profcon.push;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import profcon.pprof.PprofReader;
import profcon.pprof.PprofWriter;

/**
 * Windows waiting for the server, on disk, oldest first: one gzipped pprof file per window,
 * named {@code SEQ.KIND.PID.pb.gz} (so each is also a profile {@code profcon FILE} opens), in an
 * owner-only directory. Bounded in bytes and in files: at either bound the oldest are dropped and
 * counted. A later run for the same service finds what an earlier one left and sends it first.
 */
public final class Spool {
    /** 64 MiB: a day of 60 s cpu windows of a busy service is about 20 MiB of gzipped pprof. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    public static final int DEFAULT_MAX_FILES = 1_000;
    private static final Pattern NAME = Pattern.compile("(\\d{12})\\.([a-z]+)\\.(\\d+)\\.pb\\.gz");

    private final Path dir;
    private final long maxBytes;
    private final int maxFiles;
    private long dropped;

    /** A waiting window's file, its order and what it holds. */
    public record Entry(Path file, long seq, String kind, long pid) {
    }

    public Spool(Path dir, long maxBytes, int maxFiles) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    /** Writes the window after every waiting one (atomically), then drops the oldest beyond the bounds. */
    public void add(Window w) throws IOException {
        List<Entry> entries = entries();
        long seq = entries.isEmpty() ? 1 : entries.get(entries.size() - 1).seq() + 1;
        Path file = dir.resolve(String.format(java.util.Locale.ROOT, "%012d.%s.%d.pb.gz", seq, w.kind(), w.pid()));
        Path tmp = Files.createTempFile(dir, ".spool-", ".tmp");
        try {
            Files.write(tmp, PprofWriter.gzip(w.profile()));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        enforceBounds();
    }

    public Optional<Entry> oldest() throws IOException {
        List<Entry> entries = entries();
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    public Window read(Entry e) throws IOException {
        return new Window(e.kind(), e.pid(), PprofReader.read(e.file()));
    }

    public void remove(Entry e) throws IOException {
        Files.deleteIfExists(e.file());
    }

    /** Windows dropped at the bound by this spool since it was opened. */
    public long dropped() {
        return dropped;
    }

    public int files() throws IOException {
        return entries().size();
    }

    public long bytes() throws IOException {
        long total = 0;
        for (Entry e : entries()) {
            total += Files.size(e.file());
        }
        return total;
    }

    public Path directory() {
        return dir;
    }

    public String bounds() {
        return (maxBytes >> 20) + " MiB / " + maxFiles + " files";
    }

    /** An I/O failure in words: a file system exception's message is often only the path. */
    static String why(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
            return fs.getFile() + ": " + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void enforceBounds() throws IOException {
        List<Entry> entries = entries();
        long bytes = 0;
        for (Entry e : entries) {
            bytes += Files.size(e.file());
        }
        for (int i = 0; i < entries.size() && (entries.size() - i > maxFiles || bytes > maxBytes); i++) {
            bytes -= Files.size(entries.get(i).file());
            Files.deleteIfExists(entries.get(i).file());
            dropped++;
        }
    }

    /** The waiting windows in order; names this spool did not write are left alone. */
    private List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pb.gz")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(new Entry(f, Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3))));
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(Entry::seq));
        return out;
    }
}
