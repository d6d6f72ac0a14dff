package profcon.model;

/** A function (for Java: a method) as profile.proto describes it; {@code name} is {@code package.Class.method}. */
public record Function(long id, String name, String systemName, String filename, long startLine) {
    public Function {
        name = name == null ? "" : name;
        systemName = systemName == null ? "" : systemName;
        filename = filename == null ? "" : filename;
    }
}
