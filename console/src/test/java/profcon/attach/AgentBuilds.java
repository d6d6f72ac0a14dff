package profcon.attach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import profcon.agent.ProfconAgent;

/**
 * Agent builds for tests: this one, builds that differ from it by a marker entry only (so their
 * hash, hence their build id, differs), and a jar as consoles from before the bootstrap wrote it.
 */
final class AgentBuilds {
    private AgentBuilds() {
    }

    /** This build's agent jar, as the console writes it. */
    static Path current() throws IOException {
        return AgentJar.write(SessionDirectory.base());
    }

    /** This build's classes plus a marker class entry (never loaded) named after {@code marker}. */
    static Path variant(String marker, Path work) throws IOException {
        Path source = work.resolve("source-" + marker + ".jar");
        copyWithMarker(current(), source, marker, new Manifest());
        return AgentJar.write(SessionDirectory.base(), source);
    }

    /**
     * A jar as builds before the bootstrap loaded it: the agent classes, a marker, and a manifest
     * naming {@link ProfconAgent} itself, so that a target puts the agent in its system class loader.
     */
    static Path preBootstrap(Path work) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Agent-Class", ProfconAgent.class.getName());
        Path jar = work.resolve("profcon-agent-old.jar");
        copyWithMarker(current(), jar, "old", manifest);
        return jar;
    }

    private static void copyWithMarker(Path from, Path to, String marker, Manifest manifest) throws IOException {
        try (JarFile in = new JarFile(from.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(to), manifest)) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().endsWith(".class")) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream bytes = in.getInputStream(entry)) {
                        bytes.transferTo(out);
                    }
                }
            }
            out.putNextEntry(new JarEntry("profcon/agent/BuildMarker" + marker + ".class"));
            out.write(("build " + marker).getBytes(StandardCharsets.UTF_8));
        }
    }
}
