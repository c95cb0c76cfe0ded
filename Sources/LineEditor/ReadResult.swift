/// What one call of ``LineEditor/readLine()`` produced.
public enum ReadResult: Equatable, Sendable {
    /// A line the user entered, without its trailing newline.
    case line(String)
    /// Ctrl-C at the prompt: the line was abandoned; the next read works as usual.
    case interrupted
    /// Ctrl-D on an empty line, or the end of standard input.
    case endOfFile
}
