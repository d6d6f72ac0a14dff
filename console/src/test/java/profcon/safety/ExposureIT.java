package profcon.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.attach.AgentClient;
import profcon.attach.AgentException;
import profcon.attach.AgentJar;
import profcon.attach.AttachedJvm;
import profcon.attach.SessionDirectory;
import profcon.console.TargetJvm;
import profcon.pprof.PprofReader;

/**
 * Nothing is exposed: no new listening socket in the target or the console, session files only
 * the user can read, and an agent that refuses every argument and request outside its contract.
 */
class ExposureIT {
    private static final long CONSOLE = ProcessHandle.current().pid(); // the console runs in this test's JVM

    @TempDir
    Path tmp;

    @Test
    void noListeningSocketAndPrivateSessionFiles() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = Targets.demo(home)) {
            long pid = target.pid();
            Set<String> targetBefore = Proc.listeningSockets(pid);
            Set<String> consoleBefore = Proc.listeningSockets(CONSOLE);
            try (AttachedJvm jvm = AttachedJvm.attach(pid)) {
                assertNoNewListeners(pid, targetBefore, consoleBefore, "attached");
                jvm.client().call("start cpu");
                Poll.until(Duration.ofSeconds(30), "the first samples",
                        () -> !jvm.client().call("progress").message().contains("events=0"));
                assertNoNewListeners(pid, targetBefore, consoleBefore, "profiling");
                assertPrivate(SessionDirectory.base());
                List<Path> sessions = sessionDirectories();
                assertThat(sessions).isNotEmpty();
                for (Path dir : sessions) {
                    assertPrivate(dir);
                }
                jvm.client().call("stop");
            }
            assertNoNewListeners(pid, targetBefore, consoleBefore, "detached");
        }
    }

    private static void assertNoNewListeners(long pid, Set<String> target, Set<String> console, String when) {
        assertThat(Proc.listeningSockets(pid)).as("target's listening TCP/UDP sockets, %s", when)
                .isEqualTo(target);
        assertThat(Proc.listeningSockets(CONSOLE)).as("console's listening TCP/UDP sockets, %s", when)
                .isEqualTo(console);
    }

    private static void assertPrivate(Path dir) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).as(dir.toString())
                .isEqualTo("rwx------");
    }

    private static List<Path> sessionDirectories() throws Exception {
        try (Stream<Path> dirs = Files.list(SessionDirectory.base())) {
            return dirs.filter(Files::isDirectory).toList();
        }
    }

    @Test
    void agentRefusesBadArgumentsAndLeavesTheTargetUnharmed() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path jar = AgentJar.write(SessionDirectory.base());
        String token = "0123456789abcdef0123456789abcdef";
        List<String> bad = List.of("garbage", "", ";;;", "dir=relative;sock=relative/s;token=" + token + ";console=1",
                "dir=" + open + ";sock=" + open + "/s;token=" + token + ";console=1",
                "dir=/nonexistent;sock=/nonexistent/s;token=" + token + ";console=1",
                "dir=" + tmp + ";sock=/etc/s;token=" + token + ";console=1",
                "dir=" + tmp + ";sock=" + tmp + "/s;token=nothex;console=1",
                "dir=" + tmp + ";sock=" + tmp + "/s;token=" + token + ";console=-4",
                "dir=" + tmp + ";sock=" + tmp + "/s;token=" + token + ";console=1;extra=1",
                "dir=" + tmp + ";sock=" + tmp + "/s;token=" + token + ";console=" + "9".repeat(500));
        try (TargetJvm target = Targets.demo(home)) {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(target.pid()));
            try {
                for (String args : bad) {
                    assertThatThrownBy(() -> vm.loadAgent(jar.toString(), args))
                            .as("loadAgent with '%s'", args.length() > 80 ? args.substring(0, 80) + "..." : args)
                            .isInstanceOf(AgentInitializationException.class);
                }
                // Past the attach protocol's own limit (1 KB on JDK 17) the JVM refuses before the agent runs.
                assertThatThrownBy(() -> vm.loadAgent(jar.toString(), "dir=" + "x".repeat(10_000)))
                        .isInstanceOf(java.io.IOException.class);
            } finally {
                vm.detach();
            }
            assertThat(open.resolve("agent-error.txt")).as("no error report in a directory open to others")
                    .doesNotExist();
            assertThat(target.isAlive()).isTrue();
            assertThat(Proc.javaThreadNames(home, target.pid())).noneMatch(n -> n.startsWith("profcon-"));
            assertThat(Proc.jcmd(home, target.pid(), "VM.system_properties")).doesNotContain("profcon.agent.session");
            try (AttachedJvm jvm = AttachedJvm.attach(target.pid())) {
                assertThat(jvm.info()).containsKey("pid"); // and a real session still works
            }
        }
    }

    @Test
    void nonsenseRequestsGetOneLineErrorsAndTheSessionGoesOn() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = Targets.demo(home);
             AttachedJvm jvm = AttachedJvm.attach(target.pid())) {
            AgentClient agent = jvm.client();
            assertRefused(agent, "start cpu period=0ms", "period must be between 1ms and 10s");
            assertRefused(agent, "start cpu max=99h", "max must be between 1ms and 24h");
            assertRefused(agent, "start cpu period=-5ms", "period: '-5ms' is not a duration");
            assertRefused(agent, "start cpu period=soon", "not a duration");
            assertRefused(agent, "start cpu maxsamples=abc", "maxsamples must be a whole number");
            assertRefused(agent, "start cpu maxsamples=99999999999", "maxsamples must be between");
            assertRefused(agent, "start cpu color=red", "unknown sampling option 'color'");
            assertRefused(agent, "start cpu period", "expected key=value");
            assertRefused(agent, "start nosuchkind", "unknown profile kind 'nosuchkind'");
            assertRefused(agent, "start", "start needs a profile kind");
            assertRefused(agent, "stop", "no profile is being collected");
            assertRefused(agent, "snapshot", "no profile is being collected");
            assertRefused(agent, "frobnicate now", "unknown request 'frobnicate'");
            assertRefused(agent, "", "unknown request");
            assertRefused(agent, "start cpu " + "x".repeat(10_000), "expected key=value");
            assertRefused(agent, "start cpu " + "x".repeat(100_000), "too long");

            agent.call("start cpu");
            assertRefused(agent, "start cpu", "a cpu profile is already being collected");
            Poll.until(Duration.ofSeconds(30), "the first samples",
                    () -> !agent.call("progress").message().contains("events=0"));
            assertThat(PprofReader.parse(agent.call("stop").payload(), "profile").samples()).isNotEmpty();
            assertThat(target.isAlive()).isTrue();
        }
    }

    private static void assertRefused(AgentClient agent, String request, String reason) {
        assertThatThrownBy(() -> agent.call(request)).as(request.length() > 60 ? request.substring(0, 60) : request)
                .isInstanceOf(AgentException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
    }
}
