import R2Forecast

extension BenchReport {
    /// The tables `r2cast bench` prints.
    public var text: String {
        var out: [String] = []
        let load = [machine.loadBefore, machine.loadAfter].map {
            $0.map { Format.fixed($0, digits: 2) } ?? "?"
        }
        out.append(
            "r2cast bench: \(machine.cores) core\(machine.cores == 1 ? "" : "s") (\(machine.processor)), engine \(machine.lanes) trials per group in \(machine.instructions), seed \(seed), load average \(load[0]) before, \(load[1]) after"
        )
        if !machine.optimized {
            out.append("warning: a debug build; build with -c release for figures worth quoting")
        }

        out.append("\nParse and compile (best of 20; the first compile in the process builds the tables)")
        out.append(
            BenchFormat.table(
                [["scenario", "months", "chips", "events", "parse", "first compile", "compile"]]
                    + preparations.map {
                        [
                            $0.scenario, "\($0.steps)", "\($0.chips)", "\($0.events)",
                            BenchFormat.seconds($0.parseSeconds), BenchFormat.seconds($0.firstCompileSeconds),
                            BenchFormat.seconds($0.compileSeconds),
                        ]
                    }))

        out.append(
            "\nSimulation (Engine.run, best of the runs; memory: peak resident growth over the run and its report)"
        )
        out.append(
            BenchFormat.table(
                [
                    [
                        "scenario", "trials", "threads", "runs", "wall", "cpu", "trials/s", "ns/trial-month",
                        "peak growth", "B/trial",
                    ]
                ]
                    + runs.map { r in
                        [
                            r.scenario, BenchFormat.trials(r.trials), "\(r.threads)", "\(r.repetitions)",
                            BenchFormat.seconds(r.seconds), BenchFormat.seconds(r.cpuSeconds),
                            BenchFormat.rate(r.trialsPerSecond),
                            Format.fixed(r.nanosecondsPerTrialMonth, digits: 2),
                            BenchFormat.megabytes(r.memoryGrowth),
                            r.memoryGrowth.map { Format.fixed(Double($0) / Double(r.trials), digits: 1) }
                                ?? "n/a",
                        ]
                    }))
        if !memorySlopes.isEmpty {
            out.append(
                "\nMemory per trial (slope of the peak growth between two trial counts; the rest is fixed)")
            out.append(
                BenchFormat.table(
                    [["scenario", "threads", "between", "B/trial", "fixed"]]
                        + memorySlopes.map { s in
                            [
                                s.scenario, "\(s.threads)",
                                "\(BenchFormat.trials(s.fromTrials))-\(BenchFormat.trials(s.toTrials))",
                                Format.fixed(s.bytesPerTrial, digits: 1),
                                BenchFormat.megabytes(Int(s.fixedBytes)),
                            ]
                        }))
        }

        if let first = monthGrowth.first {
            out.append(
                "\nGrowth in months (the baseline, its clock lengthened; \(BenchFormat.trials(first.trials)) trials, 1 thread; \"added\": from the row above, per month added)"
            )
            let steps = [nil] + monthSteps.map(Optional.some)
            out.append(
                BenchFormat.table(
                    [["clock", "wall", "ns/trial-month", "added ns/trial-month", "peak growth", "added KB/month"]]
                        + zip(monthGrowth, steps).map { r, step in
                            [
                                "\(r.steps) months", BenchFormat.seconds(r.seconds),
                                Format.fixed(r.nanosecondsPerTrialMonth, digits: 2),
                                step.map { Format.fixed($0.nanosecondsPerTrialMonth, digits: 2) } ?? "",
                                BenchFormat.megabytes(r.memoryGrowth),
                                step.map { $0.bytesPerMonth.map { Format.fixed($0 / 1024, digits: 0) } ?? "n/a" } ?? "",
                            ]
                        }))
            out.append(
                "  one double per trial and month would add \(Format.count(first.trials * 8 / 1024)) KB a month at these trials; the run keeps a histogram of each month instead"
            )
        }

        out.append("\nInteractive")
        if let q = query {
            out.append(
                "  REPL query (forecast of the baseline, \(Format.count(q.trials)) trials, \(q.threads) threads): best \(BenchFormat.seconds(q.bestSeconds)), median \(BenchFormat.seconds(q.medianSeconds)) of \(q.repetitions)"
            )
        }
        out.append(
            "  r2cast --version: "
                + (versionSeconds.map { "best \(BenchFormat.seconds($0)) of 5" } ?? "could not run"))
        if let w = wholeRunSeconds {
            out.append(
                "  r2cast run of the baseline at the largest trial count, whole process: best \(BenchFormat.seconds(w)) of 5"
            )
        }
        if let c = sectorCost {
            out.append(
                "\nThe sector (baseline, \(BenchFormat.trials(c.trials)) trials, \(c.threads) threads, best of 3): "
                    + "\(BenchFormat.seconds(c.withSeconds)) with it, \(BenchFormat.seconds(c.withoutSeconds)) without: "
                    + "+\(Format.fixed(c.added * 100, digits: 1))%")
        }

        if let h = handLoop {
            out.append(
                "\nEngine against a hand-written loop (model v1 baseline, \(BenchFormat.trials(h.trials)) trials, 1 thread)"
            )
            out.append(
                BenchFormat.table([
                    ["", "wall", "ns/trial-month", "P(release by 2026-06)", "median release"],
                    [
                        "engine", BenchFormat.seconds(h.engineSeconds),
                        Format.fixed(h.nanosecondsPerTrialMonth(h.engineSeconds), digits: 2),
                        Format.percent(h.engineShare), Format.fixed(h.engineMedian, digits: 2) + " months",
                    ],
                    [
                        "hand-written", BenchFormat.seconds(h.handSeconds),
                        Format.fixed(h.nanosecondsPerTrialMonth(h.handSeconds), digits: 2),
                        Format.percent(h.handShare), Format.fixed(h.handMedian, digits: 2) + " months",
                    ],
                    [
                        "8 lanes", BenchFormat.seconds(h.lanesSeconds),
                        Format.fixed(h.nanosecondsPerTrialMonth(h.lanesSeconds), digits: 2),
                        Format.percent(h.lanesShare), Format.fixed(h.lanesMedian, digits: 2) + " months",
                    ],
                ]))
            out.append(
                "  the engine (\(machine.lanes) trials per group, single precision) takes \(Format.fixed(h.ratio, digits: 2))x the hand-written loop's time and \(Format.fixed(h.engineSeconds / h.lanesSeconds, digits: 2))x the 8-lane loop's; the shares differ by \(Format.fixed(h.shareDifferenceInErrors, digits: 1)) standard errors"
            )
            out.append(
                "  the hand-written loop with 8 trials in SIMD lanes (single precision) takes \(Format.fixed(h.lanesSeconds / h.handSeconds, digits: 2))x its time; the shares differ by \(Format.fixed(h.lanesDifferenceInErrors, digits: 1)) standard errors"
            )
            if abs(h.shareDifferenceInErrors) > 4 {
                out.append(
                    "  warning: the forecasts disagree: scenarios/baseline.r2s has changed since Sources/R2Bench/Workloads/HandWrittenBaseline.swift copied it"
                )
            }
            if abs(h.lanesDifferenceInErrors) > 4 {
                out.append(
                    "  warning: the 8-lane loop disagrees with the hand-written loop it copies (Sources/R2Bench/Workloads/HandWrittenLanes*.swift)"
                )
            }
        }

        out.append("\nTargets")
        out.append(
            BenchFormat.table(
                [["target", "limit", "measured", ""]]
                    + targets.map { t in
                        [
                            t.name, t.limit, t.measured ?? "-",
                            t.met.map { $0 ? "met" : "MISSED" } ?? "not measured",
                        ]
                    }))
        return out.joined(separator: "\n")
    }
}
