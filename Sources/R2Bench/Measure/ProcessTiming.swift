import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Timing a whole program: spawn, run to exit, reap.
public enum ProcessTiming {
    /// The path of the running executable (/proc/self/exe on Linux).
    public static var currentExecutable: String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return path
        }
        #endif
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// Wall seconds from spawning `path` with `arguments` (output to
    /// /dev/null) to reaping it; nil when it cannot be spawned or fails.
    public static func run(_ path: String, _ arguments: [String]) -> Double? {
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let (spawned, seconds) = Stopwatch.time { () -> Bool in
            guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return false }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return status == 0
        }
        return spawned ? seconds : nil
    }

    /// The best of `repetitions` runs, nil when any run fails.
    public static func best(of repetitions: Int, _ path: String, _ arguments: [String]) -> Double? {
        var best = Double.infinity
        for _ in 0..<Swift.max(1, repetitions) {
            guard let s = run(path, arguments) else { return nil }
            best = Swift.min(best, s)
        }
        return best
    }
}
