package profcon.attach;

import java.io.IOException;
import profcon.agent.channel.Wire;
import profcon.agent.protocol.Codec;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;

/**
 * The console's end of the channel to an agent: one typed request at a time, each answered by its
 * typed reply. A refusal is an {@link AgentException} carrying the agent's reason; a target that
 * stopped answering is a {@link TargetGoneException}. {@link AgentClient} is the socket to a real
 * target; tests use an in-memory channel running the agent's request handling in-process.
 */
public interface AgentChannel extends AutoCloseable {
    <R extends Reply> R call(Request<R> request) throws IOException;

    boolean isOpen();

    @Override
    void close() throws IOException;

    /** The reply in {@code frame}, as every channel reads it: a refusal throws, an OK frame decodes. */
    static <R extends Reply> R read(Request<R> request, Wire.Reply frame) throws IOException {
        if (!frame.ok()) {
            throw new AgentException(frame.message());
        }
        return Codec.decode(request, frame);
    }
}
