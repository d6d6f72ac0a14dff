package profcon.console;

/** The process exit codes of non-interactive runs, in one place. */
public final class ExitCode {
    /** Every command succeeded. */
    public static final int OK = 0;
    /** A command failed (a bad argument, a report with no match, an expectation not met...). */
    public static final int COMMAND_FAILED = 1;
    /** The command line itself was wrong. */
    public static final int USAGE = 2;
    /** The target could not be attached. */
    public static final int ATTACH_FAILED = 3;

    private ExitCode() {
    }
}
