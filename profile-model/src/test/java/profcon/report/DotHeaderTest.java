package profcon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * profcon renders no DOT graphs, but pprof's DOT goldens carry the full report header (profile
 * labels, active filters, totals, dropped nodes); matching it checks the filters and totals on
 * more option combinations (tag ranges, tagshow, hide, focus/ignore with addresses).
 */
class DotHeaderTest {
    private static final Pattern HEADER = Pattern.compile("label=\"(File: |Build ID: )([^\"]*)\"");

    static Stream<Arguments> rows() throws IOException {
        Path root = CorpusGoldenTest.corpus();
        if (root == null || !Files.isRegularFile(root.resolve("MANIFEST.tsv"))) {
            return Stream.of(Arguments.of("corpus-missing", null));
        }
        List<Arguments> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("dot") && !f[2].contains("call_tree")) {
                rows.add(Arguments.of(f[4], f));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void headerMatchesPprof(String name, String[] row) throws Exception {
        assumeTrue(row != null, "pprof corpus not found (system property profcon.corpus); golden tests skipped");
        Path root = CorpusGoldenTest.corpus();
        Matcher m = HEADER.matcher(Files.readString(root.resolve(row[4]), StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        List<String> expected = new ArrayList<>(List.of((m.group(1) + m.group(2)).split("\\\\l")));
        expected.removeIf(l -> l.isEmpty() || l.startsWith("See https://"));
        assertThat(header(root, row)).isEqualTo(expected);
    }

    private static List<String> header(Path root, String[] row) throws Exception {
        PprofFlags.Parsed parsed = PprofFlags.parse(row[2]);
        Profile p = ProfileOps.removeUninteresting(PprofReader.read(root.resolve(row[1])));
        ReportContext c = ReportContext.prepare("dot", p, parsed.settings(), null);
        ReportContext.Trimmed t = c.newTrimmedGraph(info -> true);
        c.selectOutputUnit(t.graph());
        return Labels.reportLabels(c, t, true);
    }
}
