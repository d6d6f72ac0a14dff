package profcon.console;

import java.util.List;

/**
 * A console command's description: the one source of its name, aliases, usage line, summary
 * and examples for dispatch, {@code help} and completion.
 */
public record CommandSpec(String name, List<String> aliases, String usage, String summary, Completion completion,
                          List<String> examples) {
    public CommandSpec {
        aliases = List.copyOf(aliases);
        examples = List.copyOf(examples);
    }

    public boolean answersTo(String word) {
        return name.equals(word) || aliases.contains(word);
    }
}
