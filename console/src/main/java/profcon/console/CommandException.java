package profcon.console;

/** A command that could not do what was asked; the message is the one line the user sees. */
public class CommandException extends Exception {
    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
