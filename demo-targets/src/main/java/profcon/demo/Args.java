package profcon.demo;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A target's {@code --name=value} and {@code --flag} arguments; names nobody asked for are an error. */
final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> asked = new HashSet<>();

    private Args() {
    }

    static Args parse(String[] argv) {
        Args args = new Args();
        for (String arg : argv) {
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected --name=value or --flag, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            args.values.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        return args;
    }

    int integer(String name, int defaultValue) {
        String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " wants a whole number, got '" + value + "'");
        }
    }

    int positive(String name, int defaultValue) {
        int value = integer(name, defaultValue);
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, got " + value);
        }
        return value;
    }

    double fraction(String name, double defaultValue) {
        String value = string(name, null);
        try {
            double d = value == null ? defaultValue : Double.parseDouble(value);
            if (d < 0 || d > 1) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " wants a number from 0 to 1, got '" + value + "'");
        }
    }

    boolean flag(String name) {
        String value = string(name, "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " is a flag, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** One of {@code choices}; the first is the default. */
    String choice(String name, String... choices) {
        String value = string(name, choices[0]);
        for (String choice : choices) {
            if (choice.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException("--" + name + " must be one of " + String.join("|", choices)
                + ", got '" + value + "'");
    }

    String string(String name, String defaultValue) {
        asked.add(name);
        return values.getOrDefault(name, defaultValue);
    }

    /** Fails on any argument that no getter asked for, so a misspelt option is not silently ignored. */
    void rejectUnknown() {
        for (String name : values.keySet()) {
            if (!asked.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
    }
}
