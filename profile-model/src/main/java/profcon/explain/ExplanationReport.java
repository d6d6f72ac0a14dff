package profcon.explain;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/** Renders an explanation for the on-call reader: ranked findings, each with its evidence, culprit and next command. */
public final class ExplanationReport {
    /** The "profiles" a finding's command reads that are views of other data: thread dumps, pauses, /proc. */
    private static final Set<String> VIEWS = Set.of("threads", "pauses", "sched");

    private ExplanationReport() {
    }

    public static void write(Explanation x, PrintWriter out) {
        out.printf(Locale.ROOT, "explain: %s, %.1f s%n", x.source(), x.seconds());
        if (x.findings().isEmpty()) {
            out.println("nothing stands out: no shape crossed its threshold (checked below)");
        }
        int rank = 1;
        for (Finding f : x.findings()) {
            out.println();
            out.printf(Locale.ROOT, "#%d %s: %s (confidence %s)%n", rank++, f.id(), f.name(), f.confidence().word());
            out.println("   evidence: " + f.evidence());
            if (!f.culprit().isEmpty()) {
                out.println("   culprit:  " + f.culprit() + (f.location().isEmpty() ? "" : " (" + f.location() + ")"));
            }
            out.println("   confirm:  " + f.next() + "   (on the " + f.profile() + (VIEWS.contains(f.profile())
                    ? " view)" : " profile)"));
        }
        out.println();
        out.println("checked" + (x.findings().isEmpty() ? " and healthy:" : ", healthy:"));
        x.healthy().forEach(h -> out.println("   " + h));
        out.println("could not judge:");
        x.notJudged().forEach(n -> out.println("   " + n.id() + " (" + n.name() + "): " + n.why()));
        out.flush();
    }

    /** The findings as data: {@code {"source":..,"seconds":..,"findings":[..],"healthy":[..],"notJudged":[..]}}. */
    public static void json(Explanation x, PrintWriter out) {
        StringBuilder b = new StringBuilder("{\"source\":").append(q(x.source()))
                .append(String.format(Locale.ROOT, ",\"seconds\":%.3f,\"findings\":[", x.seconds()));
        for (int i = 0; i < x.findings().size(); i++) {
            Finding f = x.findings().get(i);
            b.append(i == 0 ? "" : ",").append("{\"rank\":").append(i + 1).append(",\"id\":").append(q(f.id()))
                    .append(",\"name\":").append(q(f.name())).append(",\"evidence\":").append(q(f.evidence()))
                    .append(",\"culprit\":").append(q(f.culprit())).append(",\"location\":").append(q(f.location()))
                    .append(",\"confidence\":").append(q(f.confidence().word())).append(",\"next\":").append(q(f.next()))
                    .append(",\"profile\":").append(q(f.profile()))
                    .append(String.format(Locale.ROOT, ",\"score\":%.3f}", f.score()));
        }
        b.append("],\"healthy\":[").append(String.join(",", x.healthy().stream().map(ExplanationReport::q).toList()))
                .append("],\"notJudged\":[");
        for (int i = 0; i < x.notJudged().size(); i++) {
            Rules.NotJudged n = x.notJudged().get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":").append(q(n.id())).append(",\"why\":").append(q(n.why()))
                    .append('}');
        }
        out.println(b.append("]}"));
        out.flush();
    }

    private static String q(String s) {
        return profcon.report.JsonText.quote(s);
    }
}
