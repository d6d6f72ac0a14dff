package profcon.attach;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Map<String, byte[]> classes = new TreeMap<>();
        for (String entry : agentClassEntries()) {
            try (InputStream in = ProfconAgent.class.getClassLoader().getResourceAsStream(entry)) {
                if (in == null) {
                    throw new IOException("agent class " + entry + " is missing from profcon's class path");
                }
                classes.put(entry, in.readAllBytes());
            }
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

    private static List<String> agentClassEntries() throws IOException {
        Path source;
        try {
            source = Path.of(ProfconAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot find where profcon's agent classes are: " + e);
        }
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source.resolve(PACKAGE_DIR))) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> entries.add(source.relativize(f).toString().replace('\\', '/')));
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.startsWith(PACKAGE_DIR) && name.endsWith(".class")
                            && name.indexOf('/', PACKAGE_DIR.length()) < 0) {
                        entries.add(name);
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IOException("no agent classes found in " + source);
        }
        return entries;
    }

}
