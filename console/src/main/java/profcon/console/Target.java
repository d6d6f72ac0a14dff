package profcon.console;

import java.io.IOException;
import profcon.agent.protocol.Reply;
import profcon.attach.AgentChannel;
import profcon.attach.AgentClient;
import profcon.attach.AttachedJvm;

/**
 * The JVM the console is attached to, and, for {@code --demo}, the demo process the console
 * started and must stop when it leaves.
 */
public final class Target implements AutoCloseable {
    private final AttachedJvm jvm;
    private final Process owned;

    public Target(AttachedJvm jvm, Process owned) {
        this.jvm = jvm;
        this.owned = owned;
    }

    public long pid() {
        return jvm.pid();
    }

    /** The channel to the target's agent: every command's requests go through it. */
    public AgentChannel channel() {
        return jvm.channel();
    }

    /** The socket client, which also sends raw lines: for tests that speak to the agent directly. */
    public AgentClient client() {
        return jvm.client();
    }

    public Reply.Info info() throws IOException {
        return jvm.info();
    }

    public AttachedJvm jvm() {
        return jvm;
    }

    public boolean isAlive() {
        return jvm.process() != null && ProcessHandle.of(jvm.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Detaches, then stops the demo target if the console started it. */
    @Override
    public void close() {
        jvm.close();
        if (owned != null) {
            owned.destroy();
            try {
                if (!owned.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    owned.destroyForcibly();
                }
            } catch (InterruptedException e) {
                owned.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
