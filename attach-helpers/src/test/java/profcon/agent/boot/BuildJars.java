package profcon.agent.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import profcon.agent.ProfconAgent;

/** Jars of this module's compiled classes, as the console writes them for a target, for the bootstrap's tests. */
final class BuildJars {
    private BuildJars() {
    }

    /** A jar of the class files under {@code folder} (e.g. {@code profcon/agent}) of this build. */
    static Path of(Path jar, String folder) throws Exception {
        Path classes = Path.of(ProfconAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve(folder))) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path f : files) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The files this process has open, by path: what a loader kept open shows here. */
    static List<Path> openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd);
                } catch (IOException closedMeanwhile) {
                    return fd;
                }
            }).toList();
        }
    }
}
