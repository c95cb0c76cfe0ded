/// Why a shard could not be run, read or merged: a message for the user.
public struct ShardFailure: Error, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message.hasPrefix("error:") ? message : "error: " + message }
}
