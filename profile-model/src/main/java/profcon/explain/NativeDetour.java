package profcon.explain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import profcon.model.Sample;

/** Native detour: CPU time goes into JNI/native methods, which a Java-only profile loses. */
final class NativeDetour implements Rule {
    /** Native code carrying 30 % of the CPU samples is where the time goes, not a side effect. */
    static final double NATIVE_SHARE = 0.3;
    /** And a quarter of a core, so an idle JVM's few native samples say nothing. */
    static final double NATIVE_CORES = 0.25;

    @Override
    public String id() {
        return "native-detour";
    }

    @Override
    public String name() {
        return "native detour (CPU inside native methods)";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.CPU);
    }

    static boolean isNative(Sample s) {
        return "native".equals(s.label("state"));
    }

    @Override
    public Verdict judge(Evidence e) {
        long total = Sites.nanos(e.cpu(), s -> true);
        long nativeNanos = Sites.nanos(e.cpu(), NativeDetour::isNative);
        double cores = nativeNanos / 1e9 / e.seconds();
        List<Sites.Site> sites = Sites.byCulprit(e.cpu(), NativeDetour::isNative);
        if (total == 0 || sites.isEmpty() || (double) nativeNanos / total < NATIVE_SHARE) {
            return Verdict.silent();
        }
        Sites.Site top = sites.get(0);
        if (!CpuHotSpot.busy(e, top.function(), cores, NATIVE_CORES)) {
            return Verdict.silent();
        }
        String leaf = Sites.leaf(top.samples().get(0));
        String evidence = String.format(Locale.ROOT, "%s of the CPU samples are inside native methods (%.2f cores); "
                + "the most from %s, in %s", Sites.percent((double) nativeNanos / total), cores, top.shortName(),
                Sites.shortName(leaf));
        double culpritCores = Sites.nanos(e.cpu(), s -> top.function().equals(Sites.culprit(s).function().name()))
                / 1e9 / e.seconds();
        return Verdict.found(new Finding(id(), name(), evidence, top.function(), top.location(), Confidence.HIGH,
                "top tagfocus=state=native", "cpu", culpritCores * 1.2, CpuHotSpot.ID));
    }
}
