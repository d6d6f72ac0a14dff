package profcon.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs profcon's real {@code main} path in this JVM and captures what it printed. */
public record ConsoleRun(int exitCode, String out, String err) {
    public static ConsoleRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new ConsoleRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The first row of a top report: the line after the {@code flat  flat%} header. */
    public String firstTopRow() {
        String[] lines = out.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].trim().startsWith("flat  flat%")) {
                return lines[i + 1];
            }
        }
        throw new AssertionError("no top table in output:\n" + out + "\nstderr:\n" + err);
    }
}
