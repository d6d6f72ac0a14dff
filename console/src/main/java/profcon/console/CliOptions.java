package profcon.console;

/** profcon's command-line options: their names and whether they take a value; {@link #HELP_TEXT} describes them. */
enum CliOptions {
    COMMANDS("CMDS", "-c", "--commands"),
    FILE("RUNBOOK", "-f", "--file"),
    DEMO(null, "--demo"),
    LIST(null, "--list"),
    YES(null, "--yes"),
    DIFF_BASE("FILE", "--diff_base", "-diff_base"),
    BASE("FILE", "--base", "-base"),
    JSON(null, "--json"),
    DEBUG(null, "--debug"),
    NO_NATIVE(null, "--no-native"),
    PUSH("URL", "--push"),
    EVERY("DURATION", "--every"),
    KINDS("KINDS", "--kinds"),
    SERVICE("NAME", "--service"),
    TENANT("ID", "--tenant"),
    HELP(null, "-h", "--help"),
    VERSION(null, "-V", "--version");

    /** What {@code --help} prints (the layout picocli gave it before profcon parsed its own command line). */
    static final String HELP_TEXT = """
            Usage: profcon [-hV] [--debug] [--demo] [--json] [--list] [--no-native] [--yes]
                           [-base=FILE] [-c=CMDS] [-diff_base=FILE] [-f=RUNBOOK]
                           [--push=URL [--every=DURATION] [--kinds=KINDS] [--service=NAME]
                           [--tenant=ID]] [PID|FILE]
            pprof for the live JVM: attach to a running JVM, profile it, and read the
            profile with pprof's commands.

            With no PID or FILE, lists the local JVMs and asks which to attach to.
                  [PID|FILE]           a JVM's pid, a saved profile (.pb.gz), or a JFR
                                         recording (.jfr)
                  -base, --base=FILE   subtract FILE (pprof's -base)
              -c, --commands=CMDS      run these commands (separated by ';') and exit
                  --debug              print full stack traces of errors
                  --demo               start the built-in demo target and attach to it
                  -diff_base, --diff_base=FILE
                                       compare with FILE: reports show the difference
                                         (pprof's -diff_base)
                  --every=DURATION     with --push: one window of each kind per DURATION
                                         (default 60s)
              -f, --file=RUNBOOK       run the commands in this file, one per line, and exit
              -h, --help               Show this help message and exit.
                  --json               print reports as JSON (top, traces, tags) for
                                         machines
                  --kinds=KINDS        with --push: the kinds to collect, e.g. cpu,lock,alloc
                                         (default cpu)
                  --list               list the local JVMs and exit
                  --no-native          never load native code into the target: cpu
                                         and wall use JFR, whose cpu shares are biased
                                         when the CPUs are busy (docs/cpu-engines.md)
                  --push=URL           continuous mode: collect windows and push each to
                                         Pyroscope (http://HOST:4040) or OTLP
                                         (otlp+http://HOST:4318) until stopped or the
                                         target exits; auth from $PROFCON_PUSH_AUTH
                                         (docs/push.md)
                  --service=NAME       with --push: the application name (default: the
                                         target's main class)
                  --tenant=ID          with --push: send X-Scope-OrgID: ID
              -V, --version            Print version information and exit.
                  --yes                in scripts, allow commands that pause the whole
                                         target (they still warn)

            Exit codes: 0 ok, 1 a command failed, 2 usage error, 3 the target could not be
            attached.
            """;

    private final String label;
    private final String[] names;

    CliOptions(String label, String... names) {
        this.label = label;
        this.names = names;
    }

    boolean takesValue() {
        return label != null;
    }

    String label() {
        return label;
    }

    /** The name error messages use: the last one given, the long form. */
    String longName() {
        return names[names.length - 1].startsWith("--") ? names[names.length - 1] : names[0];
    }

    static boolean isKnown(String name) {
        return find(name) != null;
    }

    static CliOptions of(String name) throws CliArgs.UsageException {
        CliOptions option = find(name);
        if (option == null) {
            throw new CliArgs.UsageException("Unknown option: '" + name + "'");
        }
        return option;
    }

    private static CliOptions find(String name) {
        for (CliOptions option : values()) {
            for (String n : option.names) {
                if (n.equals(name)) {
                    return option;
                }
            }
        }
        return null;
    }
}
