/// Keeps the sampled values of some input slots' nodes, for one trial.
struct InputCapture: TrialRecorder {
    let nodes: [Int]
    var values: [Double]

    init(nodes: [Int]) {
        self.nodes = nodes
        values = Array(repeating: 0, count: nodes.count)
    }

    mutating func sampledInputs(_ sampled: UnsafeMutablePointer<Double>) {
        for (k, node) in nodes.enumerated() { values[k] = sampled[node] }
    }
}
