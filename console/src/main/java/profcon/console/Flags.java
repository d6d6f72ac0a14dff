package profcon.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's flags, declared once in its spec: switches ({@code -all}, {@code --yes}) and
 * {@code name=value} options ({@code state=}); the one parser of command arguments, and a
 * source of completion words. Words that are neither stay positional, in order.
 */
public record Flags(List<String> switches, List<String> options) {
    public static final Flags NONE = new Flags(List.of(), List.of());

    public Flags {
        switches = List.copyOf(switches);
        options = List.copyOf(options);
    }

    public static Flags switches(String... names) {
        return new Flags(List.of(names), List.of());
    }

    /** These flags plus {@code name=value} options of the given names. */
    public Flags options(String... names) {
        return new Flags(switches, List.of(names));
    }

    /** Splits {@code words} into switches, options (the last value of a name wins) and positional words. */
    public Arguments parse(List<String> words) {
        Set<String> on = new LinkedHashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (switches.contains(w)) {
                on.add(w);
            } else if (eq > 0 && options.contains(w.substring(0, eq))) {
                values.put(w.substring(0, eq), w.substring(eq + 1));
            } else {
                positional.add(w);
            }
        }
        return new Arguments(words, on, values, positional);
    }

    /** What Tab offers for these flags: each switch, and each option with its {@code =}. */
    public List<String> completions() {
        List<String> words = new ArrayList<>(switches);
        options.forEach(o -> words.add(o + "="));
        return words;
    }
}
