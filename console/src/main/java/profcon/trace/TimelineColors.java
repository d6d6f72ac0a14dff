package profcon.trace;

/** The colour of each thread state on the timeline and in its legend: warm for what hurts latency, pale for quiet. */
final class TimelineColors {
    /** The bands drawn across every row where the whole JVM stood still. */
    static final String PAUSE_BAND = "rgba(90, 40, 140, 0.22)";

    private TimelineColors() {
    }

    static String of(ThreadState state) {
        return switch (state) {
            case PAUSED -> "#6a3d9a";
            case RUNQUEUE -> "#ff7f00";
            case LOCK -> "#e31a1c";
            case IO -> "#1f78b4";
            case RUNNING -> "#33a02c";
            case WAIT -> "#e6d28a";
            case SLEEP -> "#b2c9e0";
            case IDLE -> "#eeeeee";
        };
    }
}
