import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `TmuxSession.close()` asks about processes it did not start itself (the tmux
/// server is a daemon, the pane's shell and programs are the server's children): are they
/// still running, and which processes are left in a pane's session.
enum ProcessTable {
    /// True while `pid` exists and has not ended: a zombie waiting for its parent to reap
    /// it has ended.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        return stat(of: pid)?.state != "Z"
        #else
        return true
        #endif
    }

    /// The running processes of session `sid` (a tmux pane's shell leads one; the
    /// programs it starts, background jobs too, belong to it). Empty where there is no
    /// `/proc`.
    static func members(ofSession sid: pid_t) -> [pid_t] {
        #if os(Linux)
        guard sid > 0, let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { pid_t($0) }.filter { pid in
            guard let stat = stat(of: pid) else { return false }
            return stat.session == sid && stat.state != "Z"
        }
        #else
        return []
        #endif
    }

    /// State and session id from `/proc/<pid>/stat` ("pid (comm) S ppid pgrp session …";
    /// comm may hold spaces and parentheses, so fields count from the last ")").
    private static func stat(of pid: pid_t) -> (state: Character, session: pid_t)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 3, let state = fields[0].first, let session = pid_t(fields[3]) else { return nil }
        return (state, session)
    }
}
