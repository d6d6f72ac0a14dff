package profcon.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachOperationFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A target whose attach listener is already up, spoken to in HotSpot's attach protocol (version 1,
 * which JDK 17 to 25 serve; what async-profiler's jattach speaks) over its socket, one connection per
 * command. It skips what {@code VirtualMachine.attach} does first on every call: reading the
 * target's jvmstat counters to check it is attachable, 40 ms of the console's CPU; a listener that
 * answers is the proof. Replies and failures are read as the JDK reads them.
 */
final class ListenerConnection implements TargetConnection {
    private static final String RETURN_CODE = "return code: ";
    // the instrument library's codes for a jar it could not load (JDK's HotSpotVirtualMachine.loadAgent)
    private static final int BAD_JAR = 100;
    private static final int NOT_ON_CLASS_PATH = 101;
    private static final int START_FAILED = 102;
    private final Path socket;

    ListenerConnection(Path socket) {
        this.socket = socket;
    }

    @Override
    public Properties systemProperties() throws IOException {
        try (InputStream in = execute("properties", "", "", "")) {
            if (status(in) != 0) {
                throw new AttachOperationFailedException(message(in, "Command failed in target VM"));
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        }
    }

    @Override
    public void loadAgent(String jar, String options) throws AgentLoadException, AgentInitializationException, IOException {
        int code = load("instrument", "false", jar + "=" + options);
        switch (code) {
            case 0 -> { }
            case START_FAILED -> throw new AgentInitializationException("Agent JAR loaded but agent failed to initialize", code);
            case BAD_JAR -> throw new AgentLoadException("Agent JAR not found or no Agent-Class attribute");
            case NOT_ON_CLASS_PATH -> throw new AgentLoadException("Unable to add JAR file to system class path");
            default -> throw new AgentLoadException("Failed to load agent - unknown reason: " + code);
        }
    }

    @Override
    public void loadAgentPath(String library, String options) throws AgentLoadException, AgentInitializationException,
            IOException {
        int code = load(library, "true", options);
        if (code != 0) {
            throw new AgentInitializationException("Agent_OnAttach failed", code);
        }
    }

    /** The {@code load} command; the library's return code, or the JDK's exception when it could not run. */
    private int load(String library, String absolute, String options) throws AgentLoadException, IOException {
        try (InputStream in = execute("load", library, absolute, options)) {
            if (status(in) != 0) {
                throw new AgentLoadException("Failed to load agent library: " + message(in, ""));
            }
            String reply = message(in, "");
            if (!reply.startsWith(RETURN_CODE)) {
                throw new AgentLoadException(reply.isEmpty() ? "Target VM did not respond" : reply);
            }
            return Integer.parseInt(reply.substring(RETURN_CODE.length()).trim());
        }
    }

    @Override
    public void detach() {
        // nothing is held between commands
    }

    /** Sends a command with its three arguments; the reply is the returned stream, closed with the connection. */
    private InputStream execute(String command, String... args) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        for (String word : new String[] {"1", command, args[0], args[1], args[2]}) {
            request.writeBytes(word.getBytes(StandardCharsets.UTF_8));
            request.write(0);
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer bytes = ByteBuffer.wrap(request.toByteArray());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The reply's first line, the command's completion status. */
    private static int status(InputStream in) throws IOException {
        String line = line(in);
        try {
            return Integer.parseInt(line.trim());
        } catch (NumberFormatException e) {
            throw new IOException("the target's attach listener replied '" + line + "' to a command");
        }
    }

    private static String message(InputStream in, String otherwise) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? otherwise : text;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
