package profcon.attach;

import java.io.IOException;
import java.nio.file.Path;
import profcon.agent.ProfconAgent;
import profcon.agent.boot.AgentBootstrap;

/**
 * Writes this build's agent jar (every agent class but the bootstrap's) into the session
 * directory, from the agent classes on profcon's own class path, whether they come from a
 * Maven-built jar, a classes directory or a JBang build; so the agent a target runs is always
 * the code the console was built with. Its name, a hash of its classes, is the build's id.
 */
public final class AgentJar {
    private static final String PACKAGE_DIR = ProfconAgent.class.getPackageName().replace('.', '/') + "/";
    private static final String BOOT_DIR = AgentBootstrap.class.getPackageName().replace('.', '/') + "/";

    private AgentJar() {
    }

    /**
     * The agent jar for this build, written once into {@code dir}. The bootstrap reads it into a
     * class loader of its own; its manifest also names {@link ProfconAgent}, so that it stays a
     * complete agent for a JVM given it at start ({@code -javaagent}).
     */
    public static Path write(Path dir) throws IOException {
        return write(dir, ClassFiles.sourceOf(ProfconAgent.class));
    }

    /** {@link #write(Path)} from the agent classes in {@code source}: a classes directory or a jar. */
    static Path write(Path dir, Path source) throws IOException {
        ClassFiles classes = ClassFiles.read(source,
                name -> name.startsWith(PACKAGE_DIR) && !name.startsWith(BOOT_DIR));
        return classes.writeJar(dir.resolve("profcon-build-" + classes.hash() + ".jar"), ProfconAgent.class.getName());
    }

    /**
     * {@link #write(Path)}, remembered in the directory {@code index} by the stamp of profcon's own
     * classes ({@link BuildIndex}): each build reads and hashes its agent classes once, and every
     * later attach only looks its jar up.
     */
    public static Path writeOnce(Path dir, Path index) throws IOException {
        Path source = ClassFiles.sourceOf(ProfconAgent.class);
        String stamp = BuildIndex.stamp(source, PACKAGE_DIR);
        Path known = BuildIndex.find(index, stamp);
        if (known != null && known.getParent().equals(dir.toAbsolutePath())) {
            return known;
        }
        Path jar = write(dir, source);
        // a source rebuilt while it was read must not be remembered under the stamp it had before
        if (BuildIndex.stamp(source, PACKAGE_DIR).equals(stamp)) {
            BuildIndex.remember(index, stamp, jar);
        }
        return jar;
    }
}
