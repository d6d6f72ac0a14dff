package profcon.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import profcon.agent.channel.Wire;

/** The console's end of the channel: one request at a time, each answered by one reply. */
public final class AgentClient implements AutoCloseable {
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

    /** Sends {@code request} and returns the reply; a failed request is an {@link AgentException}. */
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

    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The agent refused a request; the message is its reason. */
    public static final class AgentException extends IOException {
        public AgentException(String message) {
            super(message);
        }
    }
}
