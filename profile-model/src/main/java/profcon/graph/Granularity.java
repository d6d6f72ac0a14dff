package profcon.graph;

/** Which parts of a location identify a node (pprof's Aggregate flags). */
public record Granularity(boolean inlines, boolean function, boolean filename, boolean lineNumber,
                          boolean address) {
    /** Everything kept: pprof skips aggregation for "addresses" with inlines. */
    public static final Granularity ALL = new Granularity(true, true, true, true, true);

    /** The granularity pprof's driver uses for a setting value and the noinlines flag. */
    public static Granularity of(String name, boolean noInlines) {
        boolean inl = !noInlines;
        return switch (name) {
            case "addresses" -> noInlines ? new Granularity(false, true, true, true, true) : ALL;
            case "lines", "columns" -> new Granularity(inl, true, true, true, false);
            case "files" -> new Granularity(inl, false, true, false, false);
            case "filefunctions" -> new Granularity(inl, true, true, false, false);
            default -> new Granularity(inl, true, false, false, false);
        };
    }
}
