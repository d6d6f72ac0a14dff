package profcon.leakcheck;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the annotation's linger: a whole number with {@code ms} or {@code s}. */
final class Durations {
    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(ms|s)");

    private Durations() {
    }

    static Duration parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("@CheckThreadLeaks(linger = \"" + text
                    + "\"): expected a whole number of ms or s, e.g. \"300ms\" or \"2s\"");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
    }
}
