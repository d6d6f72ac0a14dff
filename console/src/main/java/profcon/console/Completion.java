package profcon.console;

/** What a command's argument is, so completion can offer the right words. */
public enum Completion {
    NONE, FILE, PROFILE_KIND, FUNCTION, SETTING, COMMAND, REPORT_ARGS
}
