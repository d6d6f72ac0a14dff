package profcon.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/** Byte-for-byte comparison with the text go tool pprof printed, for every pure-profile corpus row. */
class CorpusGoldenTest {
    private static final Set<String> KINDS = Set.of("text", "tree", "peek", "traces", "tags", "list", "comments");

    static Path corpus() {
        String dir = System.getProperty("profcon.corpus", "");
        return dir.isEmpty() ? null : Path.of(dir);
    }

    static Stream<Arguments> rows() throws IOException {
        Path root = corpus();
        if (root == null || !Files.isRegularFile(root.resolve("MANIFEST.tsv"))) {
            return Stream.of(Arguments.of("corpus-missing", null));
        }
        List<Arguments> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (KINDS.contains(f[0]) && f[6].startsWith("yes")) {
                rows.add(Arguments.of(f[0] + " " + f[4], f));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesPprof(String name, String[] row) throws Exception {
        assumeTrue(row != null, "pprof corpus not found (system property profcon.corpus); golden tests skipped");
        Path root = corpus();
        String expected = Files.readString(root.resolve(row[4]), StandardCharsets.UTF_8);
        assertEquals(expected, render(root, row), name);
    }

    /** Runs the row's command line the way pprof's driver would and returns what it prints. */
    static String render(Path root, String[] row) throws Exception {
        PprofFlags.Parsed parsed = PprofFlags.parse(row[2]);
        Profile p = PprofReader.read(root.resolve(row[1]));
        if (!parsed.allFrames()) {
            p = ProfileOps.removeUninteresting(p);
        }
        for (String c : parsed.addComments()) {
            p = ProfileOps.addComment(p, c);
        }
        Settings s = parsed.settings();
        if (s.get("source_path").isEmpty()) {
            s = s.set("source_path", root.resolve(row[3]).toString());
        }
        StringWriter out = new StringWriter();
        Reports.render(parsed.report(), parsed.reportArg(), p, s, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        return out.toString();
    }
}
