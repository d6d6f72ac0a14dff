package profcon.console;

/** Asks the user a yes/no question at the terminal; scripts have none and the answer is no. */
@FunctionalInterface
public interface Confirmer {
    Confirmer NO_TERMINAL = question -> false;

    /** True only when the user answered yes. */
    boolean confirm(String question);
}
