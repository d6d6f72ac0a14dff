package profcon.console;

/** One console command: its spec and what it does when invoked. */
public interface Command {
    CommandSpec spec();

    /**
     * Runs the command. A user error is a {@link CommandException} (one line, the console goes
     * on); {@link InterruptedException} means Ctrl-C, after which the command has kept whatever
     * it had collected.
     */
    void run(Invocation in) throws Exception;

    /** A command whose {@code help COMMAND} says more than its spec (e.g. the profile kinds' blind spots). */
    interface MoreHelp {
        void moreHelp(java.io.PrintWriter out);
    }
}
