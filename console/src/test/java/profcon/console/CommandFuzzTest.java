package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.pprof.PprofReader;

/**
 * Random token soups through the real parser and dispatcher, over the fixture profile: every
 * line either succeeds or fails with one handled line; never an unexpected exception, never a
 * hang. Seeded, so a failure names the line that reproduces it.
 */
class CommandFuzzTest {
    private static final long SEED = Long.getLong("profcon.fuzz.seed", 20261123L);
    private static final int LINES = Integer.getInteger("profcon.fuzz.lines", 3_000);
    private static ExecutorService executor;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startExecutor() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-line");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void randomLinesNeverEscapeTheDispatcher() throws Exception {
        Path fixture = Path.of(CommandFuzzTest.class.getResource("/fixtures/demo-cpu.pb.gz").toURI());
        StringWriter err = new StringWriter();
        Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(err), false, false);
        session.current(new LoadedProfile(PprofReader.read(fixture), fixture.toString(), false));
        Dispatcher dispatcher = new Dispatcher(Commands.registry());
        List<String> vocabulary = vocabulary(dispatcher.registry(), fixture);
        SplittableRandom random = new SplittableRandom(SEED);
        int failed = 0;
        for (int i = 0; i < LINES; i++) {
            String line = soup(random, vocabulary);
            err.getBuffer().setLength(0);
            Future<Boolean> result = executor.submit(() -> dispatcher.execute(line, session));
            boolean ok;
            try {
                ok = result.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("line " + i + " (seed " + SEED + ") hangs: " + line);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("line " + i + " (seed " + SEED + ") threw " + e.getCause() + ": " + line,
                        e.getCause());
            }
            String printed = err.toString();
            assertThat(printed).as("line %d (seed %d): %s", i, SEED, line).doesNotContain("internal error");
            if (!ok) {
                failed++;
                if (!line.trim().startsWith("debug")) {
                    // pprof's warnings ("Focus expression matched no samples") may precede the one error line.
                    assertThat(printed.strip().lines().filter(l -> !l.endsWith("matched no samples")).count())
                            .as("error lines for: %s\n%s", line, printed).isEqualTo(1);
                }
            }
            session.resetCancel();
            if (session.current() == null) {
                session.current(new LoadedProfile(PprofReader.read(fixture), fixture.toString(), false));
            }
        }
        System.out.printf("fuzz: %d lines (seed %d), %d failed with one handled line, %d succeeded%n", LINES, SEED,
                failed, LINES - failed);
        assertThat(failed).isPositive().isLessThan(LINES);
    }

    private static String soup(SplittableRandom random, List<String> vocabulary) {
        int words = 1 + random.nextInt(6);
        StringBuilder line = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                line.append(random.nextInt(10) == 0 ? "" : " ");
            }
            line.append(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return line.toString();
    }

    /**
     * Command words, settings, numbers, regular expressions, quotes and paths. Output files are named
     * only by {@code >} or {@code save} tokens that carry an absolute path under a temporary directory
     * or in /proc, so nothing the soup writes lands in the working tree or at the root (tests run as
     * root here); a bare {@code save} or {@code >} is left out for the same reason.
     */
    private static List<String> vocabulary(CommandRegistry registry, Path fixture) {
        List<String> v = new ArrayList<>();
        for (String word : registry.words()) {
            if (!word.equals("save")) {
                v.add(word);
            }
        }
        v.addAll(List.of("top10", "top-1", "list", "peek", "traces", "tags", "tree", "comments", "help", "quit"));
        v.addAll(List.of("0", "1", "-1", "-5s", "10s", "99999999h", "2147483648", "99999999999999999999", "1e9", "NaN",
                "abc", "", "-", "--", "-cum", "-flat", "cpu", "samples", "lock", "nosuchkind", "0.5", "-0"));
        for (String setting : List.of("nodecount", "nodefraction", "edgefraction", "focus", "ignore", "hide", "show",
                "show_from", "prune_from", "tagfocus", "tagignore", "tagshow", "taghide", "sample_index", "granularity",
                "sort", "unit", "divide_by", "call_tree", "trim", "mean", "base", "diff_base", "source_path", "nosuch")) {
            for (String value : List.of("", "abc", "-5", "99999999999999999999", "[", "(", "*", ".*", "Demo", "1",
                    "true", "thread=worker-1", "cum", "lines", "0.0")) {
                v.add(setting + "=" + value);
            }
        }
        v.addAll(List.of("[", "(", ")", "*", "+", "\\", ".*", "Demo", "hotLoop", "profcon\\.demo", "'", "\"", "'a b'",
                "\"unterminated", "#comment", ":", "=", "==", ">" + tmp.resolve("out.txt"), ">/proc/x", ">" + tmp,
                "/", "/proc/x", "/nonexistent/file", tmp.toString(), fixture.toString(), "save " + tmp.resolve("s.pb.gz"),
                "save /proc/x", "save " + tmp, "x".repeat(10_000), "9".repeat(300), "\u00e9\u4e2d\ud83d\ude00", "\t",
                "\u0000", "%s%n", "${x}", "thread=worker-1", "state=java"));
        return v;
    }
}
