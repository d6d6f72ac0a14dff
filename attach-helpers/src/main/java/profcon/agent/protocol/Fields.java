package profcon.agent.protocol;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The {@code key=value} words of a reply's message, read back with the reply's name in every error. */
final class Fields {
    private final String what;
    private final Map<String, String> values = new HashMap<>();

    private Fields(String what) {
        this.what = what;
    }

    /** The {@code key=value} words of {@code message}; other words are ignored. */
    static Fields of(String what, String message) {
        Fields f = new Fields(what);
        for (String word : message.split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                f.values.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return f;
    }

    String text(String key) throws ProtocolException {
        String v = values.get(key);
        if (v == null) {
            throw new ProtocolException("malformed " + what + " reply from the agent: no " + key);
        }
        return v;
    }

    long number(String key) throws ProtocolException {
        try {
            return Long.parseLong(text(key));
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed " + what + " reply from the agent: " + key + "=" + values.get(key));
        }
    }

    boolean flag(String key) throws ProtocolException {
        return Boolean.parseBoolean(text(key));
    }

    Duration millis(String key) throws ProtocolException {
        return Duration.ofMillis(number(key));
    }
}
