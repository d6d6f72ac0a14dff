package profcon.engine;

import java.util.Arrays;
import java.util.Locale;

/** The samplers that can make a {@code cpu} or {@code wall} profile, by the name {@code engine=} takes. */
public enum Engine {
    /** async-profiler's native library, loaded into the target: signal-driven, no safepoint bias. */
    ASYNC_PROFILER("async-profiler"),
    /** profcon's agent: JFR's execution samples for cpu, its own thread sampler for wall. */
    JFR("jfr");

    private final String label;

    Engine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The engine named {@code name}; IllegalArgumentException listing the names when there is none. */
    public static Engine parse(String name) {
        for (Engine e : values()) {
            if (e.label.equals(name.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + name + "' (engines: "
                + String.join(", ", Arrays.stream(values()).map(Engine::label).toList()) + ")");
    }
}
