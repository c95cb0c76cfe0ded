import Foundation

extension InverseTable {
    /// Builds the table of a distribution given by `cdf` (F(x), 1 - F(x)),
    /// with the tails searched for in [searchLow, searchHigh] (finite,
    /// F(searchLow) <= tailCut and 1 - F(searchHigh) <= tailCut). Nil when
    /// no fit meets the tolerance (then the caller samples the distribution
    /// directly). Intervals in x are chosen adaptively: each step is sized
    /// from the error of the last fit (the error scales as its width^6).
    static func build(
        searchLow: Double, searchHigh: Double,
        cdf: (Double) -> (lower: Double, upper: Double)
    ) -> InverseTable? {
        guard searchLow.isFinite, searchHigh.isFinite, searchLow < searchHigh else { return nil }
        guard cdf(searchLow).lower <= tailCut, cdf(searchHigh).upper <= tailCut else { return nil }
        // The cut points: the largest x with F(x) <= tailCut, the smallest
        // with 1 - F(x) <= tailCut (bisection).
        var a = searchLow
        var b = searchHigh
        for _ in 0..<64 {
            let m = 0.5 * (a + b)
            if m <= a || m >= b { break }
            if cdf(m).lower <= tailCut { a = m } else { b = m }
        }
        let xLow = a
        a = xLow
        b = searchHigh
        for _ in 0..<64 {
            let m = 0.5 * (a + b)
            if m <= a || m >= b { break }
            if cdf(m).upper <= tailCut { b = m } else { a = m }
        }
        let xHigh = b
        guard xLow < xHigh else { return nil }

        var list: [Interval] = []
        var xl = xLow
        var fl = cdf(xl)
        var h = (xHigh - xLow) / 32
        var attempts = 0
        while xl < xHigh {
            attempts += 1
            if attempts > 20_000 || list.count > 4096 { return nil }
            var xr = xl + h
            if xr >= xHigh || xHigh - xr < 0.25 * h { xr = xHigh }
            // The next step aims at 0.7 of the tolerance.
            let (fitted, error) = fit(xl, xr, fl, cdf)
            let scale = error > 0 ? 0.94 * pow(0.7 * tolerance / error, 1.0 / 6) : 2
            if let (interval, fr) = fitted {
                list.append(interval)
                h = (xr - xl) * Swift.min(2, Swift.max(0.5, scale))
                xl = xr
                fl = fr
            } else {
                h *= Swift.min(0.8, Swift.max(0.2, scale))
                if !(xl + h > xl) { return nil }
            }
        }
        // Each interval ends where the next starts; the last at F(xHigh).
        for k in 0..<(list.count - 1) { list[k].end = list[k + 1].start }
        list[list.count - 1].end = fl.lower > 0.5 ? 1 - fl.upper : fl.lower
        return InverseTable(intervals: list, low: xLow, high: xHigh)
    }

    /// The degree-5 interpolant of the inverse of F on [xl, xr] through six
    /// Chebyshev points, as a polynomial in v = u - F(xl), and the largest
    /// u-error seen at the test points; nil when it exceeds the tolerance
    /// (or the fit is not increasing). Differences of F are taken on the
    /// side (F or 1 - F) that is small at xl.
    static func fit(
        _ xl: Double, _ xr: Double, _ fl: (lower: Double, upper: Double),
        _ cdf: (Double) -> (lower: Double, upper: Double)
    ) -> ((Interval, (lower: Double, upper: Double))?, error: Double) {
        let n = 5
        let useUpper = fl.lower > 0.5
        func delta(_ f: (lower: Double, upper: Double)) -> Double {
            useUpper ? fl.upper - f.upper : f.lower - fl.lower
        }
        var x = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: n + 1)
        var fr = fl
        x[0] = xl
        for i in 1...n {
            x[i] = i == n ? xr : xl + (xr - xl) * (1 - cos(Double(i) * Double.pi / Double(n))) / 2
            let f = cdf(x[i])
            v[i] = delta(f)
            if i == n { fr = f }
            guard v[i] > v[i - 1] else { return (nil, .infinity) }
        }
        // Newton's divided differences of x as a function of v ...
        var d = x
        for j in 1...n {
            for i in stride(from: n, through: j, by: -1) {
                d[i] = (d[i] - d[i - 1]) / (v[i] - v[i - j])
            }
        }
        // ... expanded into powers of v.
        var c = [Double](repeating: 0, count: n + 1)
        c[0] = d[n]
        var degree = 0
        for k in stride(from: n - 1, through: 0, by: -1) {
            // c <- c * (v - v[k]) + d[k]
            degree += 1
            for i in stride(from: degree, through: 1, by: -1) { c[i] = c[i - 1] - v[k] * c[i] }
            c[0] = d[k] - v[k] * c[0]
        }
        let start = useUpper ? 1 - fl.upper : fl.lower
        let interval = Interval(
            start: start, end: start, c0: c[0], c1: c[1], c2: c[2], c3: c[3], c4: c[4], c5: c[5])
        func evaluate(_ t: Double) -> Double {
            var y = c[5]
            for i in stride(from: 4, through: 0, by: -1) { y = c[i] + t * y }
            return y
        }
        // Test between the nodes: inside [xl, xr], increasing, u-error small.
        var previous = xl
        var largest = 0.0
        for i in 0..<n {
            for q in i == 0 ? [0.25, 0.5] : (i == n - 1 ? [0.5, 0.75] : [0.5]) {
                let t = v[i] + q * (v[i + 1] - v[i])
                let y = evaluate(t)
                guard y >= previous, y <= xr else { return (nil, .infinity) }
                largest = Swift.max(largest, abs(delta(cdf(y)) - t))
                previous = y
            }
        }
        guard largest <= tolerance, abs(evaluate(v[n]) - xr) <= 1e-9 * Swift.max(1, abs(xr)) else {
            return (nil, largest)
        }
        return ((interval, fr), largest)
    }
}
