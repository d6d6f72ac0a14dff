package profcon.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.VirtualMachine;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.AgentArgs;
import profcon.agent.boot.AgentBootstrap;
import profcon.console.ConsoleRun;
import profcon.console.TargetJvm;

/**
 * A target keeps every agent class its system class loader got, so consoles of different builds
 * meet in one target: each build runs in a loader of its own behind the bootstrap, alternating
 * builds grows nothing, an agent from before the bootstrap is no obstacle, and a bootstrap of
 * another contract is refused with one line.
 */
class AgentVersionsIT {
    /**
     * Classes the JDK may load once along the way, whichever build attaches (its reflection and
     * method-handle plumbing); a build's agent loads about 40 in a session, so a loader that
     * stayed would show above this.
     */
    private static final int MARGIN = 10;
    /** Attaches alternating builds A and B: after the second, four more show whether anything grows per attach. */
    private static final int ATTACHES = 6;

    @TempDir
    Path work;

    @Test
    void alternatingTwoBuildsGrowsNothingOnJdk17() throws Exception {
        alternatingTwoBuildsGrowsNothing(TargetJvm.jdk("profcon.jdk17"));
    }

    @Test
    void alternatingTwoBuildsGrowsNothingOnJdk25() throws Exception {
        alternatingTwoBuildsGrowsNothing(TargetJvm.jdk("profcon.jdk25"));
    }

    private void alternatingTwoBuildsGrowsNothing(String home) throws Exception {
        Path a = AgentBuilds.current();
        Path b = AgentBuilds.variant("B", work);
        assertThat(b.getFileName()).isNotEqualTo(a.getFileName());
        try (TargetJvm target = demo(home, List.of())) {
            BuildAlternation run = new BuildAlternation(home, target.pid());
            // Resident figures after attaches 2, 6 and C only: each reading costs a full GC and four
            // jcmd calls; scripts/bench-agent-versions.sh prints every attach (and runs longer series).
            for (int i = 1; i <= ATTACHES; i++) {
                run.attach(i % 2 == 1 ? "A" : "B", i % 2 == 1 ? a : b, i == 2 || i == ATTACHES);
            }
            // A third build pushes out the least recent one, whose classes must then unload.
            run.attach("C", AgentBuilds.variant("C", work));
            System.out.printf("%s, one target, %d attaches alternating builds A and B, then C (attaches 2, %d, C):%n%s%n",
                    home, ATTACHES, ATTACHES, run.table());

            List<BuildAlternation.Step> steps = run.steps();
            long second = steps.get(0).resident().classes();
            assertThat(steps).allSatisfy(s -> assertThat(s.resident().agentLoaders()).as("loaders after %s", s)
                    .isBetween(1, 2));
            assertThat(steps.get(1).resident().classes()).as("live classes after attach " + ATTACHES)
                    .isLessThanOrEqualTo(second + MARGIN);
            assertThat(steps.get(2).resident().classes()).as("live classes after build C")
                    .isLessThanOrEqualTo(second + MARGIN);
            assertThat(target.isAlive()).isTrue();
        }
    }

    @Test
    void aTargetHoldingAnAgentFromBeforeTheBootstrapStillWorks() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = demo(home, List.of())) {
            runOldStyleSession(home, target.pid(), AgentBuilds.preBootstrap(work));
            assertThat(Resident.jcmd(home, target.pid(), "VM.classloader_stats")).doesNotContain(Resident.BUILD_LOADER);

            ConsoleRun live = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile cpu 2s; top 3");
            assertThat(live.exitCode()).as(live.err()).isZero();
            assertThat(live.firstTopRow()).contains("profcon.demo.Demo.hotLoop");
            // the new build ran beside the old one, in a loader of its own
            assertThat(Resident.agentLoaders(Resident.jcmd(home, target.pid(), "VM.classloader_stats"))).isEqualTo(1);
        }
    }

    /**
     * What a console from before the bootstrap did: load a jar naming the agent itself, let it
     * connect, and go (here by closing the channel, which ends the agent's session).
     */
    private static void runOldStyleSession(String home, long pid, Path oldJar) throws Exception {
        try (SessionDirectory dir = SessionDirectory.create();
             ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Path socket = dir.resolve("ctl.sock");
            server.bind(UnixDomainSocketAddress.of(socket));
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                AgentArgs args = new AgentArgs(dir.path(), socket, "0123456789abcdef0123456789abcdef",
                        ProcessHandle.current().pid());
                vm.loadAgent(oldJar.toString(), args.format());
                try (SocketChannel channel = server.accept()) {
                    assertThat(channel.isConnected()).isTrue();
                }
                // jcmd, not vm.getSystemProperties(): that throws when a property is cleared while it reads them
                profcon.safety.Poll.until(Duration.ofSeconds(15), "the old agent's session to end", () -> {
                    String properties = Resident.jcmd(home, pid, "VM.system_properties");
                    return properties.contains("java.version=") && !properties.contains("profcon.agent.session");
                });
            } finally {
                vm.detach();
            }
        }
    }

    @Test
    void aBootstrapOfAnotherContractIsRefusedWithOneLine() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = demo(home, List.of("-D" + AgentBootstrap.CONTRACT_PROPERTY + "=2"))) {
            long pid = target.pid();
            assertThatThrownBy(() -> AttachedJvm.attach(pid)).isInstanceOf(AttachException.class)
                    .hasMessage("target " + pid + " holds profcon's agent bootstrap contract 2; this console speaks "
                            + "contract 1: use a profcon at least as new as the one that attached before, "
                            + "or restart the target");
            assertThat(Resident.jcmd(home, pid, "VM.system_properties")).doesNotContain("profcon.agent.version");
        }
    }

    @Test
    void theBootstrapPassesEveryFailureToLoadAgent() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        Path boot = BootJar.write(SessionDirectory.base());
        Path build = AgentBuilds.current();
        try (TargetJvm target = demo(home, List.of()); SessionDirectory dir = SessionDirectory.create()) {
            String token = "0123456789abcdef0123456789abcdef";
            String badSocket = "dir=" + dir.path() + ";sock=/etc/s;token=" + token + ";console=1";
            VirtualMachine vm = VirtualMachine.attach(Long.toString(target.pid()));
            try {
                for (String args : List.of(badSocket, "agentJar=" + dir.resolve("nothing.jar") + ";" + badSocket,
                        "agentJar=" + boot + ";" + badSocket, AgentBootstrap.arguments(build, badSocket))) {
                    assertThatThrownBy(() -> vm.loadAgent(boot.toString(), args)).as(args)
                            .isInstanceOf(AgentInitializationException.class);
                }
            } finally {
                vm.detach();
            }
            // only the agent itself got as far as the session directory, and said why there
            assertThat(Files.readString(dir.resolve("agent-error.txt"))).contains("socket /etc/s is not inside");
            try (AttachedJvm jvm = AttachedJvm.attach(target.pid())) {
                assertThat(jvm.info()).containsKey("pid");
            }
        }
    }

    private static TargetJvm demo(String home, List<String> options) throws Exception {
        return TargetJvm.startOnClassPath(home, options, TargetJvm.demoClassPath(), "profcon.demo.Demo", "--threads=1");
    }
}
