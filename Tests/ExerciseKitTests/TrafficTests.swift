import CacheKit
import Synchronization
import Testing

@testable import ExerciseKit

/// `sendTraffic`: requests at a steady rate over the check's time, with queries that hold their
/// request while the clock moves and the next requests run beside them.
@Suite struct TrafficTests {
  @Test func aQueryHoldsItsRequestWhileLaterRequestsArriveBesideIt() throws {
    try withCheckContext(.memory, token: "traffic-test") { context in
      let start = context.now
      let finished = Mutex<[Int: Double]>([:])
      try context.sendTraffic(perSecond: 10, for: 1, queriesTake: 0.5) { index in
        if index % 2 == 0 { _ = context.database.topPosts() }
        finished.withLock { $0[index] = context.now - start }
      }
      let ends = finished.withLock { $0 }
      #expect(ends.count == 10)
      for index in 0..<10 {
        let arrival = Double(index) / 10
        let expected = index % 2 == 0 ? arrival + 0.5 : arrival
        #expect(abs((ends[index] ?? -1) - expected) < 1e-4, "request \(index)")
      }
      let began = context.database.timeline.map { ($0.at - start) * 10 }
      #expect(began.map { Int($0.rounded()) } == [0, 2, 4, 6, 8])
      #expect(context.now - start >= 1.3 - 1e-4, "time moved on until the last query ended")
    }
  }

  @Test func trafficStopsOnceTheCheckSaysSo() throws {
    try withCheckContext(.memory, token: "traffic-test") { context in
      let arrived = Atomic(0)
      try context.sendTraffic(
        perSecond: 50, for: 10, queriesTake: 1, stoppingWhen: { context.database.queryCount >= 3 }
      ) { _ in
        arrived.add(1, ordering: .relaxed)
        _ = context.database.trendingHashtags()
      }
      #expect(arrived.load(ordering: .relaxed) == 3)
      #expect(context.database.queryCount == 3)
    }
  }

  @Test func queriesAreInstantAgainAfterTheTraffic() throws {
    try withCheckContext(.memory, token: "traffic-test") { context in
      try context.sendTraffic(perSecond: 1, for: 1, queriesTake: 2) { _ in
        _ = context.database.users()
      }
      let before = context.now
      _ = context.database.users()
      #expect(context.now == before)
      #expect(context.database.queryCount == 2)
    }
  }

  @Test func aNegativeRateIsRefusedWithAReason() throws {
    try withCheckContext(.memory, token: "traffic-test") { context in
      #expect(throws: CheckSkipped.self) {
        try context.sendTraffic(perSecond: -1, for: 1, queriesTake: 1) { _ in }
      }
    }
  }
}
