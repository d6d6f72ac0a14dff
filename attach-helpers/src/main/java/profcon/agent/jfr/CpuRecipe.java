package profcon.agent.jfr;

import java.util.List;
import java.util.function.UnaryOperator;
import jdk.jfr.consumer.RecordedEvent;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.profile.Durations;
import profcon.agent.profile.SamplingOptions;

/**
 * The CPU profile: JFR's execution samples (threads running Java code) plus native-method
 * samples (threads inside native code, labelled {@code state=native}, so time in JNI is shown
 * rather than lost; hide it with {@code tagignore=state=native}).
 *
 * <p>JFR samples a thread "in native" whether it computes there or waits there: a thread blocked
 * in a socket read is in native code too. Native samples whose leaf is one of the JDK's I/O waits
 * ({@link #isBlockingNative}) are left out, so a service waiting on its network does not show as
 * burning CPU in {@code socketRead0}; those waits are the block profile's ({@code kind=io}).
 */
public final class CpuRecipe implements Recipe {
    static final String EXECUTION = "jdk.ExecutionSample";
    static final String NATIVE = "jdk.NativeMethodSample";

    @Override
    public String kind() {
        return "cpu";
    }

    @Override
    public List<EventSetting> events(SamplingOptions options) {
        return List.of(new EventSetting(EXECUTION, options.period(), null, true),
                new EventSetting(NATIVE, options.period(), null, true));
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = StackProfile.sampledTime("cpu", options.period().toNanos(), options.maxSamples());
        p.comment("profcon cpu profile: jdk.ExecutionSample + jdk.NativeMethodSample every "
                + Durations.format(options.period()) + "; native samples of threads waiting in JDK I/O (sockets, "
                + "pipes, files, selectors) are left out: waiting, not on CPU (see 'profile block')");
        return p;
    }

    @Override
    public void accept(RecordedEvent event, StackProfile profile) {
        String type = event.getEventType().getName();
        String state;
        if (EXECUTION.equals(type)) {
            state = "java";
        } else if (NATIVE.equals(type)) {
            state = "native";
        } else {
            return;
        }
        String[] thread = profile.memo().threadLabels(event, "sampledThread");
        if (thread == null) {
            return;
        }
        StackProfile.Stack stack = profile.memo().stack(event, UnaryOperator.identity());
        if (stack.leafNative()) {
            state = "native"; // an execution sample that caught the thread entering a native method: it is in native code
        }
        if (state.equals("native") && !stack.frames().isEmpty() && isBlockingNative(stack.frames().get(0))) {
            return;
        }
        profile.add(stack, JfrStacks.concat(thread, "state", state), 1, profile.period());
    }

    /**
     * True for a native leaf frame where a thread waits for I/O rather than computes: the JDK's
     * socket, selector and pipe natives ({@code java.net}, {@code sun.nio.ch}), blocking file reads
     * ({@code FileInputStream.readBytes}, e.g. a thread reading stdin) and process waits.
     */
    static boolean isBlockingNative(StackProfile.Frame leaf) {
        String c = leaf.className();
        String m = leaf.methodName();
        return c.startsWith("sun.nio.ch.") || c.startsWith("java.net.")
                || (c.equals("java.io.FileInputStream") && m.startsWith("read"))
                || (c.equals("java.io.RandomAccessFile") && m.startsWith("read"))
                || c.equals("java.lang.ProcessHandleImpl") || c.equals("java.lang.ProcessImpl");
    }

    @Override
    public String blindSpots() {
        return "JFR samples a few threads per period and only threads running Java code or inside a native "
                + "method; time in the JVM itself (GC, JIT compiler) is not attributed to Java stacks; threads "
                + "blocked in JDK socket, file or pipe I/O are waiting, not on CPU, and are left out (see 'profile block').";
    }
}
