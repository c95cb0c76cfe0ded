import Foundation
import R2Engine
import Testing

/// r2cast checks at start that the CPU has the vector instructions its
/// engine was compiled for (Sources/r2cast/LaneCPU.swift). valgrind
/// emulates a CPU with AVX2 but without AVX-512, which exercises both sides
/// of the check on an AVX-512 machine: an AVX-512 build refuses with its
/// message and exit status 70 instead of dying of SIGILL, and an AVX2 or
/// portable build runs (docs/PERFORMANCE.md profiles under valgrind).
@Suite struct LaneCPUTests {
    static let valgrind = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: valgrind != nil, "valgrind is not installed"))
    func aBuildForAVX512RefusesACPUWithoutItAndOthersRun() throws {
        let r = try Binary.runProgram(
            try #require(Self.valgrind), ["--tool=none", "-q", Binary.path, "--version"])
        if laneInstructions == "AVX-512" {
            #expect(r.status == 70)
            #expect(r.stdout == "")
            #expect(
                r.stderr == """
                    r2cast: this build runs its engine with AVX-512 (it was built on a CPU that has it), \
                    and the CPU it runs on lacks avx512f, avx512dq, avx512cd, avx512bw, avx512vl and the \
                    operating system's support for AVX-512 registers.
                    help: rebuild with `R2CAST_AVX2=1 swift build -c release` for a CPU with AVX2 \
                    (valgrind emulates one), with `R2CAST_PORTABLE=1 swift build -c release` for any x86-64 CPU, \
                    or with `swift build -c release` on this machine

                    """)
        } else {
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "0.1.0\n")
        }
    }
}
