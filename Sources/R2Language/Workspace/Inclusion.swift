/// Where an evaluation stands among included files: the loader that reads
/// them, the files being evaluated (outermost first), which an include of
/// one of them would turn into a cycle, and whether this file was included
/// (then its queries are skipped).
struct Inclusion {
    /// A file being evaluated: its loader identity and the name it is shown under.
    struct Link {
        var identity: String
        var name: String
    }

    var loader: (any SourceLoader)?
    var chain: [Link] = []
    var isIncluded = false
}
