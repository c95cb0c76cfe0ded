import Foundation
import R2Forecast

/// A progress bar on standard error for runs longer than about half a
/// second, on a terminal only: trials done, rate, time left. It clears
/// itself when the run ends.
public final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private var shown = false
    private let width: Int

    public init(total: Int, width: Int = 80) {
        self.total = total
        self.width = width
    }

    /// Called with the number of trials done so far.
    public func update(_ done: Int) {
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed > 0.5, done < total else {
            if done >= total { finish() }
            return
        }
        let fraction = Double(done) / Double(max(1, total))
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let barWidth = max(10, min(40, width - 60))
        let filled = Int(fraction * Double(barWidth))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        let text =
            "\r\(bar) \(Int(fraction * 100))%  \(Format.count(done))/\(Format.count(total)) trials  \(Format.count(Int(rate)))/s  \(Format.fixed(left, digits: 1))s left\u{1B}[K"
        FileHandle.standardError.write(Data(text.utf8))
        shown = true
    }

    package func finish() {
        if shown {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            shown = false
        }
    }
}
