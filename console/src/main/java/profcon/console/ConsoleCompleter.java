package profcon.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import profcon.agent.jfr.Recipes;
import profcon.agent.profile.ProfileKind;
import profcon.model.Function;
import profcon.model.Sample;

/**
 * Tab completion from the registry and the current profile: command names, then what each
 * command's spec says it takes; after {@code name=}, the setting's values (sample types,
 * function names for focus-like settings, {@code key=value} labels for tag filters).
 */
final class ConsoleCompleter implements Completer {
    private static final Set<String> FUNCTION_SETTINGS = Set.of("focus", "ignore", "hide", "show", "show_from",
            "prune_from");
    private static final Set<String> TAG_SETTINGS = Set.of("tagfocus", "tagignore", "tagshow", "taghide");
    private static final int MAX_TAG_VALUES = 2_000;
    private final CommandRegistry registry;
    private final Session session;
    private final Completer files = new Completers.FileNameCompleter();

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
            settingNames(candidates);
            return;
        }
        Optional<Command> command = registry.find(line.words().get(0));
        switch (command.map(c -> c.spec().completion()).orElse(Completion.NONE)) {
            case FILE -> files.complete(reader, line, candidates);
            case PROFILE_KIND -> {
                if (line.wordIndex() == 1) {
                    Recipes.all().stream().map(ProfileKind::kind).forEach(k -> candidates.add(new Candidate(k)));
                }
            }
            case COMMAND -> registry.words().forEach(w -> candidates.add(new Candidate(w)));
            case FUNCTION -> functionNames().forEach(f -> candidates.add(new Candidate(f)));
            case REPORT_ARGS, SETTING -> {
                settingNames(candidates);
                candidates.add(new Candidate("-cum"));
                candidates.add(new Candidate("-flat"));
                functionNames().forEach(f -> candidates.add(new Candidate(f)));
            }
            default -> {
            }
        }
    }

    private void settingNames(List<Candidate> candidates) {
        for (String name : session.settings().names()) {
            candidates.add(new Candidate(name + "=", name + "=", null, null, null, null, false));
        }
    }

    private void settingValues(String name, List<Candidate> candidates) {
        Set<String> values = new LinkedHashSet<>(session.settings().choices(name));
        if (name.equals("sample_index") && session.current() != null) {
            session.current().profile().sampleTypes().forEach(t -> values.add(t.type()));
        } else if (FUNCTION_SETTINGS.contains(name)) {
            values.addAll(functionNames());
        } else if (TAG_SETTINGS.contains(name)) {
            values.addAll(tagPairs());
        }
        values.forEach(v -> candidates.add(new Candidate(name + "=" + v)));
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
