import Testing

@testable import LineEditor

#if canImport(Glibc)
import Glibc
#endif

@Suite struct HistoryLocationTests {
    @Test func explicitVariableWins() {
        let env = ["R2CAST_HISTORY": "/x/h", "XDG_STATE_HOME": "/s", "HOME": "/home/u"]
        #expect(HistoryLocation.resolve(environment: env) == "/x/h")
    }

    @Test func xdgStateHomeIsNext() {
        #expect(
            HistoryLocation.resolve(environment: ["XDG_STATE_HOME": "/s/", "HOME": "/home/u"])
                == "/s/r2cast/history")
    }

    @Test func relativeXdgStateHomeIsIgnored() {
        #expect(
            HistoryLocation.resolve(environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/u"])
                == "/home/u/.local/state/r2cast/history")
    }

    @Test func homeIsTheFallback() {
        #expect(
            HistoryLocation.resolve(environment: ["HOME": "/home/u"]) == "/home/u/.local/state/r2cast/history"
        )
    }

    @Test func defaultPathCreatesTheDirectory() throws {
        let root = try TemporaryDirectory()
        let path = HistoryLocation.defaultPath(environment: ["XDG_STATE_HOME": root.path])
        #expect(path == root.path + "/r2cast/history")
        var info = stat()
        #expect(stat(root.path + "/r2cast", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFDIR)
    }
}
