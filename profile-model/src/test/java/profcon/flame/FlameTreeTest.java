package profcon.flame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import profcon.model.Profile;
import profcon.pprof.PprofReader;
import profcon.report.Measurement;
import profcon.report.ReportView;
import profcon.report.Reports;
import profcon.report.Settings;

/** The merged call tree adds up: its root is the profile's total, and each function's flat is what top prints. */
class FlameTreeTest {
    private static final Pattern TOP_ROW =
            Pattern.compile("^\\s*(\\S+)\\s+\\S+%\\s+\\S+%\\s+(\\S+)\\s+\\S+%  (.*?)( \\((partial-)?inline\\))?$");

    static Profile small() {
        return ProfileBuilder.of("samples/count", "cpu/nanoseconds")
                .sample("main.Main.main;app.Server.handle;app.Cache.get", 3, 30_000_000)
                .sample("main.Main.main;app.Server.handle;app.Cache.get;java.util.HashMap.get", 2, 20_000_000)
                .sample("main.Main.main;app.Server.handle;app.Db.query", 5, 50_000_000)
                .sample("main.Main.main;app.Server.handle", 1, 10_000_000)
                .sample("main.Main.main;app.Server.handle+app.Server.parse;app.Json.read", 4, 40_000_000)
                .sample("main.Main.main;app.Tree.walk;app.Tree.walk;app.Tree.walk", 6, 60_000_000)
                .sample("java.lang.Thread.run;app.Worker.loop;app.Cache.get", 7, 70_000_000)
                .build();
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String options : List.of("", "sample_index=samples", "focus=Cache", "ignore=Db", "hide=Server",
                "show_from=Server", "focus=Server ignore=Json", "granularity=filefunctions", "noinlines=true")) {
            cases.add(Arguments.of("small " + options, small(), options));
        }
        Path corpus = corpus();
        if (corpus != null) {
            try (Stream<Path> files = Files.list(corpus.resolve("driver-synth"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".pb.gz")).sorted().toList()) {
                    Profile p = PprofReader.read(f);
                    for (int i = 0; i < p.sampleTypes().size(); i++) {
                        cases.add(Arguments.of(f.getFileName() + " sample_index=" + i, p, "sample_index=" + i));
                    }
                }
            }
        }
        return cases.stream();
    }

    static Path corpus() {
        String dir = System.getProperty("profcon.corpus", "");
        return dir.isEmpty() || !Files.isDirectory(Path.of(dir, "driver-synth")) ? null : Path.of(dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flatOfEveryFunctionIsWhatTopPrints(String name, Profile profile, String options) throws Exception {
        Settings s = settings(profile, options);
        FlameNode root = FlameTree.of(ReportView.prepare(profile, s));
        String unit = ReportView.prepare(profile, s).sampleUnit();
        String top = top(profile, s);

        Map<String, Long> flat = new HashMap<>();
        collectFlat(root, flat);
        Map<String, String> topFlat = topFlat(top);
        assertThat(topFlat).as(top).isNotEmpty();
        topFlat.forEach((fn, printed) -> assertThat(Measurement.scaledLabel(flat.getOrDefault(fn, 0L), unit,
                s.get("unit"))).as(fn + " in\n" + top).isEqualTo(printed));
        flat.forEach((fn, v) -> assertThat(v == 0 || fn.equals(FlameTree.ROOT) || topFlat.containsKey(fn))
                .as(fn + " has flat " + v + " but is not in\n" + top).isTrue());
        assertThat(top).contains("Showing nodes accounting for "
                + Measurement.scaledLabel(root.total(), unit, s.get("unit")) + ",");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unfilteredRootIsTheProfileTotal(String name, Profile profile, String options) throws Exception {
        assumeTrue(!options.contains("focus") && !options.contains("ignore") && !options.contains("show_from"),
                "filters drop samples");
        Settings s = settings(profile, options);
        ReportView view = ReportView.prepare(profile, s);
        FlameNode root = FlameTree.of(view);
        int index = profile.sampleTypeIndex(view.sampleType());
        assertThat(root.total()).isEqualTo(profile.total(index)).isEqualTo(view.total());
        assertThat(root.width()).isEqualTo(root.total());
    }

    @Test
    void childrenNeverOutweighTheirParentAndRecursionIsCountedOncePerPath() throws Exception {
        FlameNode root = FlameTree.of(ReportView.prepare(small(), Settings.defaults()));
        assertConsistent(root);
        FlameNode walk = path(root, "main.Main.main", "app.Tree.walk");
        assertThat(walk.total()).isEqualTo(60_000_000);
        assertThat(path(walk, "app.Tree.walk", "app.Tree.walk").self()).isEqualTo(60_000_000);
    }

    @Test
    void anInlinedChainBecomesCallerThenCalleeFrames() throws Exception {
        FlameNode root = FlameTree.of(ReportView.prepare(small(), Settings.defaults()));
        assertThat(path(root, "main.Main.main", "app.Server.handle", "app.Server.parse", "app.Json.read").total())
                .isEqualTo(40_000_000);
        FlameNode noInlines = FlameTree.of(ReportView.prepare(small(), Settings.defaults().set("noinlines", "true")));
        assertThat(path(noInlines, "main.Main.main", "app.Server.handle", "app.Json.read").total())
                .isEqualTo(40_000_000);
    }

    @Test
    void childrenAreSortedByNameWhateverTheSampleOrder() throws Exception {
        FlameNode root = FlameTree.of(ReportView.prepare(small(), Settings.defaults()));
        assertThat(path(root, "main.Main.main", "app.Server.handle").children()).extracting(FlameNode::name)
                .containsExactly("app.Cache.get", "app.Db.query", "app.Server.parse");
    }

    private static void assertConsistent(FlameNode n) {
        long children = n.children().stream().mapToLong(FlameNode::width).sum();
        assertThat(children + Math.abs(n.self())).as(n.name()).isEqualTo(n.width());
        n.children().forEach(FlameTreeTest::assertConsistent);
    }

    static FlameNode path(FlameNode from, String... names) {
        FlameNode n = from;
        for (String name : names) {
            n = n.children().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no frame " + name));
        }
        return n;
    }

    /** The settings for a case, in a unit fine enough that top prints exact values. */
    private static Settings settings(Profile profile, String options) throws Exception {
        Settings s = Reports.commandSettings("web", options.isEmpty() ? List.of() : List.of(options.split(" ")),
                Settings.defaults().set("trim", "false"));
        String unit = ReportView.prepare(profile, s).sampleUnit();
        String exact = Measurement.scale(1, unit, "ns").unit().equals("ns") ? "ns"
                : Measurement.scale(1, unit, "B").unit().equals("B") ? "B" : "count";
        return s.set("unit", Measurement.isKnownUnit(unit) ? exact : "count");
    }

    private static String top(Profile profile, Settings s) throws Exception {
        StringWriter out = new StringWriter();
        Reports.render("top", null, profile, s, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    private static Map<String, String> topFlat(String top) {
        Map<String, String> flat = new LinkedHashMap<>();
        boolean rows = false;
        for (String line : top.split("\n")) {
            Matcher m = TOP_ROW.matcher(line);
            if (rows && m.matches()) {
                flat.put(m.group(3), m.group(1));
            }
            rows |= line.trim().startsWith("flat  flat%");
        }
        return flat;
    }

    private static void collectFlat(FlameNode n, Map<String, Long> flat) {
        flat.merge(n.name(), n.self(), Long::sum);
        n.children().forEach(c -> collectFlat(c, flat));
    }
}
