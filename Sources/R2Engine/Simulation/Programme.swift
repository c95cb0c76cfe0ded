/// The R2 programme of one trial, sampled and clamped.
struct Programme {
    /// The first training step (`steps` when it starts after the horizon).
    var startStep: Int
    var needs: Double
    var post: Double
    var holdProbability: Double
    var holdMonths: Double
    /// k, rounded to the nearest integer >= 1; +infinity for never.
    var switchAfter: Double
    var portMonths: Double
    var restart: Double
}
