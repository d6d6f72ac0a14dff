package profcon.engine;

import java.util.Optional;

/**
 * Which engine makes a {@code cpu} or {@code wall} profile of one target, and why. cpu: async-profiler
 * where its library exists for this machine, the target is a HotSpot JVM 17+ and native code is
 * not refused; JFR otherwise, or when {@code engine=} says so. wall: profcon's agent unless
 * {@code engine=async-profiler} is asked, because only the agent's sampler labels each thread with
 * its {@link Thread.State} (BLOCKED, WAITING...), which async-profiler cannot tell apart.
 */
public record EngineChoice(Engine engine, String reason) {
    /** JFR's measured bias, said whenever it is chosen for cpu other than by the user's own engine=jfr. */
    public static final String JFR_BIAS = "JFR's cpu sampler over-weights the longer tasks by 15-24 points when busy "
            + "threads keep the CPUs occupied (docs/cpu-engines.md)";

    /** What the choice needs to know about the target: its VM's name and Java feature version. */
    public record TargetVm(String vmName, int feature) {
        boolean hotSpot() {
            return vmName.contains("HotSpot") || vmName.contains("Server VM") || vmName.contains("Client VM");
        }
    }

    /**
     * The engine for {@code kind} on {@code vm}. {@code asked} is the {@code engine=} option (null
     * when absent); {@code nativeRefused} is --no-native or the API's equivalent.
     */
    public static EngineChoice choose(String kind, String asked, boolean nativeRefused, Optional<NativeLibrary> library,
                                      TargetVm vm) {
        if (!kind.equals("cpu") && !kind.equals("wall")) {
            if (asked != null && Engine.parse(asked) != Engine.JFR) {
                throw new IllegalArgumentException("engine=" + asked + " makes cpu and wall profiles only; "
                        + kind + " comes from JFR");
            }
            return new EngineChoice(Engine.JFR, kind + " profiles come from JFR");
        }
        Engine wanted = asked == null ? null : Engine.parse(asked);
        if (wanted == Engine.JFR) {
            return new EngineChoice(Engine.JFR, "engine=jfr asked");
        }
        if (wanted == null && kind.equals("wall")) {
            return new EngineChoice(Engine.JFR, "profcon's thread sampler: Thread.State labels; engine=async-profiler "
                    + "for a wall without safepoints, with C frames");
        }
        String refusal = refusal(nativeRefused, library, vm);
        if (refusal == null) {
            return new EngineChoice(Engine.ASYNC_PROFILER, wanted == null
                    ? "native library for " + library.get().resource().split("/")[0] + ", HotSpot " + vm.feature()
                    : "engine=async-profiler asked");
        }
        if (wanted == Engine.ASYNC_PROFILER) {
            throw new IllegalArgumentException("engine=async-profiler is not available: " + refusal);
        }
        return new EngineChoice(Engine.JFR, refusal);
    }

    /** Why the native engine cannot serve this target; null when it can. */
    private static String refusal(boolean nativeRefused, Optional<NativeLibrary> library, TargetVm vm) {
        if (nativeRefused) {
            return "native code refused (--no-native)";
        }
        if (library.isEmpty()) {
            return "profcon carries no async-profiler library for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch");
        }
        if (!vm.hotSpot()) {
            return "the target's VM (" + vm.vmName() + ") is not HotSpot";
        }
        if (vm.feature() < 17) {
            return "the target runs Java " + vm.feature();
        }
        return null;
    }

    /** "async-profiler (native library for linux-x64, HotSpot 17)". */
    public String describe() {
        return engine.label() + " (" + reason + ")";
    }
}
