package profcon.agent.jfr;

import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.profile.Durations;
import profcon.agent.profile.SamplingOptions;
import profcon.agent.vwait.VirtualWaiter;

/**
 * The block profile (Go's block profile): time threads spent off CPU waiting for something:
 * parked ({@code kind=park}, {@code blocker} = the parked object's class), in {@code Object.wait}
 * ({@code kind=wait}), entering a monitor ({@code kind=monitor}), in socket or file I/O
 * ({@code kind=io}), or sleeping ({@code kind=sleep}, apart so {@code tagignore=kind=sleep}
 * hides deliberate sleeps). On JDK 21+ virtual threads' parks and monitor waits, which have no
 * event, are sampled ({@code thread_kind=virtual}, see {@link WaitRecipe}); their sleeps, waits and
 * I/O do have events and come from JFR alone. Pinned virtual threads come as {@code kind=pinned}.
 */
public final class BlockRecipe implements WaitRecipe {
    static final String SLEEP = "jdk.ThreadSleep";
    static final String WAIT = "jdk.JavaMonitorWait";
    private static final List<String> IO = List.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead",
            "jdk.FileWrite");

    @Override
    public String kind() {
        return "block";
    }

    @Override
    public SamplingOptions defaults() {
        return SamplingOptions.defaults().withPeriod(VIRTUAL_PERIOD);
    }

    @Override
    public String settings(SamplingOptions options) {
        return "threshold=" + Durations.format(options.threshold()) + SchedulerParks.setting(options.threshold());
    }

    @Override
    public List<EventSetting> events(SamplingOptions options) {
        List<EventSetting> events = new ArrayList<>(List.of(new EventSetting(LockRecipe.PARK, null,
                SchedulerParks.parkThreshold(options.threshold()), true),
                new EventSetting(LockRecipe.MONITOR_ENTER, null, options.threshold(), true),
                new EventSetting(WAIT, null, options.threshold(), true),
                new EventSetting(SLEEP, null, options.threshold(), true),
                new EventSetting(IO.get(0), null, options.threshold(), true),
                new EventSetting(IO.get(1), null, options.threshold(), true),
                new EventSetting(IO.get(2), null, options.threshold(), true),
                new EventSetting(IO.get(3), null, options.threshold(), true)));
        events.addAll(Pinning.events(options.threshold()));
        return events;
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = new StackProfile(new String[][] {{"contentions", "count"}, {"delay", "nanoseconds"}}, "delay",
                new String[] {"contentions", "count"}, 1, options.maxSamples());
        p.comment("profcon block profile: jdk.ThreadPark, JavaMonitorEnter, JavaMonitorWait, ThreadSleep, "
                + "SocketRead/Write, FileRead/Write; label kind=park|monitor|wait|io|sleep ('tagignore=kind=sleep' "
                + "hides sleeps); stacks start at the JDK call the application made");
        return p;
    }

    @Override
    public void accept(RecordedEvent event, StackProfile profile) {
        String type = event.getEventType().getName();
        String kind;
        String blocker;
        if (LockRecipe.PARK.equals(type)) {
            kind = "park";
            blocker = orNone(LockRecipe.className(event, "parkedClass"));
        } else if (LockRecipe.MONITOR_ENTER.equals(type)) {
            kind = "monitor";
            blocker = orNone(LockRecipe.className(event, "monitorClass"));
        } else if (WAIT.equals(type)) {
            kind = "wait";
            blocker = orNone(LockRecipe.className(event, "monitorClass"));
        } else if (SLEEP.equals(type)) {
            kind = "sleep";
            blocker = "Thread.sleep";
        } else if (IO.contains(type)) {
            kind = "io";
            blocker = ioTarget(event, type);
        } else if (Pinning.PINNED.equals(type)) {
            kind = "pinned";
            blocker = "carrier thread";
        } else {
            return;
        }
        String[] thread = profile.memo().threadLabels(event, "eventThread");
        if (thread == null) {
            return;
        }
        String[] labels = kind.equals("pinned")
                ? JfrStacks.concat(JfrStacks.concat(thread, "blocker", blocker), Pinning.labels(event))
                : JfrStacks.concat(thread, "kind", kind, "blocker", blocker);
        profile.add(profile.memo().stack(event, WaitSites::trim), labels, 1, event.getDuration().toNanos());
    }

    /**
     * A sampled virtual thread: parked ({@code kind=park}) or blocked entering a monitor
     * ({@code kind=monitor}). Its sleeps, {@code Object.wait}s and socket I/O are left out: JFR's
     * sleep, monitor-wait and socket events fire for virtual threads (checked on JDK 25) and give
     * their exact durations, so sampling them too would count them twice.
     */
    @Override
    public String[] labels(VirtualWaiter w, List<StackProfile.Frame> trimmed) {
        if (w.state() == Thread.State.BLOCKED && w.blockedOn() != null) {
            return new String[] {"kind", "monitor", "blocker", w.blockedOn()};
        }
        if (w.waitingOn() != null || w.calls("java.lang.Object", "wait") || w.calls("java.lang.Thread", "sleep")
                || w.calls("java.lang.VirtualThread", "sleepNanos") || w.inPackage("sun.nio.ch.")) {
            return null;
        }
        return new String[] {"kind", "park", "blocker", orNone(w.parkBlocker())};
    }

    private static String ioTarget(RecordedEvent event, String type) {
        if (type.startsWith("jdk.Socket")) {
            return "socket " + event.getString("host") + ":" + event.getInt("port");
        }
        return "file " + event.getString("path");
    }

    private static String orNone(String className) {
        return className == null ? "none" : className;
    }

    @Override
    public String blindSpots() {
        return "block sees waits that ended during the window (a thread blocked for good is not counted: use a "
                + "thread dump), monitor waits only after the JVM's spinning gave up, I/O only through "
                + "java.io/java.nio sockets and files (not JNI, not NIO selectors' select), and no run-queue "
                + "waits for a CPU (see 'profile wall'). Virtual threads' parks and monitor waits have no JFR event "
                + "(measured on JDK 25): on JDK 21+ they are sampled (thread_kind=virtual, every period=, 100ms by "
                + "default), so waits shorter than a period are seen only in proportion; pinned virtual threads show "
                + "as kind=pinned. " + SchedulerParks.BLIND_SPOT;
    }
}
