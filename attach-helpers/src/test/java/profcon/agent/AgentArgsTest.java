package profcon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentArgsTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    private Path privateDir() throws Exception {
        Path dir = tmp.resolve("session");
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return dir;
    }

    @Test
    void acceptsWhatTheConsoleSends() throws Exception {
        Path dir = privateDir();
        AgentArgs args = AgentArgs.parse("dir=" + dir + ";sock=" + dir.resolve("ctl.sock") + ";token=" + TOKEN + ";console=42");
        assertThat(args.consolePid()).isEqualTo(42);
        assertThat(AgentArgs.parse(args.format())).isEqualTo(args);
    }

    @Test
    void refusesADirectoryOthersCanRead() throws Exception {
        Path dir = privateDir();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        assertThatThrownBy(() -> AgentArgs.parse("dir=" + dir + ";sock=" + dir.resolve("s") + ";token=" + TOKEN + ";console=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open to other users");
    }

    @Test
    void refusesASocketOutsideTheDirectory() throws Exception {
        Path dir = privateDir();
        assertThatThrownBy(() -> AgentArgs.parse("dir=" + dir + ";sock=/tmp/elsewhere.sock;token=" + TOKEN + ";console=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not inside");
    }

    @Test
    void refusesRelativeDirectoriesBadTokensAndUnknownKeys() throws Exception {
        Path dir = privateDir();
        String sock = ";sock=" + dir.resolve("s");
        assertThatThrownBy(() -> AgentArgs.parse("dir=rel" + sock + ";token=" + TOKEN + ";console=1"))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> AgentArgs.parse("dir=" + dir + sock + ";token=xyz;console=1"))
                .hasMessageContaining("token");
        assertThatThrownBy(() -> AgentArgs.parse("dir=" + dir + sock + ";token=" + TOKEN + ";console=1;port=80"))
                .hasMessageContaining("unknown argument 'port'");
        assertThatThrownBy(() -> AgentArgs.parse("")).hasMessageContaining("no arguments");
        assertThatThrownBy(() -> AgentArgs.parse("dir=" + dir + sock + ";token=" + TOKEN + ";console=-3"))
                .hasMessageContaining("positive");
    }
}
