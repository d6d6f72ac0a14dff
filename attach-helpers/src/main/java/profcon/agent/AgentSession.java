package profcon.agent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;
import profcon.agent.channel.Wire;
import profcon.agent.jfr.Recipes;
import profcon.agent.profile.Collector;
import profcon.agent.profile.ProfileKind;
import profcon.agent.profile.SamplingOptions;
import profcon.agent.threads.Diagnostics;

/**
 * One console's session inside the target: the channel to the console and the profile being
 * collected, if any.
 *
 * <p>The agent never listens: it connects to the Unix-domain socket the console opened in its
 * private session directory. Requests are served one at a time on the thread
 * {@code profcon-channel}. When the console says {@code detach}, or disappears (the socket
 * reaches end of file, as it does when the console process dies), the session stops its
 * sampler, joins its threads and ends: nothing of profcon keeps running in the target.
 */
final class AgentSession implements Runnable {
    private final AgentArgs args;
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Thread thread;
    private final TargetInfo info = new TargetInfo();
    private final Diagnostics diagnostics;
    private volatile boolean open = true;
    private boolean released; // touched only by the channel thread
    private Collector sampler;
    private long finishedSamplersCpu;

    private AgentSession(AgentArgs args, SocketChannel channel) throws IOException {
        this.args = args;
        this.channel = channel;
        this.in = new DataInputStream(Channels.newInputStream(channel));
        this.out = new DataOutputStream(Channels.newOutputStream(channel));
        this.diagnostics = new Diagnostics(args.dir());
        this.thread = new Thread(this, "profcon-channel");
        this.thread.setDaemon(true);
    }

    static AgentSession open(AgentArgs args) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(args.socket()));
            AgentSession session = new AgentSession(args, channel);
            Wire.writeRequest(session.out, "hello token=" + args.token() + " pid=" + ProcessHandle.current().pid());
            System.setProperty(ProfconAgent.SESSION_PROPERTY,
                    "console " + args.consolePid() + " since " + System.currentTimeMillis());
            session.thread.start();
            return session;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    boolean isOpen() {
        return open;
    }

    Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        try {
            while (open) {
                String request = Wire.readRequest(in);
                Wire.Reply reply = handle(request);
                Wire.writeReply(out, reply);
            }
        } catch (IOException e) {
            // end of file or a broken pipe: the console is gone
        } finally {
            end();
        }
    }

    private Wire.Reply handle(String request) {
        List<String> words = Arrays.asList(request.trim().split("\\s+"));
        try {
            if (Diagnostics.REQUESTS.contains(words.get(0))) {
                return diagnostics.handle(words);
            }
            return switch (words.get(0)) {
                case "info" -> ok(info.describe(sampler, agentCpuNanos()));
                case "start" -> start(words.subList(1, words.size()));
                case "progress" -> ok(progress());
                case "stop" -> stop();
                case "snapshot" -> snapshot();
                case "detach" -> {
                    release(); // before the reply: a console that reads "detached" finds the target free
                    yield ok("detached");
                }
                default -> error("unknown request '" + words.get(0) + "'");
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            return error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
            return error("interrupted");
        } catch (RuntimeException | LinkageError e) {
            return error("agent error: " + e);
        }
    }

    private Wire.Reply start(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("start needs a profile kind (" + Recipes.names() + ")");
        }
        if (sampler != null) {
            throw new IllegalStateException("a " + sampler.kind() + " profile is already being collected");
        }
        ProfileKind kind = Recipes.named(words.get(0));
        SamplingOptions options = SamplingOptions.parse(kind.defaults(), words.subList(1, words.size()));
        Collector s = kind.collector(options);
        s.start();
        sampler = s;
        return ok("started " + kind.kind() + " " + s.settings());
    }

    /** CPU used by this session's threads: the channel, and every sampler so far. */
    private long agentCpuNanos() {
        long channelCpu = Math.max(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        return channelCpu + finishedSamplersCpu + (sampler == null ? 0 : sampler.cpuNanos());
    }

    private String progress() {
        if (sampler == null) {
            return "running=false";
        }
        return "running=true kind=" + sampler.kind() + " elapsed_ms=" + sampler.elapsed().toMillis()
                + " events=" + sampler.events();
    }

    private Wire.Reply stop() throws InterruptedException {
        if (sampler == null) {
            throw new IllegalStateException("no profile is being collected");
        }
        Collector s = sampler;
        sampler = null;
        byte[] profile = s.stop();
        finishedSamplersCpu += s.cpuNanos();
        return new Wire.Reply(Wire.OK, "events=" + s.events() + " elapsed_ms=" + s.elapsed().toMillis(), profile);
    }

    /** The profile so far, without stopping: the console keeps it in case the target dies mid-profile. */
    private Wire.Reply snapshot() {
        if (sampler == null) {
            throw new IllegalStateException("no profile is being collected");
        }
        return new Wire.Reply(Wire.OK, "events=" + sampler.events() + " elapsed_ms=" + sampler.elapsed().toMillis(),
                sampler.snapshot());
    }

    private void end() {
        release();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket whose peer is gone has nothing left to report
        }
    }

    /**
     * Stops the sampler (joining its thread) and frees the JVM for the next session. Only once: a
     * second call, from {@link #end} after a detach, must not clear the property of a session that
     * may have started since.
     */
    private void release() {
        open = false;
        if (released) {
            return;
        }
        released = true;
        try {
            if (sampler != null) {
                sampler.abort();
                sampler = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.clearProperty(ProfconAgent.SESSION_PROPERTY);
        ProfconAgent.ended(this);
    }

    private static Wire.Reply ok(String message) {
        return new Wire.Reply(Wire.OK, message, new byte[0]);
    }

    private static Wire.Reply error(String message) {
        return new Wire.Reply(Wire.ERROR, message, new byte[0]);
    }

    AgentArgs args() {
        return args;
    }
}
