import R2Forecast

extension BenchReport {
    /// The figures as one JSON object (`r2cast bench --json`); seconds and bytes unrounded.
    public var json: JSONValue {
        .object([
            (
                "machine",
                .object([
                    ("cores", .integer(machine.cores)), ("processor", .string(machine.processor)),
                    ("optimized", .bool(machine.optimized)), ("engine_lanes", .integer(machine.lanes)),
                    ("engine_instructions", .string(machine.instructions)),
                    ("load_before", machine.loadBefore.map { .number($0) } ?? .null),
                    ("load_after", machine.loadAfter.map { .number($0) } ?? .null),
                ])
            ),
            ("seed", .string(String(seed))),
            (
                "preparation",
                .array(
                    preparations.map {
                        .object([
                            ("scenario", .string($0.scenario)), ("months", .integer($0.steps)),
                            ("chips", .integer($0.chips)), ("events", .integer($0.events)),
                            ("parse_seconds", .number($0.parseSeconds)),
                            ("first_compile_seconds", .number($0.firstCompileSeconds)),
                            ("compile_seconds", .number($0.compileSeconds)),
                        ])
                    })
            ),
            (
                "runs",
                .array(
                    runs.map {
                        .object([
                            ("scenario", .string($0.scenario)), ("trials", .integer($0.trials)),
                            ("threads", .integer($0.threads)), ("months", .integer($0.steps)),
                            ("repetitions", .integer($0.repetitions)), ("seconds", .number($0.seconds)),
                            ("cpu_seconds", .number($0.cpuSeconds)),
                            ("trials_per_second", .number($0.trialsPerSecond)),
                            ("ns_per_trial_month", .number($0.nanosecondsPerTrialMonth)),
                            ("peak_growth_bytes", $0.memoryGrowth.map { .integer($0) } ?? .null),
                        ])
                    })
            ),
            (
                "memory_per_trial",
                .array(
                    memorySlopes.map {
                        .object([
                            ("scenario", .string($0.scenario)), ("threads", .integer($0.threads)),
                            ("from_trials", .integer($0.fromTrials)), ("to_trials", .integer($0.toTrials)),
                            ("bytes_per_trial", .number($0.bytesPerTrial)),
                            ("fixed_bytes", .number($0.fixedBytes)),
                        ])
                    })
            ),
            (
                "month_growth",
                .array(
                    monthGrowth.map {
                        .object([
                            ("months", .integer($0.steps)), ("trials", .integer($0.trials)),
                            ("threads", .integer($0.threads)), ("repetitions", .integer($0.repetitions)),
                            ("seconds", .number($0.seconds)),
                            ("ns_per_trial_month", .number($0.nanosecondsPerTrialMonth)),
                            ("peak_growth_bytes", $0.memoryGrowth.map { .integer($0) } ?? .null),
                        ])
                    })
            ),
            (
                "month_steps",
                .array(
                    monthSteps.map {
                        .object([
                            ("from_months", .integer($0.fromMonths)), ("to_months", .integer($0.toMonths)),
                            ("added_ns_per_trial_month", .number($0.nanosecondsPerTrialMonth)),
                            ("added_bytes_per_month", $0.bytesPerMonth.map { .number($0) } ?? .null),
                        ])
                    })
            ),
            (
                "repl_query",
                query.map {
                    .object([
                        ("trials", .integer($0.trials)), ("threads", .integer($0.threads)),
                        ("repetitions", .integer($0.repetitions)), ("best_seconds", .number($0.bestSeconds)),
                        ("median_seconds", .number($0.medianSeconds)),
                    ])
                } ?? .null
            ),
            ("version_seconds", versionSeconds.map { .number($0) } ?? .null),
            ("whole_run_seconds", wholeRunSeconds.map { .number($0) } ?? .null),
            (
                "sector_cost",
                sectorCost.map {
                    .object([
                        ("trials", .integer($0.trials)), ("threads", .integer($0.threads)),
                        ("with_seconds", .number($0.withSeconds)), ("without_seconds", .number($0.withoutSeconds)),
                        ("added", .number($0.added)),
                    ])
                } ?? .null
            ),
            (
                "hand_loop",
                handLoop.map {
                    .object([
                        ("trials", .integer($0.trials)), ("engine_seconds", .number($0.engineSeconds)),
                        ("hand_seconds", .number($0.handSeconds)), ("ratio", .number($0.ratio)),
                        ("engine_release_share", .number($0.engineShare)),
                        ("hand_release_share", .number($0.handShare)),
                        ("engine_median_release", .finite($0.engineMedian)),
                        ("hand_median_release", .finite($0.handMedian)),
                        ("lanes_seconds", .number($0.lanesSeconds)),
                        ("lanes_release_share", .number($0.lanesShare)),
                        ("lanes_median_release", .finite($0.lanesMedian)),
                    ])
                } ?? .null
            ),
            (
                "targets",
                .array(
                    targets.map {
                        .object([
                            ("target", .string($0.name)), ("limit", .string($0.limit)),
                            ("measured", $0.measured.map { .string($0) } ?? .null),
                            ("met", $0.met.map { .bool($0) } ?? .null),
                        ])
                    })
            ),
        ])
    }
}
