package profcon.agent.vwait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's JSON reader, on a thread as JDK 25's dumpThreads(file, JSON) writes it. */
class DumpJsonTest {
    private static final String DUMP = """
            {"threadDump": {"processId": "42", "threadContainers": [ {"container": "<root>", "parent": null,
              "threads": [ {"tid": "23", "virtual": true, "name": "v\\"lock\\u0041", "state": "WAITING",
                "parkBlocker": {"object": "java.util.concurrent.locks.ReentrantLock$NonfairSync@1139b2f3"},
                "stack": ["java.base/java.util.concurrent.locks.ReentrantLock.lock(ReentrantLock.java:323)",
                          "Probe.lambda$main$0(Probe.java:10)"], "monitorsOwned": []} ]} ]}}
            """;

    @Test
    @SuppressWarnings("unchecked")
    void readsAThreadOfTheJdksDump() {
        Map<String, Object> root = (Map<String, Object>) DumpJson.parse(DUMP);
        Map<String, Object> dump = (Map<String, Object>) root.get("threadDump");
        assertThat(dump.get("processId")).isEqualTo("42");
        Map<String, Object> container = (Map<String, Object>) ((List<Object>) dump.get("threadContainers")).get(0);
        assertThat(container.get("parent")).isEqualTo("null");
        Map<String, Object> thread = (Map<String, Object>) ((List<Object>) container.get("threads")).get(0);
        assertThat(thread.get("virtual")).isEqualTo("true");
        assertThat(thread.get("name")).isEqualTo("v\"lockA");
        assertThat((List<Object>) thread.get("stack")).hasSize(2);
        assertThat((List<Object>) thread.get("monitorsOwned")).isEmpty();
        assertThat(((Map<String, Object>) thread.get("parkBlocker")).get("object"))
                .isEqualTo("java.util.concurrent.locks.ReentrantLock$NonfairSync@1139b2f3");
    }

    @Test
    void aTruncatedDumpSaysWhere() {
        assertThatThrownBy(() -> DumpJson.parse("{\"threads\": [1, 2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thread dump JSON: unexpected end at offset");
        assertThatThrownBy(() -> DumpJson.parse("{\"a\": 1} x")).hasMessageContaining("trailing text");
    }
}
