package profcon.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.attach.TargetGoneException;
import profcon.sched.SchedProbe;
import profcon.sched.ThreadIdentity;

/**
 * One live {@code trace} window on an attached target: the agent records it into a .jfr file in the
 * session directory while the console reads {@code /proc} every {@link #INTERVAL} and has the agent
 * commit the readings into the same recording; at the end the file is moved to where the user asked.
 * Ctrl-C and a target that exits mid-window both keep what was recorded.
 */
public final class TraceCollection {
    /** How often the console reads the scheduler's counters during a trace. */
    public static final Duration INTERVAL = Duration.ofMillis(100);
    // how long a target that went away mid-trace gets to finish writing its recording on exit
    private static final long EXIT_WAIT_MILLIS = 15_000;

    /** How the window ended: the file, its length, and what cut it short or left the sched part out. */
    public record Recorded(Path file, long nanos, boolean cutShort, boolean targetExited, String schedNote) {
    }

    /** Something that waits out part of the window (the console's cancellable pause). */
    public interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    private final long pid;
    private final AgentChannel channel;
    private final int processors;

    /** {@code processors} is the JVM's own CPU count (0 when unknown). */
    public TraceCollection(long pid, AgentChannel channel, int processors) {
        this.pid = pid;
        this.channel = channel;
        this.processors = processors;
    }

    /** Records {@code window} into {@code to}, which must not exist yet. */
    public Recorded record(Duration window, Path to, Pause pause) throws IOException {
        Map<Long, ThreadIdentity> names = names(); // before the window: it takes a short recording of its own
        Path inSession = Path.of(new String(channel.call(Request.Trace.start(window)).bytes(), StandardCharsets.UTF_8));
        long began = System.nanoTime();
        SchedFeed feed = null;
        String schedNote = "";
        boolean cutShort = false;
        try {
            try {
                feed = new SchedFeed(SchedProbe.of(pid), names);
            } catch (IOException e) {
                schedNote = e.getMessage(); // not Linux, or /proc unreadable: the JVM's part is still worth having
            }
            cutShort = watch(feed, began + window.toNanos(), pause);
            channel.call(Request.Trace.limits(feed == null ? SchedFeed.unavailable(schedNote)
                    : feed.limits(processors, INTERVAL.toNanos())));
            Path written = Path.of(new String(channel.call(Request.Trace.stop()).bytes(), StandardCharsets.UTF_8));
            move(written, to);
            return new Recorded(to, System.nanoTime() - began, cutShort, false, schedNote);
        } catch (TargetGoneException e) {
            return afterExit(inSession, to, began, e, schedNote);
        }
    }

    private Map<Long, ThreadIdentity> names() throws IOException {
        return ThreadIdentity.parse(channel.call(new Request.ThreadIds()).bytes());
    }

    /** Feeds one sched reading per interval until the deadline; true when Ctrl-C ended it first. */
    private boolean watch(SchedFeed feed, long deadline, Pause pause) throws IOException {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            try {
                pause.pause(Math.max(1, Math.min(INTERVAL.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                send(feed);
                return true; // Ctrl-C: the window so far is still a trace
            }
            send(feed);
        }
        return false;
    }

    private void send(SchedFeed feed) throws IOException {
        if (feed == null) {
            return;
        }
        SchedFeed.Rows rows;
        try {
            rows = feed.next();
        } catch (IOException e) {
            return; // the target's /proc went away with it: the channel's next call says so
        }
        for (var chunk : rows.chunks()) {
            channel.call(Request.Trace.sched(rows.intervalNanos(), rows.readAtMillis(), chunk));
        }
    }

    /** The target went away mid-trace: its JVM writes the recording on exit; keep that if it came. */
    private Recorded afterExit(Path inSession, Path to, long began, IOException cause, String schedNote)
            throws IOException {
        long nanos = System.nanoTime() - began;
        ProcessHandle.of(pid).ifPresent(p -> {
            try {
                p.onExit().get(EXIT_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // still running or not ours to wait for: look for the file anyway
            }
        });
        if (!Files.isRegularFile(inSession) || Files.size(inSession) == 0) {
            throw new IOException("the target went away mid-trace and left no recording (" + cause.getMessage() + ")",
                    cause);
        }
        move(inSession, to);
        return new Recorded(to, nanos, true, true, schedNote);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException("the trace is at " + from + " but could not be moved to " + to + ": " + e.getMessage()
                    + " (it is deleted when the session ends)", e);
        }
    }
}
