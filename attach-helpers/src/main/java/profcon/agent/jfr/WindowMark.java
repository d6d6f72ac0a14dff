package profcon.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event the agent commits when a profile's window ends: once its own stream delivers it,
 * every event recorded before the window's end has been delivered too (a JFR flush carries all
 * threads' buffers). Its periodic hook is the {@link WindowGate}, which commits it at a planned end.
 * Disabled unless a profcon stream enables it, so other recordings never see it.
 */
@Name(WindowMark.NAME)
@Label("profcon window end")
@Description("Marks the end of a profcon profile's window in the agent's own recording stream")
@Category("profcon")
@Enabled(false)
@StackTrace(false)
final class WindowMark extends Event {
    static final String NAME = "profcon.WindowMark";

    @Label("Sampler")
    long sampler;

    WindowMark(long sampler) {
        this.sampler = sampler;
    }
}
