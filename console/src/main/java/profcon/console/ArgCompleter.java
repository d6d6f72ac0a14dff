package profcon.console;

import java.util.List;
import org.jline.reader.Candidate;

/** What a command offers on Tab after its name; each command's spec carries its own. */
@FunctionalInterface
public interface ArgCompleter {
    ArgCompleter NONE = (in, candidates) -> {
    };

    void complete(CompletionInput in, List<Candidate> candidates);

    /** This completer, then {@code other}. */
    default ArgCompleter and(ArgCompleter other) {
        return (in, candidates) -> {
            complete(in, candidates);
            other.complete(in, candidates);
        };
    }
}
