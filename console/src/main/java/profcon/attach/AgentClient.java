package profcon.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import profcon.agent.channel.Wire;
import profcon.agent.protocol.Codec;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;

/** The console's end of the socket to a target's agent: one request at a time, each answered by one reply. */
public final class AgentClient implements AgentChannel {
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final long pid;

    AgentClient(SocketChannel channel, long pid) {
        this.channel = channel;
        this.in = new DataInputStream(Channels.newInputStream(channel));
        this.out = new DataOutputStream(Channels.newOutputStream(channel));
        this.pid = pid;
    }

    @Override
    public <R extends Reply> R call(Request<R> request) throws IOException {
        return AgentChannel.read(request, call(Codec.encode(request)));
    }

    /**
     * Sends one raw request line and returns the reply frame; a refused request is an
     * {@link AgentException}. The typed {@link #call(Request)} goes through here; tests and
     * benchmarks also use it to send lines no console would (to check that the agent refuses them).
     */
    public synchronized Wire.Reply call(String request) throws IOException {
        if (request.length() * 3L > Wire.MAX_REQUEST) { // UTF-8 takes at most 3 bytes per char
            throw new AgentException("request of " + request.length() + " characters is too long for the agent");
        }
        Wire.Reply reply;
        try {
            Wire.writeRequest(out, request);
            reply = Wire.readReply(in);
        } catch (IOException e) {
            throw new TargetGoneException("target " + pid + " stopped answering (it exited, or its agent ended)", e);
        }
        if (!reply.ok()) {
            throw new AgentException(reply.message());
        }
        return reply;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
