package profcon.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import java.io.IOException;
import java.util.Properties;

/**
 * What the console asks of a target's attach listener: its system properties and loading the
 * agent, either through the JDK's attach API ({@link JdkConnection}) or straight to a listener that
 * is already up ({@link ListenerConnection}). Failures are the attach API's exceptions either way.
 */
interface TargetConnection {
    Properties systemProperties() throws IOException;

    /** Loads the agent jar with its options, as {@code VirtualMachine.loadAgent} does. */
    void loadAgent(String jar, String options) throws AgentLoadException, AgentInitializationException, IOException;

    /** Releases the connection; nothing stays open in the target. */
    void detach() throws IOException;
}
