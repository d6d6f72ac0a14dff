package profcon.attach;

import java.io.IOException;
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

    private BootJar() {
    }

    /**
     * The bootstrap's jar in {@code dir}, written once: whichever build writes it first, its
     * bootstrap keeps the contract the name stands for. The name is a hash of the contract so
     * that it reads like every profcon agent jar, {@code profcon-agent-HEX.jar}.
     */
    public static Path write(Path dir) throws IOException {
        String contract = "profcon agent bootstrap contract " + AgentBootstrap.CONTRACT;
        String name = "profcon-agent-" + ClassFiles.hash(contract) + ".jar";
        return ClassFiles.read(ClassFiles.sourceOf(AgentBootstrap.class), path -> path.startsWith(BOOT_DIR))
                .writeJar(dir.resolve(name), AgentBootstrap.class.getName());
    }
}
