package profcon.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import profcon.agent.boot.AgentBootstrap;

/**
 * Writes the jar a target loads: the agent bootstrap alone. It is named after the bootstrap's
 * contract, not its bytes (which differ between compilers, Maven's and JBang's), so consoles of
 * every build that speak one contract load the same path, and a target keeps one jar open however
 * many builds attach to it.
 */
public final class BootJar {
    private static final String BOOT_DIR = AgentBootstrap.class.getPackageName().replace('.', '/') + "/";
    /**
     * 16 hex digits of SHA-256 of {@code contractText()}, written out: hashing on every attach would
     * start the JDK's security providers (BootJarTest checks the digits against the hash).
     */
    static final String NAME = "profcon-agent-814794a06e6dff21.jar";

    private BootJar() {
    }

    /**
     * The bootstrap's jar in {@code dir}, written once: whichever build writes it first, its
     * bootstrap keeps the contract the name stands for. The name is a hash of the contract so
     * that it reads like every profcon agent jar, {@code profcon-agent-HEX.jar}.
     */
    public static Path write(Path dir) throws IOException {
        Path jar = dir.resolve(NAME);
        if (Files.isRegularFile(jar)) {
            return jar; // every attach but the first: nothing to read
        }
        return ClassFiles.read(ClassFiles.sourceOf(AgentBootstrap.class), path -> path.startsWith(BOOT_DIR))
                .writeJar(jar, AgentBootstrap.class.getName());
    }

    /** What {@link #NAME} is a hash of. */
    static String contractText() {
        return "profcon agent bootstrap contract " + AgentBootstrap.CONTRACT;
    }
}
