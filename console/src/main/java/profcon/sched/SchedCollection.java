package profcon.sched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.model.Profile;
import profcon.threads.DumpedThread;
import profcon.threads.Frame;
import profcon.threads.ThreadDump;
import profcon.threads.ThreadDumpCodec;
import profcon.threads.ThreadDumpFormatException;

/**
 * One live {@code sched} window on an attached target: {@code /proc} read at both ends by the
 * console, then two agent requests, neither of which stops the target: the native thread ids
 * ({@code thread-ids}) and the grouped thread dump for the stacks of the run-queue profile.
 */
public final class SchedCollection {
    /** The window's result and its run-queue profile; {@code cutShort} when Ctrl-C ended the window early. */
    public record Measured(SchedResult result, Profile profile, boolean cutShort) {
    }

    /** Something that waits out the window (the console's cancellable pause). */
    public interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    private SchedCollection() {
    }

    public static Measured measure(long pid, AgentChannel channel, int processors, long millis, Pause pause)
            throws IOException {
        SchedProbe probe = SchedProbe.of(pid);
        SchedReading start = probe.read();
        boolean cutShort = false;
        try {
            pause.pause(millis);
        } catch (InterruptedException e) {
            cutShort = true; // Ctrl-C: a shorter window is still a measurement, as a profile stopped early is
        }
        SchedReading end = probe.read();
        Map<Long, ThreadIdentity> ids = ThreadIdentity.parse(channel.call(new Request.ThreadIds()).bytes());
        SchedResult result = SchedWindow.between(start, end, ids, probe.budget(processors));
        Map<Long, List<Frame>> stacks = stacks(channel, ids);
        return new Measured(result, RunQueueProfile.of(result, stacks, System.currentTimeMillis() * 1_000_000L),
                cutShort);
    }

    /** Each native thread's stack at the end of the window, joined through the Java thread id. */
    private static Map<Long, List<Frame>> stacks(AgentChannel channel, Map<Long, ThreadIdentity> ids)
            throws IOException {
        ThreadDump dump;
        try {
            dump = ThreadDumpCodec.parse(new String(channel.call(new Request.Threads(0)).bytes(),
                    StandardCharsets.UTF_8), "the agent's thread dump");
        } catch (ThreadDumpFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<Long, List<Frame>> byJavaId = new HashMap<>();
        for (DumpedThread t : dump.threads()) {
            if (!t.virtual()) {
                byJavaId.put(t.tid(), t.frames());
            }
        }
        Map<Long, List<Frame>> byNative = new HashMap<>();
        ids.values().forEach(id -> {
            List<Frame> frames = byJavaId.get(id.javaId());
            if (frames != null) {
                byNative.put(id.tid(), frames);
            }
        });
        return byNative;
    }
}
