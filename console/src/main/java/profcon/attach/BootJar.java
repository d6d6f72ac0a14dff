package profcon.attach;

import java.io.IOException;
import java.nio.file.Path;
import profcon.agent.boot.AgentBootstrap;

/**
 * Writes the jar a target loads: the agent bootstrap alone. Its classes change only with the
 * bootstrap's contract, so consoles of every build write the same jar to the same path, and a
 * target keeps one jar open however many builds attach to it.
 */
public final class BootJar {
    private static final String BOOT_DIR = AgentBootstrap.class.getPackageName().replace('.', '/') + "/";

    private BootJar() {
    }

    /** The bootstrap's jar in {@code dir}, written once. */
    public static Path write(Path dir) throws IOException {
        return ClassFiles.read(ClassFiles.sourceOf(AgentBootstrap.class), name -> name.startsWith(BOOT_DIR))
                .writeJar(dir, "profcon-agent-", AgentBootstrap.class.getName());
    }
}
