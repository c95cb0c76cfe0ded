/// docs/LANGUAGE.md, generated from the help catalogue so that the two
/// cannot drift apart.
public enum LanguageReference {
    /// The whole reference as Markdown.
    public static var markdown: String {
        var out = introduction
        out += "\n## Grammar\n\n```ebnf\n" + grammar + "\n```\n"
        for category in HelpTopic.Category.allCases {
            out += "\n## \(category.rawValue)\n"
            for topic in HelpCatalogue.topics where topic.category == category {
                out +=
                    "\n### `\(topic.name)`\n\n```\n\(topic.syntax)\n```\n\n\(topic.meaning)\n\n```r2s\n\(topic.example)\n```\n"
            }
        }
        return out
    }

    static let introduction = """
        # The r2cast scenario language

        <!-- Generated from Sources/R2Language/Help; regenerate with
             R2_RECORD_DOCS=1 swift test --filter R2LanguageTests.LanguageDocTests -->

        A scenario file is a list of statements, one a line; the REPL reads the same statements one at a
        time. `#` starts a comment. A statement goes on to the next line when its line ends with `\\`, inside
        an unclosed `(`, or with `:` `;` `,` an operator (`= + - * / @`), `to`, `and`, `from` or `between`;
        but an unclosed `(`, an operator or one of those words stops at a line that starts with a statement
        keyword, so `fleet h800 2k to` above `pressure 50%` is an unfinished `fleet`, reported at its own
        line, and a `pressure` that applies.

        Declarations change the *current scenario*. The statements of a file that come before its first
        `scenario` line go to a scenario named `baseline`, created when first needed. A scenario's clock runs
        from 2025-01 to 2027-12 unless a `clock` statement says otherwise. A statement that fails changes
        nothing, and evaluation goes on with the next line, so a file with several errors reports them all;
        within a statement, each part that can be checked on its own (a chip's `perf` and `fail`, the chip
        and the value of a change, each clause of `r2`, an event's probability, window and changes) reports
        its own error. A syntax error ends its statement's checking.

        Any statement may end with `cite PATH, ...`, naming the evidence cards it rests on; each input records
        the file and line it was set on, its text and its citations for `explain`.

        Quantities carry dimensions: plain numbers (counts, percentages, chip-months), durations (months),
        dates (absolute months) and rates (per month). Probabilities (`fail`, `pressure`, `licensed`, event
        probabilities, `hold`, `restart`, yields) must lie between 0% and 100%, and amounts cannot be negative.
        A written range past them is an error, also when shifted or scaled by constants (`pert(10%, 25%, 50%) *
        3` reaches 150%). An uncertain value whose tails reach past them (`a to b`, `normal`, `lognormal`, and
        arithmetic on distributions, as in `x * (1 to 2)`) is kept with a warning giving the share of draws
        the engine will clamp (sampled when there is no closed form). A chip must be
        declared before it is used. A forecast needs `r2 start` and `r2 needs`; a query that needs a forecast
        reports their absence. Queries are about the current scenario; a forecast, metric, quantile,
        sensitivity, trace or chart query ending in `in NAME` is about scenario NAME instead
        (`p(release by 2026-06) in hawk`), without changing the current one.

        """
}
