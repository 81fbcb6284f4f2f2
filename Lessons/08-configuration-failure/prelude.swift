// Declarations the Swift blocks of "Configuration, and when the cache server fails" assume but do not
// show. CI compiles each block as the top level of a main.swift, with `import CacheKit`,
// `import Foundation`, the course's Lessons/prelude.swift (Product) and this file.
import CacheKit
import Foundation
import Synchronization

/// The data layer: the source of truth, and the fallback when the cache is down.
final class Database: Sendable {
    func loadProduct(_ id: Int) throws -> Product {
        Product(id: id, categoryID: 3, name: "Mug", priceCents: 900)
    }
}

let database = Database()

/// Stops calling a failing dependency for a while: after `failuresToOpen` failures in a row it is open
/// and refuses calls for `openSeconds`; then it lets calls through again, and one more failure opens it
/// at once.
final class CircuitBreaker: Sendable {
    private struct State {
        var failuresInARow = 0
        var openUntil: Date?
    }

    private let failuresToOpen: Int
    private let openSeconds: TimeInterval
    private let state = Mutex(State())

    init(failuresToOpen: Int, openSeconds: TimeInterval) {
        self.failuresToOpen = failuresToOpen
        self.openSeconds = openSeconds
    }

    /// Whether to call the dependency now: false while the breaker is open.
    func allowsCall(now: Date = Date()) -> Bool {
        state.withLock { state in
            guard let until = state.openUntil else { return true }
            if now < until { return false }
            state.openUntil = nil
            state.failuresInARow = failuresToOpen - 1  // half open: one more failure opens it again
            return true
        }
    }

    func recordSuccess() {
        state.withLock { $0.failuresInARow = 0 }
    }

    func recordFailure(now: Date = Date()) {
        state.withLock { state in
            state.failuresInARow += 1
            if state.failuresInARow >= failuresToOpen {
                state.openUntil = now.addingTimeInterval(openSeconds)
            }
        }
    }
}

/// Counts cache failures and logs the first one, so that an outage shows on a dashboard.
final class FailureLog: Sendable {
    private let count = Mutex(0)

    func record(_ reason: String) {
        let seen = count.withLock { count in
            count += 1
            return count
        }
        if seen == 1 { print("cache unavailable: \(reason)") }
    }

    var failures: Int { count.withLock { $0 } }
}

/// The failures of the shared cache.
let cacheErrors = FailureLog()
