package profcon.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build jar of a source is found again while the source is unchanged, and never after it changed. */
class BuildIndexTest {
    @TempDir Path dir;

    @Test
    void aJarSourceIsKnownUntilItIsRewritten() throws Exception {
        Path source = Files.writeString(dir.resolve("profcon.jar"), "classes v1");
        Path build = Files.writeString(dir.resolve("profcon-build-1.jar"), "agent");
        String stamp = BuildIndex.stamp(source, "profcon/agent/");
        assertThat(BuildIndex.find(dir, stamp)).isNull();
        BuildIndex.remember(dir, stamp, build);
        assertThat(BuildIndex.find(dir, BuildIndex.stamp(source, "profcon/agent/"))).isEqualTo(build);

        Files.writeString(source, "classes v2"); // same size: the time and the stamp still differ
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(BuildIndex.stamp(source, "profcon/agent/")).isNotEqualTo(stamp);
        assertThat(BuildIndex.find(dir, BuildIndex.stamp(source, "profcon/agent/"))).isNull();
    }

    @Test
    void aDirectorySourceChangesWithAnyClassUnderTheAgentPackage() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/profcon/agent/jfr"));
        Files.writeString(classes.resolve("Recipe.class"), "v1");
        Path source = dir.resolve("classes");
        String stamp = BuildIndex.stamp(source, "profcon/agent/");
        Files.writeString(dir.resolve("classes/Other.class"), "outside the agent"); // not part of the build
        assertThat(BuildIndex.stamp(source, "profcon/agent/")).isEqualTo(stamp);
        Files.writeString(classes.resolve("Added.class"), "new");
        assertThat(BuildIndex.stamp(source, "profcon/agent/")).isNotEqualTo(stamp);
    }

    @Test
    void theAgentJarIsWrittenOnceThenLookedUp() throws Exception {
        Path jars = Files.createDirectory(dir.resolve("jars"));
        Path index = dir.resolve("index");
        Path first = AgentJar.writeOnce(jars, index);
        try (var entries = Files.list(index)) {
            assertThat(entries.toList()).hasSize(1);
        }
        assertThat(AgentJar.writeOnce(jars, index)).isEqualTo(first);
        Files.delete(first); // a cleaned directory: written again, under the same name
        assertThat(AgentJar.writeOnce(jars, index)).isEqualTo(first).isRegularFile();
        assertThat(AgentJar.write(jars)).isEqualTo(first);
    }

    @Test
    void aGoneJarOrAStampWithTheSameHashCodeIsNoEntry() throws Exception {
        Path build = Files.writeString(dir.resolve("profcon-build-2.jar"), "agent");
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        BuildIndex.remember(dir, "Aa", build);
        assertThat(BuildIndex.find(dir, "BB")).isNull();
        assertThat(BuildIndex.find(dir, "Aa")).isEqualTo(build);
        Files.delete(build);
        assertThat(BuildIndex.find(dir, "Aa")).isNull();
    }
}
