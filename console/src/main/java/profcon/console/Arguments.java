package profcon.console;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The words typed after a command's name, parsed by its {@link Flags}: switches, options, the rest. */
public record Arguments(List<String> words, Set<String> switches, Map<String, String> options,
                        List<String> positional) {
    public Arguments {
        words = List.copyOf(words);
        switches = Set.copyOf(switches);
        options = Map.copyOf(options);
        positional = List.copyOf(positional);
    }

    /** True when switch {@code flag} was given. */
    public boolean has(String flag) {
        return switches.contains(flag);
    }

    /** The value of option {@code name}, or null when it was not given. */
    public String option(String name) {
        return options.get(name);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }
}
