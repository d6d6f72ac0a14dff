package profcon.attach;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import profcon.agent.RequestHandler;
import profcon.agent.channel.Wire;
import profcon.agent.protocol.Codec;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;

/**
 * An agent channel inside the test's JVM: each request is encoded by the real codec, framed by
 * {@link Wire}, and answered by the agent's real {@link RequestHandler} (which profiles this JVM),
 * so only the socket is left out. A test can script the reply to a kind of request, run a hook
 * before every call, and make the target die: the call then, and every later one, throws
 * {@link TargetGoneException}.
 */
public final class InMemoryChannel implements AgentChannel {
    private final RequestHandler agent;
    private final Map<Class<?>, Function<Request<?>, Reply>> scripted = new HashMap<>();
    private final List<String> sent = new ArrayList<>();
    private Consumer<Request<?>> before = r -> { };
    private boolean dead;
    private boolean detached;

    /** {@code dir} is the session directory the agent may write into. */
    public InMemoryChannel(Path dir) {
        this.agent = new RequestHandler(dir, () -> detached = true);
    }

    /** Answers every request of {@code type} with {@code reply} instead of the agent; a thrown IllegalArgumentException is a refusal. */
    @SuppressWarnings("unchecked")
    public <Q extends Request<?>> InMemoryChannel script(Class<Q> type, Function<Q, Reply> reply) {
        scripted.put(type, r -> reply.apply((Q) r));
        return this;
    }

    /** Runs {@code hook} before each call, with the request (a hook may call {@link #die}). */
    public InMemoryChannel before(Consumer<Request<?>> hook) {
        this.before = hook;
        return this;
    }

    /** The target exits: its agent's threads end with it, and every call from now on throws TargetGoneException. */
    public synchronized void die() {
        dead = true;
        agent.release();
    }

    /** The request lines sent so far, as on the wire. */
    public synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized <R extends Reply> R call(Request<R> request) throws IOException {
        before.accept(request);
        if (dead || detached) {
            throw new TargetGoneException("target (in memory) stopped answering (it exited, or its agent ended)",
                    null);
        }
        String line = Codec.encode(request);
        sent.add(line);
        return AgentChannel.read(request, framed(answer(framed(line))));
    }

    private Wire.Reply answer(String line) {
        try {
            Function<Request<?>, Reply> script = scripted.get(Codec.decode(line).getClass());
            if (script != null) {
                return Codec.encode(script.apply(Codec.decode(line)));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Codec.refusal(e.getMessage());
        }
        return agent.answer(line);
    }

    /** The line as the agent reads it off the wire. */
    private static String framed(String line) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Wire.writeRequest(new DataOutputStream(bytes), line);
            return Wire.readRequest(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frame as the console reads it off the wire. */
    private static Wire.Reply framed(Wire.Reply frame) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Wire.writeReply(new DataOutputStream(bytes), frame);
        return Wire.readReply(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Override
    public synchronized boolean isOpen() {
        return !dead && !detached;
    }

    /** Like a console leaving: the agent stops what it was collecting. */
    @Override
    public synchronized void close() {
        agent.release();
        detached = true;
    }
}
