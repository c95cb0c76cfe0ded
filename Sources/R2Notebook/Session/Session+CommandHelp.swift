import R2Language

extension Session {
    /// What each command does, for `:help :load` (and `:help load` when no
    /// statement has that name): its usage and one paragraph.
    static let commandHelp: [String: (usage: String, text: String)] = [
        ":help": (
            ":help [TOPIC]",
            "Lists the statements, queries and commands; with a topic (`:help fleet`, `:help :save`) explains one."
        ),
        ":load": (
            ":load FILE",
            "Evaluates a scenario file as one cell: its statements, then its queries. A file the session already holds is reloaded instead: its definitions are replaced where it was first loaded (or read again where an `include` brought it in), its queries are not run again, and observations stay."
        ),
        ":save": (
            ":save FILE",
            "Writes the session as a scenario file, atomically: each loaded file once, where it was first loaded, then the statement cells that did not fail, in order. Commands are left out; the header says how to run the file at the trials and seed `:set` chose."
        ),
        ":export": (
            ":export FILE.md | FILE.ipynb",
            "Writes the session with its outputs: Markdown, each chart an SVG file beside it, or a Jupyter notebook for the r2cast kernel, with the paths of `:load` and `include` relocated to the notebook's folder."
        ),
        ":cells": (
            ":cells",
            "Lists the session's cells by number: each one's first line, or the file it loaded; a failed cell is marked ✗."
        ),
        ":edit": (
            ":edit N",
            "Puts cell N's lines back into the line editor, to change and run as a new cell (on a terminal; elsewhere `:rerun N`)."
        ),
        ":rerun": (
            ":rerun N | N-M | all",
            "Runs statement cells again, in order, as new cells; a loaded file is reloaded and commands are skipped. `all` is the cells typed or loaded, not the copies earlier reruns made."
        ),
        ":scenarios": (
            ":scenarios",
            "Lists the scenarios, the current one starred, each with its parent, its chips and events and the observations in force."
        ),
        ":lets": (":lets", "Lists the current scenario's `let` names with their definitions as written."),
        ":use": (":use SCENARIO", "Makes SCENARIO the current one, as the `use` statement does."),
        ":set": (
            ":set [trials N | seed N | threads N]",
            "Overrides every scenario's trials or seed for this session's runs, or sets the threads (results do not depend on them); `:set` alone shows the settings."
        ),
        ":time": (":time", "Switches the run time shown after each cell on or off."),
        ":reset": (
            ":reset",
            "Empties the workspace and drops every cell and observation (asking first on a terminal); the line history is kept."
        ),
        ":quit": (":quit  (also :q, :exit, Ctrl-D)", "Leaves the REPL."),
    ]

    /// `:help :NAME` for a command (`:help NAME` when no statement topic is
    /// so named), wrapped to `width`; nil for no such command.
    static func commandHelpText(_ topic: String, width: Int) -> String? {
        let name = topic.hasPrefix(":") ? topic : ":" + topic
        guard let help = commandHelp[commandAliases[name] ?? name] else { return nil }
        return help.usage + "\n\n" + help.text.fitted(width: width, hang: 0)
    }
}
