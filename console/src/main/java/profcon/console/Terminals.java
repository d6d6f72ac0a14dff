package profcon.console;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether profcon talks to a person at a terminal, across Java versions. */
final class Terminals {
    private Terminals() {
    }

    /** True when stdin and stdout are a terminal (JDK 22+ returns a Console even for pipes: ask it). */
    static boolean stdinIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
