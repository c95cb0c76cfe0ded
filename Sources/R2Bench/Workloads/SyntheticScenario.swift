/// A large scenario for the benchmark, written out in the language: 10
/// chips (6 foreign, 4 domestic), 20 events, a 10-year clock (120 months),
/// uncertain inputs everywhere and a programme that trains for years.
public enum SyntheticScenario {
    public static let foreign = 6
    public static let domestic = 4
    public static let events = 20

    public static var text: String {
        var lines = [
            "scenario synthetic",
            "clock 2025-01 to 2034-12",
            "trials 20k",
            "seed 7",
            "let demand = 0.5 to 2",
        ]
        for i in 1...foreign {
            lines.append(
                "chip nv\(i) foreign perf pert(0.6, \(Double(8 + i) / 10), 1.6) fail pert(0.5%, 1.5%, 4%)")
            lines.append("fleet nv\(i) 0.5k to \(2 + i)k")
            lines.append("buy nv\(i) demand * (0.2k to 1k) per month")
            lines.append("export nv\(i) licensed pert(20%, 50%, 80%) from 202\(5 + i % 3)-0\(1 + i)")
            lines.append("buy nv\(i) 0.1k to 0.5k per month from 2028-0\(i)")
        }
        for i in 1...domestic {
            lines.append("chip hw\(i) domestic perf 0.2 to 0.7 fail pert(10%, 30%, 60%)")
            lines.append("fail hw\(i) pert(5%, 15%, 30%) from \(2026 + i)-01")
            lines.append("fleet hw\(i) 0.2k to 2k")
            lines.append(
                "make hw\(i) 0.5k to 4k per month yield pert(20%, 35%, 50%) rising uniform(0.2%, 1%) per month to uniform(50%, 80%)"
            )
        }
        lines += [
            "pressure pert(10%, 30%, 50%)",
            "pressure pert(40%, 60%, 80%) from 2026-01",
            "pressure pert(30%, 50%, 70%) from 2029-06",
            "r2 start between 2025-02 and 2025-08 needs 150k to 3M chip-months post 1 to 3 months",
            "r2 hold pert(20%, 40%, 60%) for 1 to 3 months",
            "r2 switch after pert(2, 3, 5) failures port 1 to 3 months",
            "r2 restart pert(5%, 15%, 30%)",
        ]
        for e in 1...events {
            let from = 2025 + (e - 1) / 3
            let to = from + 1 + e % 3
            let change: String
            switch e % 5 {
            case 0: change = "export nv\(1 + e % foreign) banned"
            case 1: change = "pressure \(50 + e * 2)%"
            case 2:
                change =
                    "buy nv\(1 + e % foreign) 1k to 3k per month; export nv\(1 + e % foreign) licensed 60%"
            case 3: change = "yield hw\(1 + e % domestic) pert(30%, 45%, 60%) rising 1% per month to 85%"
            default:
                change = "fail hw\(1 + e % domestic) pert(2%, 8%, 20%); perf hw\(1 + e % domestic) 0.5 to 0.9"
            }
            lines.append(
                "event e\(e) \(10 + (e * 7) % 50)% between \(from)-0\(1 + e % 9) and \(to)-1\(e % 3): \(change)"
            )
        }
        lines.append("forecast")
        return lines.joined(separator: "\n") + "\n"
    }
}
