/// Sleeps until `deadline` even when the calling task is cancelled: channels keep their
/// timing promises (pacing, delays) and end by their timeouts, not by cancellation.
func sleepUninterrupted(until deadline: ContinuousClock.Instant) async {
    do {
        try await Task.sleep(until: deadline, tolerance: .zero, clock: .continuous)
    } catch {
        // Cancelled: finish the wait in a task that is not.
        await Task.detached {
            try? await Task.sleep(until: deadline, tolerance: .zero, clock: .continuous)
        }.value
    }
}

extension Duration {
    /// Seconds as a Double (for printing and for poll(2)'s milliseconds).
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}
