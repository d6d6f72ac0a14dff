package profcon.attach;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Class files picked from profcon's own classes (a classes directory, the Maven jar or JBang's jar),
 * and written as an agent jar.
 */
final class ClassFiles {
    private final Map<String, byte[]> files;

    private ClassFiles(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Where {@code type} was loaded from: a classes directory or a jar. */
    static Path sourceOf(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot find where profcon's agent classes are: " + e);
        }
    }

    /** The class files in {@code source} whose path in a jar ({@code a/b/C.class}) is {@code wanted}. */
    static ClassFiles read(Path source, Predicate<String> wanted) throws IOException {
        Predicate<String> classes = name -> name.endsWith(".class") && wanted.test(name);
        Map<String, byte[]> files = Files.isDirectory(source)
                ? fromDirectory(source, classes) : fromJar(source, classes);
        if (files.isEmpty()) {
            throw new IOException("no agent classes found in " + source);
        }
        return new ClassFiles(files);
    }

    /**
     * {@code jar}, written with these classes and a manifest naming {@code agentClass} unless it
     * exists: the caller names it after what it holds, so an existing one serves as well.
     */
    Path writeJar(Path jar, String agentClass) throws IOException {
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path tmp = Files.createTempFile(jar.getParent(), ".agent-", ".tmp");
        try {
            write(tmp, agentClass);
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another console wrote it first: same name, same classes (or, for the bootstrap, same contract)
        } finally {
            Files.deleteIfExists(tmp);
        }
        return jar;
    }

    private void write(Path file, String agentClass) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Agent-Class", agentClass);
        main.putValue("Premain-Class", agentClass);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            for (Map.Entry<String, byte[]> c : files.entrySet()) {
                out.putNextEntry(new JarEntry(c.getKey()));
                out.write(c.getValue());
                out.closeEntry();
            }
        }
    }

    /** 16 hex digits of a hash of these classes, names and bytes. */
    String hash() {
        MessageDigest sha = sha256();
        for (Map.Entry<String, byte[]> c : files.entrySet()) {
            sha.update(c.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update(c.getValue());
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    /** 16 hex digits of a hash of {@code text}. */
    static String hash(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Map<String, byte[]> fromDirectory(Path source, Predicate<String> wanted) throws IOException {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(source)) {
            found = walk.filter(Files::isRegularFile).toList();
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (Path f : found) {
            String name = source.relativize(f).toString().replace('\\', '/');
            if (wanted.test(name)) {
                files.put(name, Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static Map<String, byte[]> fromJar(Path source, Predicate<String> wanted) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (JarFile jar = new JarFile(source.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (wanted.test(entry.getName())) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }
}
