package profcon.model;

import java.util.List;

/** A program counter, resolved to its lines; {@code mapping} may be null when the producer wrote none. */
public record Location(long id, Mapping mapping, long address, List<Line> lines, boolean isFolded) {
    public Location {
        lines = List.copyOf(lines);
    }
}
