/// A reported domestic share of China's AI accelerators (the whole sector,
/// counted by units), shown beside the lab's adoption in a backtest.
public struct SectorFigure: Hashable, Sendable {
    /// Who counted it.
    public var source: String
    /// The year the share is for.
    public var year: Int
    /// The domestic share, 0...1.
    public var share: Double
    /// How it was counted ("by units, shipments").
    public var basis: String
    /// The evidence card.
    public var card: String

    public init(source: String, year: Int, share: Double, basis: String, card: String) {
        self.source = source
        self.year = year
        self.share = share
        self.basis = basis
        self.card = card
    }
}
