import R2Model

/// The story of one trial: its sampled inputs, the events that fired, and
/// month by month the timeline changes, supply, platform, failures,
/// switches, ports, progress, adoption; then holds and release.
public struct TrialTrace: Sendable, Hashable, Codable {
    public var trial: Int
    public var seed: UInt64
    public var clockStart: Int
    public var clockEnd: Int
    public var chipNames: [String]
    /// Every input slot (`CompiledScenario.inputs`, same order) with its value.
    public var inputs: [Input] = []
    public var programme = Programme()
    public var events: [Event] = []
    public var months: [Month] = []
    /// tau, months after the clock's start; nil when training never completed.
    public var completion: Double?
    /// K, the number of holds (+infinity when h = 1).
    public var holds: Double = 0
    /// r in months after the clock's start; +infinity when training never completed.
    public var release: Double = .infinity
    /// The step in which the programme folded (before its release), when it
    /// did (model v2): the lab's next flagship still ships at `release`, but
    /// not under R2's name.
    public var fold: Int?

    public var clock: Clock { Clock(start: clockStart, end: clockEnd) }
    public var isCensored: Bool { release >= Double(clockEnd - clockStart + 1) }

    public struct Input: Sendable, Hashable, Codable {
        public var label: String
        public var value: Double
        public var isRandom: Bool
    }

    /// The R2 programme as sampled (and clamped) in this trial.
    public struct Programme: Sendable, Hashable, Codable {
        /// First training step; T (never) when the start is after the horizon.
        public var startStep = 0
        public var needs = 0.0
        public var post = 0.0
        public var holdProbability = 0.0
        public var holdMonths = 0.0
        /// k (+infinity: never switch).
        public var switchAfter = Double.infinity
        public var portMonths = 0.0
        public var restart = 0.0
    }

    public struct Event: Sendable, Hashable, Codable {
        public var name: String
        public var fired: Bool
        /// The absolute month it happens in, when it fired.
        public var month: Int?
    }
}
