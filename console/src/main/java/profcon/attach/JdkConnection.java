package profcon.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.Properties;

/** A target reached through the JDK's attach API: it starts a listener that is not up yet, and says why it cannot. */
final class JdkConnection implements TargetConnection {
    private final VirtualMachine vm;

    private JdkConnection(VirtualMachine vm) {
        this.vm = vm;
    }

    static JdkConnection attach(long pid) throws AttachNotSupportedException, IOException {
        return new JdkConnection(VirtualMachine.attach(Long.toString(pid)));
    }

    @Override
    public Properties systemProperties() throws IOException {
        return vm.getSystemProperties();
    }

    @Override
    public void loadAgent(String jar, String options) throws AgentLoadException, AgentInitializationException, IOException {
        vm.loadAgent(jar, options);
    }

    @Override
    public void loadAgentPath(String library, String options) throws AgentLoadException, AgentInitializationException,
            IOException {
        vm.loadAgentPath(library, options);
    }

    @Override
    public void detach() throws IOException {
        vm.detach();
    }
}
