package profcon.agent.jfr;

import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * Virtual threads pinned to their carrier ({@code jdk.VirtualThreadPinned}, JDK 21+): a virtual
 * thread that blocked while it could not unmount (a native frame or a class initializer on its
 * stack on JDK 24+; also {@code synchronized} on 21-23), so its carrier blocked with it. Labelled
 * {@code kind=pinned}, with the reason, the blocking operation, the carrier and how long, so
 * {@code tagfocus=kind=pinned} and {@code tags} show them in lock and block profiles.
 */
final class Pinning {
    static final String PINNED = "jdk.VirtualThreadPinned";

    private Pinning() {
    }

    /** The pinned event, on JVMs that have it (naming an event the JVM lacks would be an error on 17). */
    static List<Recipe.EventSetting> events(Duration threshold) {
        if (Runtime.version().feature() < 21) {
            return List.of();
        }
        return List.of(new Recipe.EventSetting(PINNED, null, threshold, true));
    }

    /** Label pairs of a pinned event (fields absent on JDK 21 read as "unknown"). */
    static String[] labels(RecordedEvent event) {
        return new String[] {"kind", "pinned", "pinned_reason", text(event, "pinnedReason"),
                "blocking", text(event, "blockingOperation"), "carrier", carrier(event),
                "pinned_for", bucket(event.getDuration())};
    }

    private static String text(RecordedEvent event, String field) {
        String s = event.hasField(field) ? event.getString(field) : null;
        return s == null ? "unknown" : s;
    }

    private static String carrier(RecordedEvent event) {
        if (!event.hasField("carrierThread")) {
            return "unknown";
        }
        RecordedThread t = event.getValue("carrierThread");
        return t == null || t.getJavaName() == null ? "unknown" : t.getJavaName();
    }

    /** How long the carrier was held, in decades: a label, so tags can count the long ones. */
    static String bucket(Duration d) {
        long ms = d.toMillis();
        if (ms < 1) {
            return "<1ms";
        }
        if (ms < 10) {
            return "1-10ms";
        }
        if (ms < 100) {
            return "10-100ms";
        }
        return ms < 1000 ? "100ms-1s" : ">=1s";
    }
}
