import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Records SIGINT (Ctrl-C) so that long work can poll for it and stop.
///
/// Install it once, early. While libedit reads a line it handles SIGINT
/// itself, restores the terminal and then chains to this handler.
public final class InterruptFlag: Sendable {
    /// The one flag of the process: there is one SIGINT disposition.
    public static let shared = InterruptFlag()

    private let raised = Atomic<Bool>(false)
    private let installed = Atomic<Bool>(false)

    private init() {}

    /// Installs the SIGINT handler (once; later calls do nothing).
    public func install() {
        guard !installed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in InterruptFlag.shared.raise() }
        #else
        action.__sigaction_u.__sa_handler = { _ in InterruptFlag.shared.raise() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        // A parent that spawned us from a thread blocking SIGINT (Dispatch
        // workers do) passes that mask on: unblock it, or Ctrl-C never arrives.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Whether Ctrl-C was pressed since the last ``take()``.
    public var isSet: Bool { raised.load(ordering: .acquiring) }

    /// Reads and clears the flag.
    public func take() -> Bool { raised.exchange(false, ordering: .acquiringAndReleasing) }

    /// Sets the flag as the signal handler does (async-signal-safe: one atomic store).
    public func raise() { raised.store(true, ordering: .releasing) }
}
