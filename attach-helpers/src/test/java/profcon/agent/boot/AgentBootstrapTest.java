package profcon.agent.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap's contract: its argument, its property, and failures that reach the caller as the agent's own. */
class AgentBootstrapTest {
    @TempDir
    Path tmp;

    @Test
    void argumentsWithoutTheBuildJarAreRefused() {
        assertThatThrownBy(() -> AgentBootstrap.agentmain("dir=/tmp;sock=/tmp/s", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected agentJar=PATH;");
        assertThatThrownBy(() -> AgentBootstrap.agentmain(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(System.getProperty(AgentBootstrap.CONTRACT_PROPERTY)).isEqualTo("1");
    }

    @Test
    void theAgentsRefusalComesOutAsItsOwn() throws Exception {
        Path build = BuildJars.of(tmp.resolve("build.jar"), "profcon/agent");
        assertThatThrownBy(() -> AgentBootstrap.agentmain(AgentBootstrap.arguments(build, "garbage"), null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("profcon agent: unknown argument 'garbage'");
    }

    @Test
    void aJarWithoutTheAgentIsAFailureThatNamesIt() throws Exception {
        Path boot = BuildJars.of(tmp.resolve("boot.jar"), "profcon/agent/boot");
        assertThatThrownBy(() -> AgentBootstrap.agentmain(AgentBootstrap.arguments(boot, "x"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no profcon.agent.ProfconAgent");
        assertThatThrownBy(() -> AgentBootstrap.agentmain(AgentBootstrap.arguments(tmp.resolve("none.jar"), "x"), null))
                .hasMessageContaining("cannot read the agent build");
    }
}
