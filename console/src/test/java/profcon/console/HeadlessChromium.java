package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium for the pages' browser tests: dumps a page's DOM after its own script ran
 * (its {@code #selftest} results included) or takes a screenshot. No browser driver needed.
 */
public final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of(System.getProperty("profcon.chromium", "/usr/bin/chromium"));
    private static final Pattern SELFTEST = Pattern.compile("<pre id=\"selftest\">(.*?)</pre>", Pattern.DOTALL);

    private final Path work;
    private final int timeoutSeconds;

    private HeadlessChromium(Path work, int timeoutSeconds) {
        this.work = work;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** A Chromium keeping its profile and log in {@code work}; skips the test when there is none. */
    public static HeadlessChromium in(Path work, int timeoutSeconds) {
        assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED: no Chromium at " + CHROMIUM
                + " (install it with 'apt-get install -y chromium', or point -Dprofcon.chromium at one)");
        return new HeadlessChromium(work, timeoutSeconds);
    }

    /** The DOM of {@code page} opened at {@code #fragment}, once its scripts have run. */
    public String dumpDom(Path page, String fragment, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of(flags));
        args.addAll(List.of("--dump-dom", page.toUri() + "#" + fragment));
        return run(args);
    }

    /** Runs Chromium headless with {@code args} and returns its standard output. */
    public String run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-first-run",
                "--no-default-browser-check", "--user-data-dir=" + work.resolve("chromium-profile"),
                "--virtual-time-budget=5000"));
        command.addAll(args);
        Path log = work.resolve("chromium.log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        // Read stdout while it runs: a large DOM could otherwise fill the pipe and stall Chromium.
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in " + timeoutSeconds + " s; its log:\n" + tail(log));
        }
        assertThat(p.exitValue()).as("Chromium's exit code; its log:\n" + tail(log)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The {@code key=value} lines a page's self-test wrote into {@code <pre id="selftest">}. */
    public static Map<String, String> selfTest(String dom) {
        Matcher m = SELFTEST.matcher(dom);
        assertThat(m.find()).as("a #selftest element in\n" + dom).isTrue();
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                result.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return result;
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
