package profcon.console;

/** A status line that a long command updates while it works; on a terminal it is redrawn in place. */
public interface Progress {
    /** No progress display: scripts and pipes. */
    Progress NONE = new Progress() {
        @Override
        public void update(String line) {
        }

        @Override
        public void done() {
        }
    };

    void update(String line);

    /** Clears the line, so the next output starts clean. */
    void done();
}
