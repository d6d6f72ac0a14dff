package profcon.model;

/** One source line of a location; a location with several lines is an inlined call chain, callee first. */
public record Line(Function function, long line, long column) {
}
