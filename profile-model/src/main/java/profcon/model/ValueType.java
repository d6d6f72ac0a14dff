package profcon.model;

/** One kind of value a sample carries, e.g. {@code cpu/nanoseconds} or {@code contentions/count}. */
public record ValueType(String type, String unit) {
    public ValueType {
        type = type == null ? "" : type;
        unit = unit == null ? "" : unit;
    }

    @Override
    public String toString() {
        return type + "/" + unit;
    }
}
