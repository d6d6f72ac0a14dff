package profcon.agent.jfr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.profile.Durations;
import profcon.agent.profile.SamplingOptions;
import profcon.agent.vwait.VirtualWaiter;

/**
 * The lock profile (Go's mutex profile): time threads waited to enter a monitor
 * ({@code jdk.JavaMonitorEnter}) or to acquire a {@code java.util.concurrent} lock
 * ({@code jdk.ThreadPark} on a ReentrantLock, ReentrantReadWriteLock or StampedLock), labelled
 * with the lock kind ({@code lockclass}), the monitor's previous owner ({@code owner}) and the
 * waiting thread. On JDK 21+ virtual threads' lock waits, which have no event, are sampled
 * ({@code thread_kind=virtual}, see {@link WaitRecipe}), and pinned virtual threads come as
 * {@code kind=pinned} ({@link Pinning}).
 */
public final class LockRecipe implements WaitRecipe {
    static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    static final String PARK = "jdk.ThreadPark";
    /** Waits shorter than this are not recorded unless {@code threshold=} says otherwise; see docs/concurrency-profiles.md. */
    public static final Duration DEFAULT_THRESHOLD = Duration.ZERO;

    @Override
    public String kind() {
        return "lock";
    }

    @Override
    public SamplingOptions defaults() {
        return SamplingOptions.defaults().withThreshold(DEFAULT_THRESHOLD).withPeriod(VIRTUAL_PERIOD);
    }

    @Override
    public String settings(SamplingOptions options) {
        return "threshold=" + Durations.format(options.threshold()) + SchedulerParks.setting(options.threshold());
    }

    @Override
    public List<EventSetting> events(SamplingOptions options) {
        List<EventSetting> events = new ArrayList<>(List.of(new EventSetting(MONITOR_ENTER, null, options.threshold(), true),
                new EventSetting(PARK, null, SchedulerParks.parkThreshold(options.threshold()), true)));
        events.addAll(Pinning.events(options.threshold()));
        return events;
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = new StackProfile(new String[][] {{"contentions", "count"}, {"delay", "nanoseconds"}}, "delay",
                new String[] {"contentions", "count"}, 1, options.maxSamples());
        p.comment("profcon lock profile: jdk.JavaMonitorEnter + jdk.ThreadPark on java.util.concurrent locks; "
                + "stacks start at the lock call the application made (park internals trimmed)");
        return p;
    }

    @Override
    public void accept(RecordedEvent event, StackProfile profile) {
        String type = event.getEventType().getName();
        String lockClass;
        String owner = "";
        String state;
        StackProfile.Stack stack;
        if (MONITOR_ENTER.equals(type)) {
            lockClass = "monitor of " + className(event, "monitorClass");
            RecordedThread previous = event.getValue("previousOwner");
            owner = previous == null || previous.getJavaName() == null ? "" : previous.getJavaName();
            state = "BLOCKED";
            stack = profile.memo().stack(event, WaitSites::trim);
        } else if (PARK.equals(type)) {
            // Most parks are not on locks (queues, futures, sleeps in parkNanos): decided from the
            // parked class before any frame is read, as they are the bulk of the events.
            String parkedClass = className(event, "parkedClass");
            if (!WaitSites.mayBeLock(parkedClass)) {
                return;
            }
            stack = profile.memo().stack(event, WaitSites::trim);
            lockClass = WaitSites.lockKind(parkedClass, stack.frames());
            if (lockClass == null) {
                return;
            }
            state = "WAITING";
        } else if (Pinning.PINNED.equals(type)) {
            acceptPinned(event, profile);
            return;
        } else {
            return;
        }
        String[] thread = profile.memo().threadLabels(event, "eventThread");
        if (thread == null) {
            return;
        }
        String[] labels = JfrStacks.concat(thread, "lockclass", lockClass, "owner", owner, "state", state);
        profile.add(stack, labels, 1, event.getDuration().toNanos());
    }

    private static void acceptPinned(RecordedEvent event, StackProfile profile) {
        String[] thread = profile.memo().threadLabels(event, "eventThread");
        if (thread != null) {
            String[] labels = JfrStacks.concat(JfrStacks.concat(thread, "lockclass", "carrier pinned by a virtual thread",
                    "owner", "", "state", "PINNED"), Pinning.labels(event));
            profile.add(profile.memo().stack(event, WaitSites::trim), labels, 1, event.getDuration().toNanos());
        }
    }

    /** A sampled virtual thread: blocked entering a monitor, or parked on a lock {@link WaitSites#lockKind} names. */
    @Override
    public String[] labels(VirtualWaiter w, List<StackProfile.Frame> trimmed) {
        String lockClass;
        if (w.state() == Thread.State.BLOCKED && w.blockedOn() != null) {
            lockClass = "monitor of " + w.blockedOn();
        } else {
            lockClass = WaitSites.lockKind(w.parkBlocker(), trimmed);
        }
        return lockClass == null ? null : new String[] {"lockclass", lockClass, "owner", "", "state", w.state().name()};
    }

    static String className(RecordedEvent event, String field) {
        if (!event.hasField(field)) {
            return null;
        }
        RecordedClass c = event.getValue(field);
        return c == null ? null : c.getName();
    }

    @Override
    public String blindSpots() {
        return "lock sees waits that ended during the window (a thread still blocked when it closes is not "
                + "counted: use a thread dump), monitor waits only after the JVM's spinning gave up, and no "
                + "waits for locks other than monitors, ReentrantLock, ReentrantReadWriteLock and StampedLock "
                + "(semaphores, queues, latches: see 'profile block'). Virtual threads are invisible to JFR's monitor-enter "
                + "and park events (measured on JDK 25): on JDK 21+ their lock waits are sampled instead "
                + "(thread_kind=virtual, every period=, 100ms by default), so waits shorter than a period are seen "
                + "only in proportion; pinned virtual threads show as kind=pinned. " + SchedulerParks.BLIND_SPOT;
    }
}
