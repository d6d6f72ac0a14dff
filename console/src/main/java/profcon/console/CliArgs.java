package profcon.console;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * profcon's command line, parsed by hand. A parsing library costs a console what it can least
 * afford on a saturated machine (issue #15): picocli's classes are Java 5 class files, which JDK
 * 17's class-data archive cannot hold, so every start loaded, verified and reflected over about
 * 170 of them; a third of the console's own CPU before an {@code -c info} answered.
 *
 * <p>Options take their value as the next word or after {@code =} ({@code -c top}, {@code -c=top},
 * {@code --commands=top}, and {@code -ctop} for the one-letter ones); {@code --} ends options.
 */
record CliArgs(String target, String commands, Path runbook, boolean demo, boolean list, boolean yes,
        String diffBase, String base, boolean json, boolean debug, boolean noNative, boolean help, boolean version,
        PushOptions push) {

    static CliArgs parse(String... args) throws UsageException {
        Builder b = new Builder();
        Deque<String> words = new ArrayDeque<>(List.of(args));
        boolean optionsEnded = false;
        while (!words.isEmpty()) {
            String word = words.removeFirst();
            if (optionsEnded || !word.startsWith("-") || word.equals("-")) {
                b.positional(word, args.length - words.size() - 1);
            } else if (word.equals("--")) {
                optionsEnded = true;
            } else {
                b.option(word, words);
            }
        }
        return b.build();
    }

    /** {@code --push URL} and the options that go with it; {@code url} is null without {@code --push}. */
    record PushOptions(String url, String every, String kinds, String service, String tenant) {
        boolean given() {
            return url != null;
        }

        boolean anyWithoutUrl() {
            return url == null && (every != null || kinds != null || service != null || tenant != null);
        }

        /** The console command continuous mode runs: the same as a runbook's {@code push URL every=…}. */
        String commandLine() {
            StringBuilder line = new StringBuilder("push \"" + url + "\" every=" + (every == null ? "60s" : every));
            line.append(" kinds=").append(kinds == null ? "cpu" : kinds);
            if (service != null) {
                line.append(" \"service=").append(service).append('"');
            }
            if (tenant != null) {
                line.append(" \"tenant=").append(tenant).append('"');
            }
            return line.toString();
        }
    }

    /** A command line profcon cannot run; the message is picocli's wording, which scripts may know. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Collects options as they come; one per command line. */
    private static final class Builder {
        private String target;
        private String commands;
        private Path runbook;
        private boolean demo;
        private boolean list;
        private boolean yes;
        private String diffBase;
        private String base;
        private boolean json;
        private boolean debug;
        private boolean noNative;
        private boolean help;
        private boolean version;
        private final String[] push = new String[5];

        void positional(String word, int index) throws UsageException {
            if (target != null) {
                throw new UsageException("Unmatched argument at index " + index + ": '" + word + "'");
            }
            target = word;
        }

        void option(String word, Deque<String> rest) throws UsageException {
            int eq = word.indexOf('=');
            String name = eq > 0 ? word.substring(0, eq) : word;
            String inline = eq > 0 ? word.substring(eq + 1) : null;
            if (inline == null && name.length() > 2 && !name.startsWith("--") && "cf".indexOf(name.charAt(1)) >= 0
                    && !CliOptions.isKnown(name)) {
                inline = name.substring(2); // -ctop10
                name = name.substring(0, 2);
            }
            CliOptions option = CliOptions.of(name);
            if (option.takesValue()) {
                set(option, inline != null ? inline : next(option, rest));
            } else if (inline != null) {
                throw new UsageException("option '" + option.longName() + "' should be specified without '" + inline
                        + "' parameter");
            } else {
                set(option, null);
            }
        }

        private static String next(CliOptions option, Deque<String> rest) throws UsageException {
            if (rest.isEmpty()) {
                throw new UsageException("Missing required parameter for option '" + option.longName() + "' ("
                        + option.label() + ")");
            }
            return rest.removeFirst();
        }

        private void set(CliOptions option, String value) throws UsageException {
            switch (option) {
                case COMMANDS -> commands = value;
                case FILE -> runbook = path(option, value);
                case DEMO -> demo = true;
                case LIST -> list = true;
                case YES -> yes = true;
                case DIFF_BASE -> diffBase = value;
                case BASE -> base = value;
                case JSON -> json = true;
                case DEBUG -> debug = true;
                case NO_NATIVE -> noNative = true;
                case HELP -> help = true;
                case VERSION -> version = true;
                case PUSH -> push[0] = value;
                case EVERY -> push[1] = value;
                case KINDS -> push[2] = value;
                case SERVICE -> push[3] = value;
                case TENANT -> push[4] = value;
            }
        }

        private static Path path(CliOptions option, String value) throws UsageException {
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new UsageException("Invalid value for option '" + option.longName() + "': " + e.getMessage());
            }
        }

        CliArgs build() {
            return new CliArgs(target, commands, runbook, demo, list, yes, diffBase, base, json, debug, noNative, help, version,
                    new PushOptions(push[0], push[1], push[2], push[3], push[4]));
        }
    }
}
