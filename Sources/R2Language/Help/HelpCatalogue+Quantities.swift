extension HelpCatalogue {
    static let quantities: [HelpTopic] = [
        HelpTopic(
            "numbers", .quantities,
            syntax:
                "NUMBER[% | k | M | B] [months | weeks | days | years | per month | per year | chip-months | units | dies]",
            meaning: """
                Numbers may contain `_` and take a suffix written without a space: `30%` is 0.3, `2k` is \
                2000, `1.5M` is 1.5 million, `2B` two billion. A unit makes a number a duration (kept in months: \
                a week is 7/30.436875 months, a day 1/30.436875, a year 12), a rate (per month; `per year` is \
                divided by 12) or leaves it a plain number (`chip-months`, `units`, `dies`). Durations must carry a \
                unit. Arithmetic `+ - * /` checks units: a date plus a duration is a date, a date minus a date a \
                duration, a number times a duration a duration; anything else is an error. A `per month` after the \
                last term of a sum or product applies to all of it (`x / 12 per month`); write `x / (12 per month)` \
                to divide by a rate.
                """,
            example: "let lead = 2 weeks + 1.5 months\nlet orders = 12k per year"),
        HelpTopic(
            "dates", .quantities,
            syntax: "YYYY-MM | YYYY-MM-DD",
            meaning: """
                A date is written as a year and month, optionally with a day; dates that do not exist \
                (2025-02-30, 2025-13) are errors. A date inside a month takes effect in that month's step; as a \
                continuous time it is the month plus the fraction of the month elapsed before the day starts.
                """,
            example: "let launch = 2025-07-15 + 2 weeks"),
        HelpTopic(
            "distributions", .quantities,
            syntax: """
                a to b | normal(m, s) | lognormal(mu, sigma) | uniform(a, b) | beta(a, b) | triangular(lo, mode, hi) \
                | pert(lo, mode, hi) | mixture(q [@ w], ...) | min(a, b) | max(a, b) | between DATE and DATE
                """,
            meaning: """
                Any number may be uncertain. `a to b` is a 90% interval (lognormal when both ends are above 0, \
                normal otherwise); a unit written after `b` applies to both ends. `lognormal` takes log-space \
                parameters. `mixture` draws one component with probability proportional to its weight (equal \
                weights when none are given). `between A and B` draws a whole month of a date window. Each \
                distribution is sampled once per trial; arithmetic combines samples. Impossible parameters \
                (a shape or spread of 0 or less, a low end above a high end, a mode outside its bounds, a \
                lognormal or positive `a to b` drawing above 1e30 in more than one trial in a million) are errors.
                """,
            example:
                "let share = mixture(beta(2, 5) @ 3, uniform(40%, 60%))\nlet delay = pert(1, 2, 6) months"),
    ]
}
