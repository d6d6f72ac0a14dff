package profcon.agent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import profcon.agent.channel.Wire;
import profcon.agent.protocol.Codec;
import profcon.agent.protocol.Hello;

/**
 * One console's session inside the target: the channel to the console and the profile being
 * collected, if any.
 *
 * <p>The agent never listens: it connects to the Unix-domain socket the console opened in its
 * private session directory, greets it with a {@link Hello} (token, protocol, build), then serves
 * its requests one at a time on the thread {@code profcon-channel}, through a {@link RequestHandler}.
 * When the console says {@code detach}, or disappears (the socket reaches end of file, as it does
 * when the console process dies), the session stops its sampler, joins its threads and ends:
 * nothing of profcon keeps running in the target.
 */
final class AgentSession implements Runnable {
    private final AgentArgs args;
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Thread thread;
    private final RequestHandler requests;
    private volatile boolean open = true;
    private boolean released; // touched only by the channel thread

    private AgentSession(AgentArgs args, SocketChannel channel) throws IOException {
        this.args = args;
        this.channel = channel;
        this.in = new DataInputStream(Channels.newInputStream(channel));
        this.out = new DataOutputStream(Channels.newOutputStream(channel));
        this.requests = new RequestHandler(args.dir(), this::release);
        this.thread = new Thread(this, "profcon-channel");
        this.thread.setDaemon(true);
    }

    static AgentSession open(AgentArgs args) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(args.socket()));
            AgentSession session = new AgentSession(args, channel);
            Wire.writeRequest(session.out, Codec.encode(Hello.of(args.token(), ProcessHandle.current().pid(),
                    ProfconAgent.VERSION)));
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
            while (open && !Thread.currentThread().isInterrupted()) {
                Wire.writeReply(out, requests.answer(Wire.readRequest(in)));
            }
        } catch (IOException e) {
            // end of file or a broken pipe: the console is gone
        } finally {
            end();
        }
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
        requests.release();
        System.clearProperty(ProfconAgent.SESSION_PROPERTY);
        ProfconAgent.ended(this);
    }

    AgentArgs args() {
        return args;
    }
}
