package profcon.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import profcon.model.Sample;

/**
 * Tab completion: command and setting names first, then whatever the command's own completer
 * offers; after {@code name=}, the setting's values (sample types, function names for focus-like
 * settings, {@code key=value} labels for tag filters).
 */
final class ConsoleCompleter implements Completer {
    private static final Set<String> FUNCTION_SETTINGS = Set.of("focus", "ignore", "hide", "show", "show_from",
            "prune_from");
    private static final Set<String> TAG_SETTINGS = Set.of("tagfocus", "tagignore", "tagshow", "taghide");
    private static final int MAX_TAG_VALUES = 2_000;
    private final CommandRegistry registry;
    private final Session session;

    ConsoleCompleter(CommandRegistry registry, Session session) {
        this.registry = registry;
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word();
        int eq = word.indexOf('=');
        if (eq > 0 && session.settings().names().contains(word.substring(0, eq))) {
            settingValues(word.substring(0, eq), candidates);
            return;
        }
        if (line.wordIndex() == 0) {
            registry.words().forEach(w -> candidates.add(new Candidate(w)));
            ArgCompleters.settingNames(session, candidates);
            return;
        }
        registry.find(line.words().get(0)).ifPresent(c -> c.spec().completer()
                .complete(new CompletionInput(reader, line, session, registry), candidates));
    }

    private void settingValues(String name, List<Candidate> candidates) {
        Set<String> values = new LinkedHashSet<>(session.settings().choices(name));
        if (name.equals("sample_index") && session.current() != null) {
            session.current().profile().sampleTypes().forEach(t -> values.add(t.type()));
        } else if (FUNCTION_SETTINGS.contains(name)) {
            values.addAll(ArgCompleters.functionNames(session));
        } else if (TAG_SETTINGS.contains(name)) {
            values.addAll(tagPairs());
        }
        values.forEach(v -> candidates.add(new Candidate(name + "=" + v)));
    }

    /** {@code key=value} for the labels of the current profile, as tag filters take them. */
    private Set<String> tagPairs() {
        Set<String> pairs = new LinkedHashSet<>();
        LoadedProfile p = session.current();
        if (p == null) {
            return pairs;
        }
        for (Sample s : p.profile().samples()) {
            for (Map.Entry<String, List<String>> label : s.labels().entrySet()) {
                label.getValue().forEach(v -> pairs.add(label.getKey() + "=" + v));
            }
            if (pairs.size() > MAX_TAG_VALUES) {
                break;
            }
        }
        return pairs;
    }
}
