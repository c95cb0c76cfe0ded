/// Keeps the sampled value of one input slot.
struct InputCapture: TrialRecorder {
    let node: Int
    var value = 0.0

    @inline(__always) mutating func sampledInputs(_ nodes: UnsafeMutablePointer<Double>) {
        value = nodes[node]
    }
}
