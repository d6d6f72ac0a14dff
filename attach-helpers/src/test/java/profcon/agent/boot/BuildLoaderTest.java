package profcon.agent.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.ProfconAgent;

/** A build's loader sees its jar's classes and the JDK's, never the application's copies, and keeps no file open. */
class BuildLoaderTest {
    @Test
    void loadsTheBuildsOwnClassesAndKeepsNoFileOpen(@TempDir Path tmp) throws Exception {
        Path jar = BuildJars.of(tmp.resolve("build.jar"), "profcon/agent");
        BuildLoader loader = BuildLoader.read(jar);
        Class<?> agent = Class.forName(ProfconAgent.class.getName(), true, loader);

        assertThat(agent).isNotSameAs(ProfconAgent.class); // the test's class path has its own copy
        assertThat(agent.getClassLoader()).isSameAs(loader);
        assertThat(agent.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(jar.toUri().toURL());
        assertThat(Class.forName("java.util.List", false, loader)).isSameAs(java.util.List.class);
        assertThat(BuildJars.openFiles()).doesNotContain(jar.toRealPath());
    }
}
