package profcon.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import profcon.agent.AgentArgs;
import profcon.agent.ProfconAgent;
import profcon.agent.boot.AgentBootstrap;
import profcon.agent.channel.Wire;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;

/**
 * A JVM profcon is attached to, with its agent loaded and connected. Closing it detaches: the
 * agent stops its recording and threads, the attach connection is released, and the session
 * directory is deleted.
 */
public final class AttachedJvm implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private final JvmProcess process;
    private final SessionDirectory dir;
    private final AgentClient client;
    private final List<String> notes;
    private final Vm vm;
    private boolean closed;

    /** The target's VM as its system properties said at attach: its name and Java feature version. */
    public record Vm(String name, int feature) {
    }

    /** What loading the agent learnt: notes for the user, and the target's VM. */
    private record Loaded(List<String> notes, Vm vm) {
    }

    private AttachedJvm(JvmProcess process, SessionDirectory dir, AgentClient client, Loaded loaded) {
        this.process = process;
        this.dir = dir;
        this.client = client;
        this.notes = loaded.notes();
        this.vm = loaded.vm();
    }

    /** The target's VM, read once at attach: asking the agent would wake the management beans in the target. */
    public Vm vm() {
        return vm;
    }

    /** Attaches to {@code pid} and loads the agent; every failure is an AttachException saying why. */
    public static AttachedJvm attach(long pid) throws AttachException {
        JvmProcess process = checkProcess(pid);
        PendingAttach target = PendingAttach.start(pid);
        Path base;
        Path buildJar;
        try {
            base = SessionDirectory.base();
            buildJar = AgentJar.writeOnce(base, base.resolve("builds"));
        } catch (IOException e) {
            closeQuietly(target);
            throw new AttachException("cannot attach to " + pid + ": " + e.getMessage(), e);
        }
        return attach(process, base, buildJar, target);
    }

    /** Attaches to {@code pid} with the agent build in {@code buildJar}: tests attach with other builds. */
    static AttachedJvm attach(long pid, Path buildJar) throws AttachException {
        JvmProcess process = checkProcess(pid);
        PendingAttach target = PendingAttach.start(pid);
        try {
            return attach(process, SessionDirectory.base(), buildJar, target);
        } catch (IOException e) {
            closeQuietly(target);
            throw new AttachException("cannot attach to " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Everything but the connection to {@code target}, which is being made meanwhile; {@code base} is profcon's directory. */
    private static AttachedJvm attach(JvmProcess process, Path base, Path buildJar, PendingAttach target)
            throws AttachException {
        long pid = process.pid();
        SessionDirectory dir = null;
        try {
            dir = SessionDirectory.create(base);
            Path socket = dir.resolve("ctl.sock");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                String token = RandomHex.of(16);
                AgentArgs args = new AgentArgs(dir.path(), socket, token, ProcFiles.currentPid());
                Loaded loaded = loadAgent(process, target, dir, args, BootJar.write(base), buildJar);
                SocketChannel channel = accept(server, pid, token);
                return new AttachedJvm(process, dir, new AgentClient(channel, pid), loaded);
            }
        } catch (IOException e) {
            closeQuietly(target);
            closeQuietly(dir);
            throw new AttachException("cannot attach to " + pid + ": " + e.getMessage(), e);
        } catch (AttachException | RuntimeException e) {
            closeQuietly(target);
            closeQuietly(dir);
            throw e;
        }
    }

    private static JvmProcess checkProcess(long pid) throws AttachException {
        JvmProcess process = JvmProcess.of(pid)
                .orElseThrow(() -> new AttachException("no process with pid " + pid));
        if (!process.isJvm()) {
            throw new AttachException("pid " + pid + " is not a Java process ("
                    + (process.command().isEmpty() ? "unknown command" : process.command()) + ")");
        }
        String version = process.javaVersion();
        if (!version.isEmpty() && Integer.parseInt(version) < 17) {
            throw new AttachException("target " + pid + " runs Java " + version + "; profcon needs Java 17 or newer");
        }
        // read from the command line, which the OS gives for free (no attach round trip); set another
        // way (JAVA_TOOL_OPTIONS), the option still makes loadAgent fail with the same advice
        if (process.arguments().contains("-XX:-EnableDynamicAgentLoading")) {
            throw new AttachException("target " + pid + " refuses dynamic agents: start it with "
                    + "-XX:+EnableDynamicAgentLoading");
        }
        return process;
    }

    /**
     * Loads the bootstrap's jar, the same for every build, and has it run {@code buildJar} in a
     * class loader of its own: a target never unloads its system class path, so a jar that put the
     * agent itself there would pin the first build that attached.
     */
    private static Loaded loadAgent(JvmProcess process, PendingAttach target, SessionDirectory dir,
                                          AgentArgs args, Path boot, Path buildJar) throws AttachException, IOException {
        long pid = process.pid();
        PendingAttach.Connected connected;
        try {
            connected = target.get();
        } catch (AttachNotSupportedException e) {
            throw new AttachException("target " + pid + " does not accept attach (it may run with "
                    + "-XX:+DisableAttachMechanism, or as another user)", e);
        }
        try {
            Properties system = connected.system();
            List<String> notes = checkTarget(system, process);
            connected.connection().loadAgent(boot.toString(), AgentBootstrap.arguments(buildJar, args.format()));
            return new Loaded(notes, new Vm(system.getProperty("java.vm.name", ""),
                    feature(system.getProperty("java.specification.version", "17"))));
        } catch (AgentLoadException e) {
            throw new AttachException("target " + pid + " refuses dynamic agents: start it with "
                    + "-XX:+EnableDynamicAgentLoading", e);
        } catch (AgentInitializationException e) {
            throw new AttachException("profcon's agent failed to start in target " + pid + ": "
                    + agentError(dir), e);
        } finally {
            target.close();
        }
    }

    /** Refuses a target that cannot take this console's agent now; notes worth telling the user otherwise. */
    private static List<String> checkTarget(Properties system, JvmProcess process) throws AttachException {
        long pid = process.pid();
        checkContract(system.getProperty(AgentBootstrap.CONTRACT_PROPERTY), pid);
        String session = system.getProperty(ProfconAgent.SESSION_PROPERTY);
        if (session != null) {
            throw new AttachException("target " + pid + " already has a profcon session (" + session
                    + "); quit that console first");
        }
        List<String> notes = new ArrayList<>();
        int feature = feature(system.getProperty("java.specification.version", "17"));
        if (feature >= 21 && !process.arguments().contains("-XX:+EnableDynamicAgentLoading")) {
            notes.add("note: Java " + feature + " prints a warning in target " + pid + "'s log each time an agent "
                    + "is loaded; start it with -XX:+EnableDynamicAgentLoading to silence it");
        }
        return notes;
    }

    /**
     * Refuses a target whose resident bootstrap speaks another contract: loading would run that
     * bootstrap with arguments it may not understand. None (never attached, or only by a build from
     * before the bootstrap) is fine.
     */
    private static void checkContract(String contract, long pid) throws AttachException {
        if (contract != null && !contract.equals(Integer.toString(AgentBootstrap.CONTRACT))) {
            throw new AttachException("target " + pid + " holds profcon's agent bootstrap contract " + contract
                    + "; this console speaks contract " + AgentBootstrap.CONTRACT + ": use a profcon at least as new"
                    + " as the one that attached before, or restart the target");
        }
    }

    private static int feature(String version) {
        try {
            return Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 17;
        }
    }

    private static String agentError(SessionDirectory dir) {
        try {
            return Files.readString(dir.resolve(ProfconAgent.ERROR_FILE), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "no reason given (see the target's log)";
        }
    }

    private static SocketChannel accept(ServerSocketChannel server, long pid, String token)
            throws IOException, AttachException {
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            if (selector.select(CONNECT_TIMEOUT.toMillis()) == 0) {
                throw new AttachException("target " + pid + " loaded the agent but it did not connect back within "
                        + CONNECT_TIMEOUT.toSeconds() + " s");
            }
        }
        SocketChannel channel = server.accept();
        channel.configureBlocking(true);
        String hello = Wire.readRequest(new DataInputStream(Channels.newInputStream(channel)));
        try {
            Handshake.check(pid, token, hello);
        } catch (AttachException e) {
            channel.close(); // the agent reads end of file and ends its session
            throw e;
        }
        return channel;
    }

    public long pid() {
        return process.pid();
    }

    public JvmProcess process() {
        return process;
    }

    /** The session directory: where files the target is asked to write (the native engine's recording) go. */
    public Path directory() {
        return dir.path();
    }

    /** The channel to the agent: what the console talks through. */
    public AgentChannel channel() {
        return client;
    }

    /** The same channel as the socket client, which also sends raw lines (for tests that probe the agent). */
    public AgentClient client() {
        return client;
    }

    /** Things worth telling the user about this attach (e.g. the JDK 21+ agent warning). */
    public List<String> notes() {
        return notes;
    }

    /** The target's description from the agent, as ordered key/value pairs. */
    public Reply.Info info() throws IOException {
        return client.call(new Request.Info());
    }

    public boolean isClosed() {
        return closed;
    }

    /** Detaches: the agent ends its session (recording, threads); then local resources are released. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (client.isOpen()) {
                client.call(new Request.Detach());
            }
        } catch (IOException e) {
            // the target is gone or the agent already ended: nothing is left there to stop
        }
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
        closeQuietly(dir);
    }

    private static void closeQuietly(SessionDirectory dir) {
        if (dir == null) {
            return;
        }
        try {
            dir.close();
        } catch (IOException ignored) {
            // a temp directory left behind is harmless; it holds nothing of the target's
        }
    }

    private static void closeQuietly(PendingAttach target) {
        try {
            target.close();
        } catch (IOException ignored) {
            // the attach connection is gone with the failure that brought us here
        }
    }
}
