import CFuzzDriver
import Foundation
import R2FuzzTargets

// r2cast-fuzz's entry points (docs/FUZZING.md). Built only with
// `R2CAST_FUZZ=1`, `-sanitize=fuzzer,address` and `-parse-as-library`
// (scripts/fuzz.sh). The target is named by R2FUZZ_TARGET: language,
// shard, command or protocol. libFuzzer's archive brings its own `main`,
// which calls the two functions libFuzzer names; SwiftPM also links
// `main` to `r2cast_fuzz_main`, so that is defined too, and runs the same
// driver.

nonisolated(unsafe) private var target = FuzzTarget.language

/// The target R2FUZZ_TARGET names, or a message and exit status 2.
private func chooseTarget() {
    let name = ProcessInfo.processInfo.environment["R2FUZZ_TARGET"] ?? "language"
    guard let chosen = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("r2cast-fuzz: R2FUZZ_TARGET is \(name); expected one of \(names)\n".utf8))
        exit(2)
    }
    target = chosen
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    chooseTarget()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_cdecl("r2cast_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzerTestOneInput(data, size) }
}
