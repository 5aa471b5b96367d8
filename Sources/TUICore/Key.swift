/// Keys as the runtime reports them.
public enum Key: Hashable, Sendable {
    case character(Character), enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int), alt(Character), control(Character), resize
    /// A left press of the mouse on the cell at column `x`, row `y` (the wheel comes as
    /// ``up`` and ``down``).
    case click(x: Int, y: Int)
}
