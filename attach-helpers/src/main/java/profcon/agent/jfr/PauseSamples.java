package profcon.agent.jfr;

import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import profcon.agent.encoding.StackProfile;

/**
 * Pause events as samples of the explain profile: a safepoint's VM operation, or a collection,
 * as a one-frame stack naming it ({@code [pause] G1CollectFull}), its pause time as the value.
 */
final class PauseSamples {
    private PauseSamples() {
    }

    static void add(RecordedEvent event, StackProfile profile) {
        if (ExplainRecipe.VM_OPERATION.equals(event.getEventType().getName())) {
            if (!event.getBoolean("safepoint")) {
                return; // a handshake or a concurrent operation: the target did not stop
            }
            String operation = event.getString("operation");
            frame(profile, operation, new String[] {ExplainRecipe.PART, "pause", "pause", "safepoint",
                    "operation", operation}, event.getDuration().toNanos());
        } else {
            String name = event.getString("name");
            frame(profile, name, new String[] {ExplainRecipe.PART, "pause", "pause", "gc", "collector", name,
                    "cause", event.getString("cause")}, event.getDuration("sumOfPauses").toNanos());
        }
    }

    private static void frame(StackProfile profile, String what, String[] labels, long nanos) {
        profile.add(List.of(new StackProfile.Frame("[pause]", what == null ? "?" : what, 0)), labels, 1, nanos);
    }
}
