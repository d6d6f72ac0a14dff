package profcon.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * async-profiler's native library for this OS and architecture, taken from the
 * {@code tools.profiler:async-profiler} jar on profcon's class path and written once into
 * profcon's own directory, under a name carrying its hash; every use checks size and hash, so a
 * target never loads a file someone changed.
 */
public final class NativeLibrary {
    private static final String FILE = "libasyncProfiler.so";

    private final String resource;
    private final byte[] content;
    private final String hash;

    private NativeLibrary(String resource, byte[] content) {
        this.resource = resource;
        this.content = content;
        this.hash = sha256(content);
    }

    /** The library for this machine; empty when profcon carries none for it (or the jar is not on the class path). */
    public static Optional<NativeLibrary> forThisPlatform() {
        return platform(System.getProperty("os.name"), System.getProperty("os.arch")).flatMap(NativeLibrary::load);
    }

    /** The jar's directory for an OS and architecture: linux-x64, linux-arm64, macos; empty for others. */
    static Optional<String> platform(String os, String arch) {
        String o = os.toLowerCase(Locale.ROOT);
        if (o.startsWith("mac")) {
            return Optional.of("macos");
        }
        if (!o.startsWith("linux")) {
            return Optional.empty();
        }
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of("linux-x64");
            case "aarch64", "arm64" -> Optional.of("linux-arm64");
            default -> Optional.empty();
        };
    }

    private static Optional<NativeLibrary> load(String platform) {
        String resource = platform + "/" + FILE;
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new NativeLibrary(resource, in.readAllBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where the library comes from in the jar ({@code linux-x64/libasyncProfiler.so}). */
    public String resource() {
        return resource;
    }

    /**
     * The library written into {@code dir} (profcon's own, owner-only directory), once: an existing
     * file of the right size and hash is reused, any other is replaced.
     */
    public Path install(Path dir) throws IOException {
        Path file = dir.resolve("libasyncProfiler-" + hash.substring(0, 16) + ".so");
        if (intact(file)) {
            return file;
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path tmp = Files.createTempFile(dir, ".lib-", ".tmp");
        try {
            Files.write(tmp, content);
            // the target runs as the same user (attach requires it): owner-read is all it needs
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--------"));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (!intact(file)) {
            throw new IOException("the native library written to " + file + " does not match profcon's copy");
        }
        return file;
    }

    private boolean intact(Path file) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == content.length
                && sha256(Files.readAllBytes(file)).equals(hash);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
