extension HelpCatalogue {
    static let declarations: [HelpTopic] = [
        HelpTopic(
            "scenario", .declarations,
            syntax: "scenario NAME [from PARENT]",
            meaning: """
                Creates the scenario NAME, as a copy of PARENT when `from` is given, and makes it current: later \
                statements change it. Naming an existing scenario switches to it, as it stands (the copy is not \
                made again); with `from`, PARENT must be the one it was made from. Statements before the first \
                `scenario` line go to a scenario named `baseline`, created when first needed. A new scenario's \
                clock runs from 2025-01 to 2027-12.
                """,
            example: "scenario hawkish from baseline"),
        HelpTopic(
            "use", .declarations, syntax: "use NAME",
            meaning: "Makes an existing scenario current.",
            example: "use baseline"),
        HelpTopic(
            "include", .declarations, syntax: "include PATH",
            meaning: """
                Evaluates the definitions of another scenario file in place, so that a file can build on \
                another instead of copying it: its chips, `let`s, events, scenarios with all their statements \
                and settings (`as of`, `clock`, `trials`, `seed`), each with its citations and its own file and \
                line for `explain`. Its queries and expectations do not run, so including prints nothing; the \
                current scenario afterwards is the one current at the end of the included file. PATH, quoted or \
                a plain word, is relative to the folder of the file holding the statement (typed or piped in, to \
                the current directory), or absolute. A file already in the workspace (included, loaded or run) \
                is not evaluated again; a file that includes itself, directly or through others, is an error. \
                An error in the included file is reported there, with a note naming the include, and the \
                include then changes nothing.
                """,
            example: "include \"baseline.r2s\"\nscenario hawkish from baseline"),
        HelpTopic(
            "as of", .declarations, syntax: "as of DATE [flagship shipped]",
            meaning: """
                Records the date of knowledge the scenario represents, and conditions its forecasts on what \
                that date knew: no flagship had shipped before DATE (model v2). Trials whose flagship release \
                falls before DATE are rejected, as `observe` rejects them, and every output says so with the \
                number of trials kept. `flagship shipped` records the date without that condition, for a \
                scenario written after the flagship came out. A day lies (d - 1)/m into its month.
                """,
            example: "as of 2025-06-30"),
        HelpTopic(
            "clock", .declarations, syntax: "clock DATE to DATE",
            meaning: """
                Sets the simulated months, both inclusive (default 2025-01 to 2027-12). A release after the \
                last month is censored.
                """,
            example: "clock 2025-01 to 2027-12"),
        HelpTopic(
            "trials", .declarations, syntax: "trials COUNT | trials to ±X {, ±X} [max COUNT]",
            meaning: """
                Sets the number of Monte Carlo trials, from 1 to 50M (default 20k), or a precision instead: the \
                scenario's forecasts, metrics, quantiles and expectations then run to it (see `precision`). `--trials` \
                and `:set trials` outrank either.
                """,
            example: "trials to ±0.5%, ±3 days max 1M"),
        HelpTopic(
            "seed", .declarations, syntax: "seed INTEGER",
            meaning: "Sets the random seed; the same scenario, seed and trial count give identical results.",
            example: "seed 7"),
        HelpTopic(
            "let", .declarations, syntax: "let NAME = QUANTITY",
            meaning: """
                Names a quantity. A `let` is sampled once per trial and every use shares that sample, so uses \
                are perfectly correlated. Naming it again defines a new quantity for later uses.
                """,
            example: "let demand = 8k to 20k\nr2 needs demand chip-months"),
        HelpTopic(
            "chip", .declarations, syntax: "chip NAME (foreign | domestic) [perf Q] [fail P]",
            meaning: """
                Declares a chip: `foreign` chips are subject to export rules, `domestic` ones to yields. `perf` \
                is training throughput per unit relative to the reference chip (default 1); `fail` the monthly \
                probability that a training run on it fails (default 0). Declaring a chip again (for example in a \
                derived scenario) updates its `perf` and `fail`; its origin cannot change.
                """,
            example: "chip ascend920 domestic perf 0.5 to 0.8 fail 5% to 15%"),
        HelpTopic(
            "perf", .declarations, syntax: "perf CHIP Q [from DATE]",
            meaning: "Changes a chip's throughput per unit, from the clock's start or from DATE.",
            example: "perf ascend910c 0.5 from 2026-01"),
        HelpTopic(
            "fail", .declarations, syntax: "fail CHIP P [from DATE]",
            meaning: "Changes a chip's monthly failure probability, from the clock's start or from DATE.",
            example: "fail ascend910c 8% from 2026-01"),
        HelpTopic(
            "fleet", .declarations, syntax: "fleet CHIP Q",
            meaning: "Sets the units of a chip the lab holds at the first month (default 0).",
            example: "fleet h800 2k to 4k"),
        HelpTopic(
            "buy", .declarations, syntax: "buy CHIP Q [per month] [from DATE]",
            meaning: """
                Sets the units per month the lab orders of a foreign chip. Each month's order goes through \
                subject to the chip's export status and the pressure level.
                """,
            example: "buy h20 500 to 2k per month from 2025-03"),
        HelpTopic(
            "make", .declarations,
            syntax: "make CHIP Q [per month] [yield Y [rising G [per month]] [to CAP]] [from DATE]",
            meaning: """
                Sets the dies per month allocated to the lab of a domestic chip, and optionally its yield: the \
                good-die fraction Y at the first month, rising G per month up to CAP. The growth G is a single \
                term; write `rising (1% to 2%) per month` for an uncertain one.
                """,
            example: "make ascend910c 1k to 3k per month yield 25% to 45% rising 1% per month to 70%"),
        HelpTopic(
            "yield", .declarations, syntax: "yield CHIP Y [rising G [per month]] [to CAP] [from DATE]",
            meaning:
                "Sets a domestic chip's yield: Y at the first month (default 100%), rising G per month (default 0) up to CAP (default 100%).",
            example: "yield ascend910c 40% rising 2% per month to 80% from 2026-01"),
        HelpTopic(
            "export", .declarations, syntax: "export CHIP (allowed | licensed P | banned) [from DATE]",
            meaning: """
                Sets a foreign chip's export status: orders go through when `allowed` (the default), with \
                probability P when `licensed P`, never when `banned`.
                """,
            example: "export h20 banned from 2025-04-15"),
        HelpTopic(
            "pressure", .declarations, syntax: "pressure P [from DATE]",
            meaning: """
                Sets the government's pressure to buy domestic, from 0% (the default) to 100%: the monthly \
                probability that a foreign order is blocked, that training is mandated onto domestic chips, and \
                that a move off them is refused.
                """,
            example: "pressure 80% from 2025-08"),
        HelpTopic(
            "r2", .declarations,
            syntax:
                "r2 [start DATE] [needs Q [chip-months]] [post D] [hold P for D] [switch (after K failures [port D] | never)] [restart P] [fold P [per month]] [from DATE]",
            meaning: """
                Describes the R2 programme; clauses combine in any order. `start` is the month training \
                starts and `needs` the compute in reference chip-months (both required before a forecast); `post` \
                the months of post-training after training; `hold P for D` the probability the release gate \
                holds the release and the months each hold adds; `switch after K failures` moves training from a \
                domestic to a foreign chip after K failures, stalling it for the `port` duration; `restart P` the \
                probability a failure wipes all progress; `fold P` the monthly probability that the lab folds \
                the programme into another product line, after which the flagship still ships but not as R2 \
                (model v2). With `from DATE`, the clauses `needs`, `post`, `hold`, `restart` and `fold` take \
                effect from that month, as timelines; an event can change them too. A lower `needs` that \
                progress already meets completes training at the start of that month. `post` and `hold` are \
                read in the month training completes.
                """,
            example:
                "r2 start 2025-02 needs 8k to 20k chip-months post 1 to 3 months\nr2 hold 20% for 1 month switch after 3 failures port 2 months\nr2 fold 2% per month from 2025-06"
        ),
        HelpTopic(
            "sector", .declarations,
            syntax:
                "sector (ship CHIP Q [per month] | make CHIP Q [per month] | pressure P) [from DATE] | sector base CHIP Q",
            meaning: """
                Describes the chips China's whole AI sector receives each month (model v2), for the sector's \
                domestic share. `ship` is the units a foreign chip's vendor would deliver a month, cut by the \
                chip's export status (a licence's P is the share that gets one) and by `sector pressure`, the \
                share of foreign purchases Beijing's guidance stops; `make` is the dies a month of a domestic \
                chip for the whole sector, turned into chips by the same yield as the lab's; `base` is the units \
                installed at the clock's start. Each but `base` is a timeline: `from DATE`, or inside an event.
                """,
            example:
                "sector ship h20 100k per month\nsector make ascend910c 50k to 150k per month\nsector pressure 40% from 2025-09\nsector base h800 200k"
        ),
        HelpTopic(
            "correlate", .declarations,
            syntax: "correlate NAME, NAME RHO",
            meaning: """
                Makes two `let` inputs move together (model v2): RHO, strictly between -1 and 1, is their rank \
                (Spearman) correlation, drawn through a Gaussian copula, so each keeps its own distribution. \
                Each name must be bound to one distribution (a call, `a to b` or a date window, also written \
                with a unit: `2 to 6 weeks`) with constant parameters. The same pair cannot be correlated twice, and the correlations of a scenario must \
                be possible together.
                """,
            example: "let demand = 8k to 20k\nlet slip = pert(0%, 5%, 20%)\ncorrelate demand, slip 0.6"),
        HelpTopic(
            "event", .declarations,
            syntax: "event NAME P (between DATE and DATE | at DATE | in DATE): STATEMENT {; STATEMENT}",
            meaning: """
                Something that happens with probability P in a month drawn uniformly from the window, and then \
                changes timelines from that month on. Its statements are `export`, `pressure`, `buy`, `make`, \
                `yield`, `perf`, `fail`, `r2` (its `needs`, `post`, `hold`, `restart` and `fold`) and `sector` \
                (but `base`), without `from`. Declaring an event of the same name again replaces it.
                """,
            example: "event reban2 30% between 2025-10 and 2026-06: export h20 banned; pressure 90%"),
        HelpTopic(
            "cite", .declarations, syntax: "STATEMENT cite PATH {, PATH}",
            meaning: "Records the evidence cards a statement rests on; `explain` shows them.",
            example: "fleet h800 2k to 4k cite seeds/h800-fleet.md, seeds/lab-survey.md"),
    ]
}
