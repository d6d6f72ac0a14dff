package profcon.attach;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The private directory of one console session: the agent jar, the channel's socket, and any
 * file the agent is asked to write live here and nowhere else. Owner-only permissions; kept
 * short because a Unix socket path is limited to about 100 bytes.
 */
public final class SessionDirectory implements AutoCloseable {
    private final Path path;

    private SessionDirectory(Path path) {
        this.path = path;
    }

    public static SessionDirectory create() throws IOException {
        Path base = Path.of(System.getProperty("profcon.sessions",
                System.getProperty("java.io.tmpdir") + "/profcon-" + System.getProperty("user.name")));
        Files.createDirectories(base, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
        Path dir = Files.createTempDirectory(base, "s",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new SessionDirectory(dir.toAbsolutePath());
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Deletes the directory and everything in it. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
