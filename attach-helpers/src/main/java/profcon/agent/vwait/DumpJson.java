package profcon.agent.vwait;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the JDK's thread dump ({@code dumpThreads(file, JSON)}): objects as
 * maps, arrays as lists, strings, and every other scalar (numbers, booleans, null) as its text.
 * The agent may use JDK modules only, so no JSON library.
 */
final class DumpJson {
    private final String text;
    private int at;

    private DumpJson(String text) {
        this.text = text;
    }

    /** The value {@code text} holds; IllegalArgumentException naming the offset when it is not JSON. */
    static Object parse(String text) {
        DumpJson p = new DumpJson(text);
        Object value = p.value();
        p.skipSpace();
        if (p.at != text.length()) {
            throw p.error("trailing text");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"') {
            return string();
        }
        int start = at;
        while (at < text.length() && ",]} \n\r\t".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return text.substring(start, at);
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new HashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        do {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
        } while (next() == ',');
        if (text.charAt(at - 1) != '}') {
            throw error("expected , or }");
        }
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        do {
            list.add(value());
            skipSpace();
        } while (next() == ',');
        if (text.charAt(at - 1) != ']') {
            throw error("expected , or ]");
        }
        return list;
    }

    private String string() {
        expect('"');
        StringBuilder out = null;
        int start = at;
        while (true) {
            char c = next();
            if (c == '"') {
                return out == null ? text.substring(start, at - 1) : out.toString();
            }
            if (c == '\\') {
                // escapes are rare in a dump (thread names): only then is a builder made
                if (out == null) {
                    out = new StringBuilder(text.substring(start, at - 1));
                }
                out.append(escaped(next()));
            } else if (out != null) {
                out.append(c);
            }
        }
    }

    private char escaped(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> {
                at += 4;
                yield (char) Integer.parseInt(text.substring(at - 4, at), 16);
            }
            default -> c;
        };
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private char next() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at++);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("thread dump JSON: " + what + " at offset " + at);
    }
}
