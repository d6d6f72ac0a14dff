package profcon.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one list of console commands: dispatch, {@code help} and completion all read it. */
public final class CommandRegistry {
    private final List<Command> commands;

    public CommandRegistry(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    public List<Command> commands() {
        return commands;
    }

    public Optional<Command> find(String word) {
        return commands.stream().filter(c -> c.spec().answersTo(word)).findFirst();
    }

    /**
     * The command a line names, with the line as that command reads it: {@code top10 -cum} names
     * {@code top} with {@code 10 -cum} (pprof's abbreviation, split only when the whole word is no command).
     */
    public Optional<Resolved> resolve(CommandLine line) {
        Optional<Command> command = find(line.name());
        if (command.isPresent()) {
            return Optional.of(new Resolved(command.get(), line));
        }
        CommandLine split = line.splitTailDigits();
        return find(split.name()).map(c -> new Resolved(c, split));
    }

    /** A command found for a line, and the line as it reads it. */
    public record Resolved(Command command, CommandLine line) {
    }

    /** Every name and alias, for completion. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        for (Command c : commands) {
            words.add(c.spec().name());
            words.addAll(c.spec().aliases());
        }
        return words;
    }

    /** The known word closest to {@code typed} (edit distance at most 2), for "did you mean". */
    public Optional<String> closest(String typed) {
        String best = null;
        int bestDistance = 3;
        for (String w : words()) {
            int d = EditDistance.of(typed, w);
            if (d < bestDistance) {
                best = w;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
