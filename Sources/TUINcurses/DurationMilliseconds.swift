extension Duration {
    /// Whole milliseconds, rounded up (a wait of this long has passed the duration), and
    /// never below 0: what a timeout in milliseconds (poll, wtimeout) takes.
    public var millisecondsUp: Int {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0, self > .zero else { return 0 }
        let ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int(clamping: ms + (attoseconds % 1_000_000_000_000_000 == 0 ? 0 : 1))
    }
}
