package profcon.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a target's {@code -Xlog:safepoint} file incrementally: the longest non-GC safepoint and GC pause since the last read. */
final class SafepointLog {
    private static final Pattern LINE = Pattern.compile("Safepoint \"([^\"]+)\".*Total: (\\d+) ns");
    private final Path file;
    private long offset;

    SafepointLog(Path file) {
        this.file = file;
    }

    /** {longest non-GC safepoint ms, longest GC safepoint ms} among the lines written since the last call. */
    double[] next() throws IOException {
        byte[] all = Files.readAllBytes(file);
        String text = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        offset = all.length;
        double[] longest = new double[2];
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            int kind = isGc(m.group(1)) ? 1 : 0;
            longest[kind] = Math.max(longest[kind], Long.parseLong(m.group(2)) / 1e6);
        }
        return longest;
    }

    private static boolean isGc(String operation) {
        return operation.startsWith("G1") || operation.contains("GC") || operation.contains("Collect");
    }
}
