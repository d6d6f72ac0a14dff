package profcon.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.tools.attach.AgentLoadException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import profcon.console.TargetJvm;

/**
 * Speaking HotSpot's attach protocol straight to a target's listener, as the JDK does once the
 * listener is up: the same system properties, the same failures, on JDK 17 and 25 targets; and a
 * listener socket others could use is left to the JDK.
 */
class ListenerConnectionIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void readsPropertiesAndReportsABadJarAsTheJdkDoes(String jdk) throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk(jdk), "profcon.demo.Demo", "--threads=1")) {
            assertThat(ListenerSocket.of(target.pid())).as("no listener before the first attach").isEmpty();
            JdkConnection jdkAttach = JdkConnection.attach(target.pid());
            Properties expected = jdkAttach.systemProperties();
            jdkAttach.detach();

            Path socket = ListenerSocket.of(target.pid()).orElseThrow();
            ListenerConnection direct = new ListenerConnection(socket);
            Properties read = direct.systemProperties();
            assertThat(read.getProperty("java.home")).isEqualTo(expected.getProperty("java.home")).isNotEmpty();
            assertThat(read.getProperty("sun.java.command")).contains("profcon.demo.Demo");
            assertThatThrownBy(() -> direct.loadAgent("/nonexistent/profcon.jar", "x"))
                    .isInstanceOf(AgentLoadException.class).hasMessageContaining("Agent JAR not found");
            // a native library that is not there: the listener's own words (17 fails the command, 25 says it in the reply)
            assertThatThrownBy(() -> direct.loadAgentPath("/nonexistent/libnothing.so", "start"))
                    .isInstanceOf(AgentLoadException.class).hasMessageContaining("/nonexistent/libnothing.so");
            assertThat(TargetConnection.open(target.pid())).isInstanceOf(ListenerConnection.class);
        }
    }

    @Test
    void leavesASocketOthersMayUseToTheJdk(@TempDir Path tmp) throws Exception {
        long pid = 4242;
        Path socket = tmp.resolve(".java_pid" + pid);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            assertThat(ListenerSocket.in(tmp, pid)).contains(socket);
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            assertThat(ListenerSocket.in(tmp, pid)).isEmpty();
        }
        Files.delete(socket); // a closed server leaves its socket file behind
        Files.writeString(socket, "not a socket");
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        assertThat(ListenerSocket.in(tmp, pid)).isEmpty();
    }
}
