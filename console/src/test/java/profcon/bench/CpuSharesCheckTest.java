package profcon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;
import profcon.pprof.PprofWriter;

/** CpuSharesCheck on hand-made truth files, pprof files written by the model's writer, and collapsed stacks. */
class CpuSharesCheckTest {
    private static final long MS = 1_000_000L;
    private static final long EPOCH_MS = 1_796_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void cutsTheTruthByInterpolatingBetweenLines() throws Exception {
        // a gets 100 ms then 300 ms per 100 ms line, b 100 ms then nothing: from the middle of the
        // first interval to the last line, a spent 350 ms and b 50 ms
        TruthFile.Spent spent = truth().cut((EPOCH_MS + 50) * MS, (EPOCH_MS + 200) * MS);
        assertEquals(350 * MS, spent.aNanos(), 1);
        assertEquals(50 * MS, spent.bNanos(), 1);
        assertEquals(0.875, spent.aShare(), 1e-9);
        assertEquals("thread-cpu", truth().clock());
    }

    @Test
    void refusesAWindowTheTruthDoesNotCover() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> truth().cut((EPOCH_MS + 50) * MS, (EPOCH_MS + 250) * MS));
        assertTrue(e.getMessage().contains("the truth file covers"), e.getMessage());
    }

    @Test
    void countsMethodsByCumAndTenantsByLabel() throws Exception {
        ShareComparison c = CpuSharesCheck.compare(truth(), pprof(86, 14, 12), null);
        assertEquals(new SampleShares(86, 14, 86, 14, 112, true), c.samples());
        assertEquals(0.86, c.profileA(), 1e-9);
        assertEquals(0.86, c.tenantA(), 1e-9);
        // 2 sqrt(0.875 * 0.125 / 100) = 6.6 points, and 86 % is 1.5 points off the true 87.5 %
        assertEquals(0.0661, c.twoSigma(100), 1e-4);
        assertTrue(c.methodWithin() && c.tenantWithin());
        assertTrue(row(c).matches(" *100 +87\\.5 +86\\.0 +-1\\.5 +6\\.6 +86\\.0 +1\\.50 +yes\\s*"), row(c));
    }

    @Test
    void saysNoWhenTheErrorExceedsTwoSigma() throws Exception {
        ShareComparison c = CpuSharesCheck.compare(truth(), pprof(98, 2, 0), null);
        assertFalse(c.methodWithin());
        assertTrue(row(c).matches(" *100 +87\\.5 +98\\.0 +\\+10\\.5 +6\\.6 +98\\.0 +1\\.50 +NO\\s*"), row(c));
    }

    @Test
    void readsCollapsedStacksWithTheirWindowGiven() throws Exception {
        Path stacks = dir.resolve("cpu.collapsed");
        Files.writeString(stacks, """
                java/lang/Thread.run;profcon/demo/CpuShares$Work.a;profcon/demo/CpuShares$Work.spin 70
                java/lang/Thread.run_[j];profcon/demo/CpuShares$Work.a_[j];profcon/demo/CpuShares$Work.spin_[j] 18
                java/lang/Thread.run;profcon.demo.CpuShares$Work.b;profcon.demo.CpuShares$Work.spin 12
                java/lang/Thread.run;profcon/demo/CpuShares$Work.ab 5
                """);
        ShareComparison c = CpuSharesCheck.compare(truth(), stacks, (EPOCH_MS + 50) + "," + (EPOCH_MS + 200));
        assertEquals(new SampleShares(88, 12, 0, 0, 105, false), c.samples());
        assertEquals(0.875, c.trueA(), 1e-9);
        assertTrue(row(c).matches(" *100 +87\\.5 +88\\.0 +\\+0\\.5 +6\\.6 +- +1\\.50 +yes\\s*"), row(c));
    }

    private TruthFile truth() throws Exception {
        Path file = dir.resolve("truth.txt");
        Files.writeString(file, "# CpuShares clock=thread-cpu threads=2 task-ms=5.0 ratio=3\n"
                + EPOCH_MS + " 0 0 0 0\n"
                + (EPOCH_MS + 100) + " " + 100 * MS + " " + 100 * MS + " 1 1\n"
                + (EPOCH_MS + 200) + " " + 400 * MS + " " + 100 * MS + " 4 1\n");
        return TruthFile.read(file);
    }

    /** A real pprof file: {@code a} samples in Work.a under tenant=a, {@code b} in Work.b under tenant=b, others unlabelled. */
    private Path pprof(int a, int b, int other) throws Exception {
        Location run = location(1, "java.lang.Thread.run");
        Location workA = location(2, SampleShares.A);
        Location workB = location(3, SampleShares.B);
        Location spin = location(4, "profcon.demo.CpuShares$Work.spin");
        Location truthThread = location(5, "java.lang.Thread.sleep");
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < a; i++) {
            samples.add(sample(List.of(spin, workA, run), "a"));
        }
        for (int i = 0; i < b; i++) {
            samples.add(sample(List.of(spin, workB, run), "b"));
        }
        for (int i = 0; i < other; i++) {
            samples.add(sample(List.of(truthThread, run), null));
        }
        List<Location> locations = List.of(run, workA, workB, spin, truthThread);
        List<Function> functions = locations.stream().map(l -> l.lines().get(0).function()).toList();
        Profile p = new Profile(List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")), "cpu",
                samples, List.of(), locations, functions, "", "", (EPOCH_MS + 50) * MS, 150 * MS,
                new ValueType("cpu", "nanoseconds"), 10 * MS, List.of(), "");
        Path file = dir.resolve("cpu-" + a + "-" + b + ".pb.gz");
        PprofWriter.write(p, file);
        return file;
    }

    private static Location location(long id, String function) {
        return new Location(id, null, 0, List.of(new Line(new Function(id, function, function, "", 0), 0, 0)), false);
    }

    private static Sample sample(List<Location> stack, String tenant) {
        Map<String, List<String>> labels = tenant == null ? Map.of() : Map.of("tenant", List.of(tenant));
        return new Sample(stack, new long[] {1, 10 * MS}, labels, Map.of(), Map.of());
    }

    /** The row's numbers, after its case and engine columns. */
    private static String row(ShareComparison c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.printRow(new PrintStream(bytes, true, StandardCharsets.UTF_8), "case", "engine", "1.50");
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.substring(text.indexOf("engine") + "engine".length());
    }
}
