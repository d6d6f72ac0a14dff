package profcon.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import profcon.agent.labels.ApplicationLabels;
import profcon.agent.timing.MethodMatches;

/**
 * Entry point of the agent that profcon loads into a target JVM.
 *
 * <p>Every {@code loadAgent} re-enters {@link #agentmain}: through the bootstrap
 * ({@code profcon.agent.boot}), which runs each build in a class loader of its own, or directly when
 * a jar names this class at JVM start. The one running session of this build is held here. A bad
 * argument or a second session makes {@code agentmain} throw, so the console's {@code loadAgent}
 * fails instead of "succeeding" with nothing running; the reason is also written to
 * {@code agent-error.txt} in the session directory (when that directory is valid),
 * because the attach protocol carries no message back.
 */
public final class ProfconAgent {
    /** Set once the agent has been loaded into this JVM: consoles check it before loading again. */
    public static final String LOADED_PROPERTY = "profcon.agent.version";
    /** Set while a console is connected: "console PID since EPOCH-MILLIS". */
    public static final String SESSION_PROPERTY = "profcon.agent.session";
    public static final String ERROR_FILE = "agent-error.txt";
    public static final String VERSION = "0.1.0";

    private static AgentSession current;

    private ProfconAgent() {
    }

    public static void agentmain(String args, Instrumentation instrumentation) {
        ApplicationLabels.use(instrumentation);
        MethodMatches.use(instrumentation);
        start(args);
    }

    public static void premain(String args, Instrumentation instrumentation) {
        ApplicationLabels.use(instrumentation);
        MethodMatches.use(instrumentation);
        start(args);
    }

    static synchronized void start(String text) {
        try {
            AgentArgs args = AgentArgs.parse(text);
            // another build's agent, in a loader of its own, may hold the session: the property is shared
            if ((current != null && current.isOpen()) || System.getProperty(SESSION_PROPERTY) != null) {
                throw new IllegalStateException("profcon agent: a profcon session is already active on this JVM ("
                        + System.getProperty(SESSION_PROPERTY, "?") + ")");
            }
            current = AgentSession.open(args);
            System.setProperty(LOADED_PROPERTY, VERSION);
        } catch (RuntimeException | IOException e) {
            reportError(text, e);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    static synchronized void ended(AgentSession session) {
        if (current == session) {
            current = null;
        }
    }

    /** The session now active, or null: for tests inside the same JVM. */
    static synchronized AgentSession current() {
        return current;
    }

    private static void reportError(String text, Exception e) {
        Path dir = AgentArgs.dirOf(text);
        if (dir == null) {
            return;
        }
        try {
            // CREATE_NEW never follows a link nor overwrites: an existing file (the first error) stays
            Files.write(dir.resolve(ERROR_FILE), String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException ignored) {
            // already there, or not writable: the console still sees loadAgent fail; the reason is then only in the target's log
        }
    }
}
