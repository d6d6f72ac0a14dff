package profcon.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real terminal for console tests: a tmux session we type into and read the screen of. */
final class Tmux implements AutoCloseable {
    private final String session;
    private final String socket;

    private Tmux(String session, String socket) {
        this.session = session;
        this.socket = socket;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code command} (a shell command line) in a new 160x50 tmux session on a private server. */
    static Tmux start(String name, String command) throws IOException, InterruptedException {
        Tmux t = new Tmux(name, "profcon-test-" + ProcessHandle.current().pid() + "-" + name);
        t.run("new-session", "-d", "-s", name, "-x", "160", "-y", "50", command);
        return t;
    }

    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", session, "-l", text);
    }

    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", session);
    }

    /** Waits until the screen shows {@code text}; returns the screen, or fails with it after the timeout. */
    String await(String text, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String screen = screen();
        while (!screen.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(200); // a terminal has no event to wait for; poll the screen
            screen = screen();
        }
        if (!screen.contains(text)) {
            throw new AssertionError("the screen never showed '" + text + "':\n" + screen);
        }
        return screen;
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("kill-server");
    }
}
