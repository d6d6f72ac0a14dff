package profcon.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Which build jar the agent classes of a source (profcon's jar or classes directory) were written
 * to, so that attaching again neither reads nor hashes them. A source is known by its stamp: its
 * path, size, modification time and file key, or for a directory those of every class under the
 * agent's package; any rebuild changes it.
 */
final class BuildIndex {
    private static final String SEPARATOR = "\n=> ";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private BuildIndex() {
    }

    /** The stamp of the agent classes under {@code packageDir} in {@code source}. */
    static String stamp(Path source, String packageDir) throws IOException {
        StringBuilder stamp = new StringBuilder(source.toAbsolutePath().toString()).append('\n');
        if (!Files.isDirectory(source)) {
            return stamp.append(attributes(source)).toString();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source.resolve(packageDir))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            stamp.append(source.relativize(f)).append(' ').append(attributes(f)).append('\n');
        }
        return stamp.toString();
    }

    /** The build jar recorded in the index {@code dir} for {@code stamp}, if it is still there; null otherwise. */
    static Path find(Path dir, String stamp) throws IOException {
        String entry;
        try {
            entry = Files.readString(entryFile(dir, stamp), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        int split = entry.lastIndexOf(SEPARATOR);
        // another stamp with the same hash code is simply no entry for this one
        if (split < 0 || !entry.substring(0, split).equals(stamp)) {
            return null;
        }
        Path jar = Path.of(entry.substring(split + SEPARATOR.length()));
        return Files.isRegularFile(jar) ? jar : null;
    }

    /** Records in the index {@code dir} that the classes stamped {@code stamp} are in {@code jar}. */
    static void remember(Path dir, String stamp, Path jar) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(dir, OWNER_ONLY); // like every directory of profcon's: its user's alone
        Path tmp = Files.createTempFile(dir, ".index-", ".tmp");
        try {
            Files.writeString(tmp, stamp + SEPARATOR + jar.toAbsolutePath(), StandardCharsets.UTF_8);
            Files.move(tmp, entryFile(dir, stamp), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path entryFile(Path dir, String stamp) {
        return dir.resolve("profcon-source-" + Integer.toHexString(stamp.hashCode()) + ".txt");
    }

    private static String attributes(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + a.fileKey();
    }
}
