/// Horizontal alignment of text in a column.
public enum Alignment: Hashable, Sendable { case left, right, center }
