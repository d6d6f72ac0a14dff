package profcon.console;

import java.util.List;

/**
 * A console command's description: the one source of its name, aliases, usage line, summary,
 * examples, flags and completer, for dispatch, {@code help} and Tab completion.
 */
public record CommandSpec(String name, List<String> aliases, String usage, String summary, ArgCompleter completer,
                          List<String> examples, Flags flags) {
    public CommandSpec {
        aliases = List.copyOf(aliases);
        examples = List.copyOf(examples);
    }

    /** A spec with no flags of its own. */
    public CommandSpec(String name, List<String> aliases, String usage, String summary, ArgCompleter completer,
                       List<String> examples) {
        this(name, aliases, usage, summary, completer, examples, Flags.NONE);
    }

    /** This spec with {@code flags} declared; Tab offers them after what the completer offers. */
    public CommandSpec withFlags(Flags flags) {
        return new CommandSpec(name, aliases, usage, summary, completer.and(ArgCompleters.flags(flags)), examples,
                flags);
    }

    public boolean answersTo(String word) {
        return name.equals(word) || aliases.contains(word);
    }
}
