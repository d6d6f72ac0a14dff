package profcon.agent.boot;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The agent class of the jar profcon loads into a target: it runs each build's agent in a class
 * loader of its own.
 *
 * <p>A target's system class loader keeps the first class of a name for good, so this class is
 * the only one profcon puts there, and its contract never changes: its arguments are
 * {@code agentJar=PATH;} followed by the agent's own; it calls
 * {@code profcon.agent.ProfconAgent.agentmain(String, Instrumentation)} (or {@code premain}) with
 * the agent's arguments, in a loader over the build jar at PATH whose parent is the platform
 * loader, so no copy an older build left on the system class path is ever seen. Whatever the
 * agent throws reaches {@code loadAgent} as its failure. It sets {@value #CONTRACT_PROPERTY} to
 * {@value #CONTRACT}, which consoles read before they load anything.
 */
public final class AgentBootstrap {
    /** The version of this contract; a console that speaks another one refuses to load. */
    public static final int CONTRACT = 1;
    public static final String CONTRACT_PROPERTY = "profcon.agent.bootstrap";
    public static final String JAR_ARGUMENT = "agentJar=";
    private static final String AGENT_CLASS = "profcon.agent.ProfconAgent";
    private static final Map<Path, BuildLoader> LOADERS = new RecentBuilds<>(2);

    private AgentBootstrap() {
    }

    public static void agentmain(String args, Instrumentation instrumentation) {
        start(args, instrumentation, "agentmain");
    }

    public static void premain(String args, Instrumentation instrumentation) {
        start(args, instrumentation, "premain");
    }

    /** The arguments that make this class run the build in {@code buildJar} with {@code agentArgs}. */
    public static String arguments(Path buildJar, String agentArgs) {
        return JAR_ARGUMENT + buildJar + ";" + agentArgs;
    }

    private static synchronized void start(String args, Instrumentation instrumentation, String entry) {
        System.setProperty(CONTRACT_PROPERTY, Integer.toString(CONTRACT));
        int end = args == null ? -1 : args.indexOf(';');
        if (end < 0 || !args.startsWith(JAR_ARGUMENT)) {
            throw new IllegalArgumentException("profcon agent bootstrap: expected " + JAR_ARGUMENT
                    + "PATH; before the agent's arguments");
        }
        Path jar = Path.of(args.substring(JAR_ARGUMENT.length(), end)).toAbsolutePath().normalize();
        BuildLoader loader = LOADERS.get(jar);
        if (loader == null) {
            loader = BuildLoader.read(jar);
            LOADERS.put(jar, loader);
        }
        call(loader, entry, args.substring(end + 1), instrumentation);
    }

    private static void call(BuildLoader loader, String entry, String args, Instrumentation instrumentation) {
        try {
            Class.forName(AGENT_CLASS, true, loader).getMethod(entry, String.class, Instrumentation.class)
                    .invoke(null, args, instrumentation);
        } catch (InvocationTargetException e) {
            // the agent's own refusal, with its reason: loadAgent must fail with it, not with a wrapper
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("profcon agent bootstrap: " + loader + " holds no " + AGENT_CLASS
                    + "." + entry + ": " + e, e);
        }
    }
}
