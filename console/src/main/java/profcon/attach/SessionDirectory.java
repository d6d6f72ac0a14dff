package profcon.attach;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
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
    private static final String OWNER_FILE = "console.pid";
    private final Path path;

    private SessionDirectory(Path path) {
        this.path = path;
    }

    public static SessionDirectory create() throws IOException {
        return create(base());
    }

    /** A new session directory in {@code base}, which {@link #base()} gave (and checked) already. */
    static SessionDirectory create(Path base) throws IOException {
        Path dir = createPrivate(base);
        Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcFiles.currentPid()));
        return new SessionDirectory(dir.toAbsolutePath());
    }

    /** A new owner-only directory {@code s<random>} in {@code base}: named here, as createTempDirectory would start SecureRandom. */
    private static Path createPrivate(Path base) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(base.resolve("s" + RandomHex.of(6)),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Deletes session directories whose console is gone (killed before it could clean up). Done when
     * a session ends, not when one starts: housekeeping must not delay the first answer.
     */
    private static void sweepAbandoned(Path base) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, "s*")) {
            for (Path d : dirs) {
                if (Files.isDirectory(d) && abandoned(d)) {
                    new SessionDirectory(d).delete();
                }
            }
        } catch (IOException ignored) {
            // sweeping is housekeeping; another console may be sweeping the same directory
        }
    }

    private static boolean abandoned(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            // no owner file: a directory from before owners were recorded, or half-made; old ones go
            try {
                return Files.getLastModifiedTime(dir).toMillis() < System.currentTimeMillis() - 3_600_000;
            } catch (IOException gone) {
                return false;
            }
        }
    }

    /** The user's profcon directory (owner-only), parent of every session directory and home of the agent jar. */
    public static Path base() throws IOException {
        Path base = Path.of(System.getProperty("profcon.sessions",
                System.getProperty("java.io.tmpdir") + "/profcon-" + System.getProperty("user.name")));
        Files.createDirectories(base, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (!Files.getOwner(base).getName().equals(System.getProperty("user.name"))) {
            throw new IOException(base + " belongs to another user; set -Dprofcon.sessions to a directory of yours");
        }
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
        return base;
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Deletes the directory and everything in it, then those of consoles that died without closing theirs. */
    @Override
    public void close() throws IOException {
        delete();
        sweepAbandoned(path.getParent());
    }

    private void delete() throws IOException {
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
