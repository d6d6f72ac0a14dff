package profcon.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import profcon.agent.profile.ProfileKind;
import profcon.agent.jfr.Recipes;
import profcon.model.Function;

/** The completers commands share: file names, profile kinds, command names, function names, report arguments. */
public final class ArgCompleters {
    private ArgCompleters() {
    }

    public static ArgCompleter files() {
        Completers.FileNameCompleter files = new Completers.FileNameCompleter();
        return (in, candidates) -> files.complete(in.reader(), in.line(), candidates);
    }

    /** The profile kinds, as the first argument. */
    public static ArgCompleter profileKinds() {
        return (in, candidates) -> {
            if (in.line().wordIndex() == 1) {
                Recipes.all().stream().map(ProfileKind::kind).forEach(k -> candidates.add(new Candidate(k)));
            }
        };
    }

    public static ArgCompleter commands() {
        return (in, candidates) -> in.registry().words().forEach(w -> candidates.add(new Candidate(w)));
    }

    public static ArgCompleter functions() {
        return (in, candidates) -> functionNames(in.session()).forEach(f -> candidates.add(new Candidate(f)));
    }

    /** What report-like commands take: settings for this call, -cum/-flat, and function names as filters. */
    public static ArgCompleter reportArgs() {
        return (in, candidates) -> {
            settingNames(in.session(), candidates);
            candidates.add(new Candidate("-cum"));
            candidates.add(new Candidate("-flat"));
            functionNames(in.session()).forEach(f -> candidates.add(new Candidate(f)));
        };
    }

    /** A command's own flags, as its spec declares them. */
    public static ArgCompleter flags(Flags flags) {
        return (in, candidates) -> flags.completions().forEach(w -> candidates.add(new Candidate(w, w, null, null,
                null, null, !w.endsWith("="))));
    }

    /** {@code name=} for every setting, without a trailing space so the value can follow. */
    static void settingNames(Session session, List<Candidate> candidates) {
        for (String name : session.settings().names()) {
            candidates.add(new Candidate(name + "=", name + "=", null, null, null, null, false));
        }
    }

    /** The function names of the current profile. */
    static Set<String> functionNames(Session session) {
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
