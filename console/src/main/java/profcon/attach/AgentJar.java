package profcon.attach;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import profcon.agent.ProfconAgent;

/**
 * Writes the agent jar into the session directory from the agent classes on profcon's own class
 * path, whether they come from a Maven-built jar, a classes directory or a JBang build; so the
 * jar loaded into the target is always the code the console was built with.
 */
public final class AgentJar {
    private static final String PACKAGE_DIR = ProfconAgent.class.getPackageName().replace('.', '/') + "/";

    private AgentJar() {
    }

    /**
     * The agent jar for this build, written once into {@code dir} under a name that is a hash of
     * its classes. A target appends an agent jar to its class path and keeps it open for good;
     * reusing one path means re-attaching opens nothing new (the class path ignores a repeat).
     */
    public static Path write(Path dir) throws IOException {
        return write(dir, agentSource());
    }

    /** {@link #write(Path)} from the agent classes in {@code source}: a classes directory or a jar. */
    static Path write(Path dir, Path source) throws IOException {
        Map<String, byte[]> classes = Files.isDirectory(source) ? fromDirectory(source) : fromJar(source);
        if (classes.isEmpty()) {
            throw new IOException("no agent classes found in " + source);
        }
        Path jar = dir.resolve("profcon-agent-" + hash(classes) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path tmp = Files.createTempFile(dir, ".agent-", ".tmp");
        try {
            writeJar(tmp, classes);
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another console wrote the same jar first: it is identical
        } finally {
            Files.deleteIfExists(tmp);
        }
        return jar;
    }

    private static void writeJar(Path file, Map<String, byte[]> classes) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Agent-Class", ProfconAgent.class.getName());
        main.putValue("Premain-Class", ProfconAgent.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                out.putNextEntry(new JarEntry(c.getKey()));
                out.write(c.getValue());
                out.closeEntry();
            }
        }
    }

    private static String hash(Map<String, byte[]> classes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                sha.update(c.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(c.getValue());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Path agentSource() throws IOException {
        try {
            return Path.of(ProfconAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot find where profcon's agent classes are: " + e);
        }
    }

    /** Every class under the agent's package, subpackages included: the agent is split by concern. */
    private static Map<String, byte[]> fromDirectory(Path source) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        Path agent = source.resolve(PACKAGE_DIR);
        if (!Files.isDirectory(agent)) {
            return classes;
        }
        List<Path> found;
        try (Stream<Path> files = Files.walk(agent)) {
            found = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path f : found) {
            classes.put(source.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
        return classes;
    }

    /** Every class under the agent's package in a jar (Maven's or JBang's, which holds the console too). */
    private static Map<String, byte[]> fromJar(Path source) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile jar = new JarFile(source.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().startsWith(PACKAGE_DIR) && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }
}
