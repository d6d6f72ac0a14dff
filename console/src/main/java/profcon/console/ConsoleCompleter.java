package profcon.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import profcon.agent.ProfileKind;
import profcon.agent.Recipes;
import profcon.model.Function;

/** Tab completion from the registry: command names, then what each command's spec says it takes. */
final class ConsoleCompleter implements Completer {
    private final CommandRegistry registry;
    private final Session session;
    private final Completer files = new Completers.FileNameCompleter();

    ConsoleCompleter(CommandRegistry registry, Session session) {
        this.registry = registry;
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            registry.words().forEach(w -> candidates.add(new Candidate(w)));
            settingWords().forEach(w -> candidates.add(new Candidate(w, w, null, null, null, null, false)));
            return;
        }
        Optional<Command> command = registry.find(line.words().get(0));
        Completion kind = command.map(c -> c.spec().completion()).orElse(Completion.NONE);
        switch (kind) {
            case FILE -> files.complete(reader, line, candidates);
            case PROFILE_KIND -> {
                if (line.wordIndex() == 1) {
                    Recipes.all().stream().map(ProfileKind::kind).forEach(k -> candidates.add(new Candidate(k)));
                }
            }
            case COMMAND -> registry.words().forEach(w -> candidates.add(new Candidate(w)));
            case FUNCTION -> functionNames().forEach(f -> candidates.add(new Candidate(f)));
            case REPORT_ARGS, SETTING -> {
                settingWords().forEach(w -> candidates.add(new Candidate(w, w, null, null, null, null, false)));
                candidates.add(new Candidate("-cum"));
                candidates.add(new Candidate("-flat"));
            }
            default -> {
            }
        }
    }

    private List<String> settingWords() {
        return session.settings().names().stream().map(n -> n + "=").toList();
    }

    private Set<String> functionNames() {
        Set<String> names = new LinkedHashSet<>();
        LoadedProfile p = session.current();
        if (p != null) {
            for (Function f : p.profile().functions()) {
                names.add(f.name());
            }
        }
        return names;
    }
}
