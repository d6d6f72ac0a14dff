package profcon.agent.jfr;

import java.util.List;
import java.util.function.UnaryOperator;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.profile.SamplingOptions;

/**
 * The allocation profile: JFR's throttled allocation samples ({@code jdk.ObjectAllocationSample}),
 * each weighted by the bytes allocated since the previous sample on that thread, labelled with
 * the allocated {@code class}.
 */
public final class AllocRecipe implements Recipe {
    static final String SAMPLE = "jdk.ObjectAllocationSample";

    @Override
    public String kind() {
        return "alloc";
    }

    @Override
    public String settings(SamplingOptions options) {
        return "throttle=JFR default (about 150 samples/s)";
    }

    @Override
    public List<EventSetting> events(SamplingOptions options) {
        return List.of(new EventSetting(SAMPLE, null, null, true));
    }

    @Override
    public StackProfile newProfile(SamplingOptions options) {
        StackProfile p = new StackProfile(new String[][] {{"alloc_objects", "count"}, {"alloc_space", "bytes"}},
                "alloc_space", new String[] {"space", "bytes"}, 1, options.maxSamples());
        p.comment("profcon alloc profile: jdk.ObjectAllocationSample; alloc_space = the samples' weights (bytes "
                + "allocated since the thread's previous sample), alloc_objects = number of samples, not of objects "
                + "(JFR gives no object sizes)");
        return p;
    }

    @Override
    public void accept(RecordedEvent event, StackProfile profile) {
        if (!SAMPLE.equals(event.getEventType().getName())) {
            return;
        }
        String[] thread = profile.memo().threadLabels(event, "eventThread");
        if (thread == null) {
            return;
        }
        RecordedClass c = event.getValue("objectClass");
        String[] labels = JfrStacks.concat(thread, "class", c == null ? "" : sourceName(c.getName()));
        profile.add(profile.memo().stack(event, UnaryOperator.identity()), labels, 1, event.getLong("weight"));
    }

    /** {@code java.lang.Object[]} for the JVM's {@code [Ljava.lang.Object;}, {@code int[][]} for {@code [[I}. */
    static String sourceName(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return jvmName;
        }
        String element = jvmName.substring(dims);
        String name = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : element;
        };
        return name + "[]".repeat(dims);
    }

    @Override
    public String blindSpots() {
        return "alloc is a throttled sample (about 150 events/s), weighted by bytes: small rare allocations may be "
                + "missed, objects the JIT scalar-replaced (never allocated) are not there, and it says nothing "
                + "about what stays live.";
    }
}
