/// Keeps a selected row visible: the first row shown after scrolling as little as needed.
public enum Scrolling {
    public static func offset(_ offset: Int, keeping selected: Int?, rows: Int, height: Int) -> Int {
        guard height > 0, rows > 0 else { return 0 }
        var o = min(max(0, offset), max(0, rows - height))
        if let s = selected {
            if s < o { o = s }
            if s >= o + height { o = s - height + 1 }
        }
        return max(0, o)
    }
}
