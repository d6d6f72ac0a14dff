package profcon.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.boot.AgentBootstrap;

/** The jar a target loads holds the bootstrap alone, under one name for every build; the build jar, the rest. */
class BootJarTest {
    @Test
    void theBootJarHoldsTheBootstrapAloneUnderOneName(@TempDir Path dir) throws Exception {
        Path boot = BootJar.write(dir);
        assertThat(BootJar.write(dir)).isEqualTo(boot);
        assertThat(boot.getFileName().toString()).matches("profcon-agent-[0-9a-f]{16}\\.jar");
        try (JarFile jar = new JarFile(boot.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Agent-Class"))
                    .isEqualTo(AgentBootstrap.class.getName());
            assertThat(Collections.list(jar.entries())).extracting(JarEntry::getName)
                    .contains("profcon/agent/boot/AgentBootstrap.class")
                    .allMatch(name -> name.startsWith("profcon/agent/boot/") || name.startsWith("META-INF/"));
        }
    }

    @Test
    void theBootJarsNameIsTheHashOfTheContract(@TempDir Path dir) throws Exception {
        assertThat(BootJar.NAME).isEqualTo("profcon-agent-" + ClassFiles.hash(BootJar.contractText()) + ".jar");
        assertThat(BootJar.write(dir).getFileName().toString()).isEqualTo(BootJar.NAME);
    }

    @Test
    void theBuildJarLeavesTheBootstrapOut(@TempDir Path dir) throws Exception {
        Path build = AgentJar.write(dir);
        assertThat(build.getFileName().toString()).matches("profcon-build-[0-9a-f]{16}\\.jar");
        try (JarFile jar = new JarFile(build.toFile())) {
            assertThat(Collections.list(jar.entries())).extracting(JarEntry::getName)
                    .contains("profcon/agent/ProfconAgent.class")
                    .noneMatch(name -> name.startsWith("profcon/agent/boot/"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(build);
        }
    }
}
