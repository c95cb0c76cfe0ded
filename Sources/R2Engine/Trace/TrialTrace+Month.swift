extension TrialTrace {
    /// One step of a traced trial.
    public struct Month: Sendable, Hashable, Codable {
        public var step: Int
        /// Absolute month.
        public var month: Int
        public var pressure = 0.0
        /// Events that happen this month (or, in step 0, before the clock's start).
        public var events: [String] = []
        /// Timeline statements that take effect this month, in the order applied.
        public var changes: [Change] = []
        public var supply: [Supply] = []
        /// Nil before the start month and after completion.
        public var training: Training?
        /// Units of each chip at the end of the month.
        public var fleets: [Double] = []
        public var adoption = 0.0
    }

    public struct Change: Sendable, Hashable, Codable {
        public var entry: Int
        public var label: String
        /// The value it sets (an export status is coded: 2 allowed, -1 banned, else the licence p).
        public var value: Double
    }

    public struct Supply: Sendable, Hashable, Codable {
        public var chip: Int
        public var outcome: SupplyOutcome
        public var added: Double
    }

    public struct Training: Sendable, Hashable, Codable {
        /// The chip trained on; nil when the scenario declares no chip.
        public var chip: Int?
        /// Set in the month the platform is chosen: whether the lab was mandated.
        public var mandated: Bool?
        /// f, the share of the month trained (below 1 during a port).
        public var fraction = 1.0
        /// Port stall left after this month.
        public var portLeft = 0.0
        public var failed = false
        public var restarted = false
        /// Failures on the current chip after this month.
        public var failures = 0
        public var progressAdded = 0.0
        /// Progress after this month, in reference chip-months.
        public var progress = 0.0
        /// tau, when training completed this month.
        public var completion: Double?
        public var switchAttempt: Switch?
    }

    public struct Switch: Sendable, Hashable, Codable {
        /// The foreign chip it tried to move to; nil when none had capacity.
        public var to: Int?
        public var succeeded: Bool
    }
}
