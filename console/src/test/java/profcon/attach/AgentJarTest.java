package profcon.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.ProfconAgent;
import profcon.agent.jfr.Recipes;

/** The agent jar holds the whole agent, subpackages included, whether read from a jar or a classes directory. */
class AgentJarTest {
    private static final String SUBPACKAGE_CLASS = "profcon/agent/jfr/Recipes.class";

    @Test
    void fromAJarTheAgentKeepsItsSubpackagesAndLoads(@TempDir Path dir) throws Exception {
        Path written = AgentJar.write(Files.createDirectory(dir.resolve("session")), agentJar(dir));
        assertAgentJar(written);
    }

    @Test
    void fromAClassesDirectoryTheAgentKeepsItsSubpackagesAndLoads(@TempDir Path dir) throws Exception {
        Path written = AgentJar.write(Files.createDirectory(dir.resolve("session")), agentDirectory(dir));
        assertAgentJar(written);
    }

    private static void assertAgentJar(Path written) throws Exception {
        try (JarFile jar = new JarFile(written.toFile())) {
            assertThat(jar.getEntry(SUBPACKAGE_CLASS)).as(SUBPACKAGE_CLASS).isNotNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Agent-Class"))
                    .isEqualTo(ProfconAgent.class.getName());
        }
        // The platform loader as parent: the classes can come from nowhere but the written jar, as in a target.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {written.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> recipes = Class.forName(Recipes.class.getName(), true, loader);
            assertThat(recipes.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(written.toUri().toURL());
            // Listing the kinds links the jfr, wall, profile and encoding subpackages from the jar too.
            Method names = recipes.getMethod("names");
            assertThat(names.invoke(null)).isEqualTo(Recipes.names());
        }
    }

    /** A jar of the agent's classes: the attach-helpers jar itself, or one made from its classes directory. */
    private static Path agentJar(Path dir) throws Exception {
        Path source = agentSource();
        if (!Files.isDirectory(source)) {
            return source;
        }
        Path jar = dir.resolve("attach-helpers.jar");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source.resolve("profcon/agent"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path f : files) {
                out.putNextEntry(new JarEntry(source.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The agent's classes directory, or the attach-helpers jar unpacked into one. */
    private static Path agentDirectory(Path dir) throws Exception {
        Path source = agentSource();
        if (Files.isDirectory(source)) {
            return source;
        }
        Path classes = dir.resolve("classes");
        try (JarFile jar = new JarFile(source.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    Path to = classes.resolve(entry.getName());
                    Files.createDirectories(to.getParent());
                    try (InputStream in = jar.getInputStream(entry); OutputStream out = Files.newOutputStream(to)) {
                        in.transferTo(out);
                    }
                }
            }
        }
        return classes;
    }

    private static Path agentSource() throws Exception {
        return Path.of(ProfconAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
