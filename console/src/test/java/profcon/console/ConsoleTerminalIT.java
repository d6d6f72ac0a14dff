package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console at a real terminal (tmux): completion, help, a profile stopped with Ctrl-C that
 * keeps its data, the unsaved-profile warning on quit, history kept across sessions, and
 * output longer than the screen paged.
 */
class ConsoleTerminalIT {
    @TempDir
    Path home;

    @Test
    void aSessionAtTheTerminal() throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed: skipping the terminal test");
        try (Tmux t = Tmux.start("first", console("--demo"))) {
            t.await("(profcon)", 90);
            t.type("hel");
            t.keys("Tab");
            t.await("(profcon) help", 10);
            t.keys("Enter");
            t.await("Type 'help COMMAND' for more", 10);

            t.type("profile cpu 60s");
            t.keys("Enter");
            t.await("profiling: ", 30);
            t.keys("C-c");
            t.await("stopped early (Ctrl-C); keeping what was collected", 30);
            t.type("top3");
            t.keys("Enter");
            assertThat(t.await("flat  flat%", 20)).contains("profcon.demo.Demo.hotLoop");

            t.type("quit");
            t.keys("Enter");
            t.await("is not saved", 10);
            t.type("quit");
            t.keys("Enter");
            t.await("CONSOLE EXITED 0", 30);
        }
        assertThat(Files.readString(home.resolve(".profcon_history"))).contains("top3");
        try (Tmux t = Tmux.start("second", console(GoPprofAgreementTest.fixture("demo-cpu.pb.gz").toString()))) {
            t.await("(profcon)", 60);
            t.keys("Up");
            t.keys("Up");
            t.await("(profcon) top3", 10);
            t.keys("C-u");
            t.type("traces");
            t.keys("Enter");
            t.await("-- more (space: page, enter: line, q: stop) --", 20);
            t.type("q");
            t.await("(profcon)", 10);
            t.keys("C-d");
            t.await("CONSOLE EXITED 0", 30);
        }
    }

    /** A shell command running the console with a private home (for its history file). */
    private String console(String args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "env HOME=" + home + " " + java + " -Duser.home=" + home + " -cp " + System.getProperty("java.class.path")
                + " " + Main.class.getName() + " " + args + "; echo CONSOLE EXITED $?; sleep 30";
    }
}
