package profcon.model;

/** A mapped binary (or, for Java, the pseudo-mapping of the JVM) that locations belong to. */
public record Mapping(long id, long start, long limit, long offset, String file, String buildId,
                      boolean hasFunctions, boolean hasFilenames, boolean hasLineNumbers,
                      boolean hasInlineFrames) {
    public Mapping {
        file = file == null ? "" : file;
        buildId = buildId == null ? "" : buildId;
    }
}
