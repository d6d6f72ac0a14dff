package profcon.graph;

import java.util.List;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Mapping;

/** A report's private, mutable copy of one location: filters such as hide and show_from drop its lines. */
public final class WLoc {
    final int index;
    final long id;
    final Mapping mapping;
    final long address;
    List<Line> lines;

    WLoc(int index, Location loc) {
        this.index = index;
        this.id = loc.id();
        this.mapping = loc.mapping();
        this.address = loc.address();
        this.lines = loc.lines();
    }

    /** Position in {@link WorkProfile#locations()}. */
    public int index() {
        return index;
    }

    public long id() {
        return id;
    }

    public Mapping mapping() {
        return mapping;
    }

    public long address() {
        return address;
    }

    /** The remaining lines, callee first. */
    public List<Line> lines() {
        return lines;
    }

    public void setLines(List<Line> newLines) {
        lines = List.copyOf(newLines);
    }

    /** The mapped file's base name, or "". */
    public String objfile() {
        if (mapping == null || mapping.file().isEmpty()) {
            return "";
        }
        return baseName(mapping.file());
    }

    /** The last element of a path, as Go's filepath.Base (trailing slashes ignored). */
    public static String baseName(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 || p.length() == 1 ? p : p.substring(slash + 1);
    }
}
