extension HelpCatalogue {
    static let queries: [HelpTopic] = [
        HelpTopic(
            "forecast", .queries, syntax: "forecast",
            meaning:
                "Simulates the current scenario and summarises the release date and adoption, with censored trials counted.",
            example: "forecast"),
        HelpTopic(
            "p", .queries,
            syntax:
                "p([no] [named | flagship] release by DATE) | p([not] folded by DATE) | p(adoption at DATE (above | below) X) | p(SECTOR (above | below) X)",
            meaning:
                "The probability of a release by a date, of none by then, or of adoption beyond a level, with its Monte Carlo error. "
                + "`release` is the flagship's (the lab's next flagship, whatever its name); `named release` is R2 under its own name, "
                + "which never comes once the programme folds; `folded by` is the probability it folded by then (model v2). "
                + "SECTOR is `sector share in YEAR` or `installed share at DATE` (see `sector share`). "
                + "`by 2026-06` means by the end of June 2026; `by 2026-06-15`, by the end of that day. "
                + "A date after the clock's last month is an error: a release after it is censored, so one by then is not known.",
            example: "p(release by 2026-06)"),
        HelpTopic(
            "value", .queries, syntax: "NAME | EXPRESSION | mean EXPRESSION",
            meaning: """
                A `let` name or an expression typed on its own shows its distribution: 10%, 50% and 90% \
                quantiles, the mean with its error, a one-line histogram from 1% to 99%, in its units (a number \
                whose draws lie between 0 and 1 reads as a share). The draws are the engine's, in trials 0 to \
                19,999 under the scenario's seed. `mean EXPRESSION` shows the mean alone; `:lets` lists the names. \
                A `let` may be named `p`: `p` starts a probability only when `(` follows it.
                """,
            example: "(10k to 30k) / 12"),
        HelpTopic(
            "precision", .queries, syntax: "QUERY to ±X {, ±X} [max COUNT]",
            meaning: """
                Runs a forecast, metric, quantile or expectation to a precision instead of a trial count: blocks \
                of 10,000 trials are added until the standard error (the ± printed) of every number it reports is \
                at most X: a share (`±0.5%`, percentage points) for probabilities and shares, a time (`±3 days`) \
                for dates; `forecast` takes either or both. The run stops at the cap (default 2M) if it must, and \
                says so. Checks happen only between blocks, so the result is the run of that many trials, whatever \
                the thread count or shard split. `+-` types `±`.
                """,
            example: "p(release by 2026-06) to ±0.2%"),
        HelpTopic(
            "quantile", .queries,
            syntax: "quantile [named] release [P {, P}] | quantile adoption at DATE [P {, P}] | quantile P SECTOR",
            meaning:
                "Quantiles of the release date or of adoption at a month (default 10%, 50%, 90%). The levels may also come first, as in an expectation: `quantile 90% release`.",
            example: "quantile release 10%, 50%, 90%"),
        HelpTopic(
            "median", .queries, syntax: "median [named] release | median adoption at DATE | median SECTOR",
            meaning:
                "The median release date (of the flagship, or under R2's name), the median adoption at a month, or the sector's median share.",
            example: "median release"),
        HelpTopic(
            "mean", .queries, syntax: "mean [named] release | mean adoption at DATE | mean SECTOR",
            meaning:
                "The mean release date of the trials released within the clock, or the mean adoption at a month.",
            example: "mean release"),
        HelpTopic(
            "adoption", .queries, syntax: "adoption at DATE",
            meaning: "The mean share of the lab's compute on domestic chips at the end of a month.",
            example: "adoption at 2026-12"),
        HelpTopic(
            "sector share", .queries,
            syntax: "sector share in (YEAR | DATE to DATE) [by compute] | installed share at DATE [by compute]",
            meaning: """
                The sector's domestic share (model v2): of the units China's sector received over a calendar \
                year (clipped to the clock) or a range of months, or of everything installed by the end of a \
                month, base included; `by compute` weighs each unit by its chip's perf. Alone it is the mean \
                over the trials; `median`, `quantile P` and `p(... above X)` read its distribution. Trials in \
                which nothing was received leave a share undefined and are left out, and counted.
                """,
            example: "sector share in 2026\np(sector share in 2026 above 50%)\ninstalled share at 2026-12 by compute"),
        HelpTopic(
            "installed", .queries, syntax: "installed share at DATE [by compute]",
            meaning: "The domestic share of the sector's installed base at the end of a month (see `sector share`).",
            example: "installed share at 2026-12"),
        HelpTopic(
            "censored", .queries, syntax: "censored",
            meaning: "The share of trials whose release falls after the clock's last month.",
            example: "censored"),
        HelpTopic(
            "expect", .queries,
            syntax: """
                expect METRIC [in SCENARIO] (between X and Y | above X | below X | before DATE | after DATE \
                | (later | earlier) than SCENARIO [by D or more] | (above | below) SCENARIO [by X or more])
                """,
            meaning: """
                States what a forecast must show; `r2cast test` checks it and reports its Monte Carlo error. \
                METRIC is `p(...)`, `median release`, `mean release`, `quantile P release`, `censored`, \
                `adoption at DATE`, `median adoption at DATE` or `quantile P adoption at DATE`. Release dates take \
                `before`, `after`, `between` dates and `later`/`earlier than` another scenario; probabilities and \
                adoption take `above`, `below`, `between` and `above`/`below` another scenario. A month \
                written as a bound covers the whole month: `before 2026-06` is before June starts, `after \
                2026-06` after it ends, and `between 2026-01 and 2026-09` runs to the end of September. \
                An estimate within 3 standard errors of a bound is flagged FRAGILE.
                """,
            example:
                "expect p(release by 2026-06) between 30% and 50%\nexpect median release in dovish earlier than baseline"
        ),
        HelpTopic(
            "compare", .queries, syntax: "compare NAME [,] NAME {[,] NAME} [by DATE {, DATE}] [at DATE {, DATE}]",
            meaning:
                "Forecasts scenarios side by side with their differences: P(release by) each `by` date (by default the end of each year up to the last month every clock reaches, and that month), adoption at each `at` month (by default that month). The scenarios run with common random numbers, and each difference shows its standard error from the paired trials (20 batches for quantiles).",
            example: "compare baseline dovish by 2026-01, 2026-06 at 2026-12"),
        HelpTopic(
            "sensitivity", .queries, syntax: "sensitivity [[of] METRIC]",
            meaning: "Which inputs move a metric (default the median release) most, as a tornado chart.",
            example: "sensitivity of p(release by 2026-06)"),
        HelpTopic(
            "observe", .queries,
            syntax: """
                observe (release by DATE | no release by DATE | [not] folded by DATE \
                | adoption at DATE (above | below) X | export CHIP (allowed | licensed | banned) at DATE \
                | event NAME [not] fired)
                """,
            meaning: """
                Conditions later forecasts of the scenario on something already known, reporting the effective \
                sample size. An observation is a fact about the world, not a what-if: a scenario derived afterwards \
                (`scenario x from this`) starts with the observations in force for its parent, and says so. Every \
                header and chart title names what a forecast is conditioned on, and `compare` warns when the \
                scenarios it compares are conditioned differently.
                """,
            example: "observe no release by 2025-11"),
        HelpTopic(
            "unobserve", .queries, syntax: "unobserve [all | N]",
            meaning: "Drops the last observation, all of them, or observation N.",
            example: "unobserve all"),
        HelpTopic(
            "trace", .queries,
            syntax: "trace N | trace where release (after | before) DATE | trace where no release",
            meaning:
                "Tells the story of one trial (numbered from 1), month by month: its chip, failures, switches, holds and events, its correlated draws, and the month the programme folded if it did.",
            example: "trace where release after 2026-06"),
        HelpTopic(
            "explain", .queries, syntax: "explain [NAME]",
            meaning:
                "Lists each statement that sets an input (of the scenario, or of one chip, `let`, event, `r2` or `pressure`) once, with its file and line and the evidence it cites with each card's reliability grade (P primary, M major outlet, A analyst, L low; `?` when the card cannot be read or states none; a statement resting on L alone is flagged), and under it each uncertain input it sets with its 10th, 50th and 90th percentiles; then the correlated inputs.",
            example: "explain h800"),
        HelpTopic(
            "hist", .queries, syntax: "hist [named] release",
            meaning: "A histogram of release dates: the flagship's, or R2's under its own name.",
            example: "hist release"),
        HelpTopic(
            "cdf", .queries, syntax: "cdf [named] release",
            meaning: "The cumulative probability of release by each month: the flagship's, or R2's under its own name.",
            example: "cdf release"),
        HelpTopic(
            "fan", .queries, syntax: "fan adoption | fan sector",
            meaning: "Adoption's monthly 10/50/90% bands, or the sector's domestic share by calendar year (model v2).",
            example: "fan adoption"),
        HelpTopic(
            "tornado", .queries, syntax: "tornado",
            meaning:
                "The last `sensitivity` analysis, of whichever metric, drawn again as a tornado chart: run `sensitivity` first.",
            example: "sensitivity of p(release by 2026-06)\ntornado"),
        HelpTopic(
            "plot", .queries, syntax: "plot (release | cdf | adoption | sensitivity | sector) to PATH",
            meaning:
                "Writes a chart to an SVG file; PATH ends in `.svg` and may be quoted. The chart queries' words work too: `hist` for `release`, `fan` for `adoption`, `tornado` for `sensitivity`.",
            example: "plot cdf to out/release-cdf.svg"),
    ]
}
