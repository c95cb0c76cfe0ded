import CPUFeatures
import Foundation
import R2Engine

/// The check that a build whose engine was compiled for the building CPU's
/// vector instructions (Package.swift, `LaneBuild`: AVX-512 or AVX2) runs on
/// a CPU that has them, before any engine code runs: otherwise the first
/// vector instruction would kill the process with SIGILL.
///
/// It asks the processor itself (CPUID, and XGETBV for the registers the
/// operating system saves), not /proc/cpuinfo, so that it also holds where
/// the two differ: under valgrind, which emulates a CPU without AVX-512, or
/// an emulator such as qemu.
enum LaneCPU {
    /// A CPUID feature bit, named as /proc/cpuinfo names it.
    struct Feature {
        let name: String
        let leaf: UInt32
        /// 0 EAX, 1 EBX, 2 ECX, 3 EDX.
        let register: Int
        let bit: Int
    }

    /// What the AVX2 build's code may use (`-target-cpu haswell`), as
    /// Package.swift's `LaneBuild.avx2` lists it.
    static let avx2: [Feature] = [
        Feature(name: "avx", leaf: 1, register: 2, bit: 28),
        Feature(name: "avx2", leaf: 7, register: 1, bit: 5),
        Feature(name: "fma", leaf: 1, register: 2, bit: 12),
        Feature(name: "bmi1", leaf: 7, register: 1, bit: 3),
        Feature(name: "bmi2", leaf: 7, register: 1, bit: 8),
        Feature(name: "movbe", leaf: 1, register: 2, bit: 22),
        Feature(name: "f16c", leaf: 1, register: 2, bit: 29),
        Feature(name: "popcnt", leaf: 1, register: 2, bit: 23),
        Feature(name: "abm", leaf: 0x8000_0001, register: 2, bit: 5),
    ]

    /// What the AVX-512 build's code may use besides (`-target-cpu
    /// skylake-avx512`), as `LaneBuild.avx512` lists it.
    static let avx512: [Feature] = [
        Feature(name: "avx512f", leaf: 7, register: 1, bit: 16),
        Feature(name: "avx512dq", leaf: 7, register: 1, bit: 17),
        Feature(name: "avx512cd", leaf: 7, register: 1, bit: 28),
        Feature(name: "avx512bw", leaf: 7, register: 1, bit: 30),
        Feature(name: "avx512vl", leaf: 7, register: 1, bit: 31),
    ]

    /// XCR0's bits for the registers each level uses: SSE and AVX state
    /// (xmm, ymm); AVX-512 adds the opmask and both halves of the zmm state.
    static let avx2State: UInt64 = 0x6
    static let avx512State: UInt64 = 0xE6

    /// The features the build needs and the register state it needs saved.
    static var needed: (features: [Feature], state: UInt64) {
        switch laneInstructions {
        case "AVX-512": return (avx2 + avx512, avx512State)
        case "AVX2": return (avx2, avx2State)
        default: return ([], 0)
        }
    }

    /// What of `needed` this CPU and operating system lack, by name.
    static func missing() -> [String] {
        let (features, state) = needed
        var lacking: [String] = []
        for f in features {
            var registers: [UInt32] = [0, 0, 0, 0]
            _ = r2_cpuid(f.leaf, 0, &registers)
            if registers[f.register] & (1 << UInt32(f.bit)) == 0 { lacking.append(f.name) }
        }
        if state != 0, r2_xcr0() & state != state {
            lacking.append("the operating system's support for \(laneInstructions ?? "its") registers")
        }
        return lacking
    }

    /// The message for a CPU that lacks `lacking` of a build for `instructions`.
    static func message(instructions: String, lacking: [String]) -> String {
        let list =
            lacking.count < 2
            ? lacking.joined() : lacking.dropLast().joined(separator: ", ") + " and " + lacking.last!
        let help =
            instructions == "AVX2"
            ? "rebuild with `swift build -c release` on this machine, "
                + "or with `R2CAST_PORTABLE=1 swift build -c release` for any x86-64 CPU"
            : "rebuild with `R2CAST_AVX2=1 swift build -c release` for a CPU with AVX2 (valgrind emulates one), "
                + "with `R2CAST_PORTABLE=1 swift build -c release` for any x86-64 CPU, "
                + "or with `swift build -c release` on this machine"
        return "r2cast: this build runs its engine with \(instructions) (it was built on a CPU that has it), "
            + "and the CPU it runs on lacks \(list).\nhelp: \(help)\n"
    }

    /// Exits with a clear message when the CPU lacks what the build needs.
    static func require() {
        guard let instructions = laneInstructions else { return }
        let lacking = missing()
        guard !lacking.isEmpty else { return }
        FileHandle.standardError.write(Data(message(instructions: instructions, lacking: lacking).utf8))
        exit(70)
    }
}
