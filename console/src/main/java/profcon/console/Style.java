package profcon.console;

/** Colours for the console's own lines (errors, status): on a terminal only, never with NO_COLOR set. */
public final class Style {
    /** No colours: scripts, pipes, dumb terminals, NO_COLOR. */
    public static final Style PLAIN = new Style(false);
    private final boolean ansi;

    private Style(boolean ansi) {
        this.ansi = ansi;
    }

    /** Colours when the terminal can show them and the user has not asked for none (no-color.org). */
    public static Style forTerminal(String terminalType) {
        String noColor = System.getenv("NO_COLOR");
        boolean dumb = terminalType == null || terminalType.startsWith("dumb");
        return dumb || (noColor != null && !noColor.isEmpty()) ? PLAIN : new Style(true);
    }

    public String error(String text) {
        return ansi ? "\033[31m" + text + "\033[0m" : text;
    }

    public String status(String text) {
        return ansi ? "\033[2m" + text + "\033[0m" : text;
    }
}
