package profcon.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the console asks of a target's attach listener: its system properties and loading the
 * agent, either through the JDK's attach API ({@link JdkConnection}) or straight to a listener that
 * is already up ({@link ListenerConnection}). Failures are the attach API's exceptions either way.
 */
public interface TargetConnection {
    /** A connection to {@code pid}: straight to its listener when one is up and trusted, else through the JDK. */
    static TargetConnection open(long pid) throws AttachNotSupportedException, IOException {
        Optional<Path> listener = ListenerSocket.of(pid);
        return listener.isPresent() ? new ListenerConnection(listener.get()) : JdkConnection.attach(pid);
    }

    Properties systemProperties() throws IOException;

    /** Loads the agent jar with its options, as {@code VirtualMachine.loadAgent} does. */
    void loadAgent(String jar, String options) throws AgentLoadException, AgentInitializationException, IOException;

    /** Loads a native agent library by its absolute path, as {@code VirtualMachine.loadAgentPath} does. */
    void loadAgentPath(String library, String options) throws AgentLoadException, AgentInitializationException,
            IOException;

    /** Releases the connection; nothing stays open in the target. */
    void detach() throws IOException;
}
