import ExerciseKit
import Synchronization
import Testing

/// The simulated database's writes, transactions and on-commit actions, failing queries and search,
/// which the exercises' checks rely on.
@Suite struct SlowDatabaseTransactionTests {
  /// What ran, in order, from actions that must be Sendable.
  final class Log: Sendable {
    private let entries = Mutex<[String]>([])
    func add(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
  }

  struct Cancelled: Error {}

  /// A database of its own for each test: Swift Testing makes a new suite value for every test.
  let database = SlowDatabase()
  /// What the test's on-commit actions ran.
  let log = Log()

  @Test func aCommitMakesTheWritesVisibleAndThenRunsTheActionsInOrder() throws {
    let result = try database.transaction {
      try database.changePrice(productID: 4, to: 1_999)
      try database.onCommit { log.add("first: \(try database.product(id: 4).priceCents)") }
      try database.onCommit { log.add("second") }
      #expect(database.isInTransaction)
      #expect(try database.product(id: 4).priceCents == 2_400, "reads see the committed row")
      #expect(log.all.isEmpty, "nothing runs before the commit")
      return 42
    }
    #expect(result == 42)
    #expect(!database.isInTransaction)
    #expect(try database.product(id: 4).priceCents == 1_999)
    #expect(log.all == ["first: 1999", "second"])
    #expect(database.writeCount == 1)
  }

  @Test func aRollbackDiscardsTheWritesAndTheActionsAndRethrows() throws {
    #expect(throws: Cancelled.self) {
      try database.transaction {
        try database.changePrice(productID: 2, to: 900)
        try database.renameUser(id: 1, to: "Ada Lovelace")
        try database.onCommit { log.add("deleted") }
        throw Cancelled()
      }
    }
    #expect(!database.isInTransaction)
    #expect(try database.product(id: 2).priceCents == 1_100)
    #expect(try database.user(id: 1).name == "Ada")
    #expect(log.all.isEmpty)
    // The next transaction starts clean: the discarded action does not come back.
    try database.transaction { try database.changePrice(productID: 2, to: 1_000) }
    #expect(log.all.isEmpty)
    #expect(try database.product(id: 2).priceCents == 1_000)
  }

  @Test func outsideATransactionWritesApplyAndActionsRunAtOnce() throws {
    try database.changePrice(productID: 7, to: 150)
    #expect(try database.product(id: 7).priceCents == 150)
    try database.onCommit { log.add("now") }
    #expect(log.all == ["now"])
  }

  @Test func aNestedTransactionIsASavepoint() throws {
    try database.transaction {
      try database.changePrice(productID: 1, to: 1_300)
      try database.onCommit { log.add("outer") }
      #expect(throws: Cancelled.self) {
        try database.transaction {
          try database.changePrice(productID: 3, to: 100)
          try database.onCommit { log.add("inner, rolled back") }
          throw Cancelled()
        }
      }
      try database.transaction {
        try database.changePrice(productID: 6, to: 350)
        try database.onCommit { log.add("inner, kept") }
      }
      #expect(database.isInTransaction && log.all.isEmpty)
    }
    #expect(try database.product(id: 1).priceCents == 1_300)
    #expect(try database.product(id: 3).priceCents == 1_500)
    #expect(try database.product(id: 6).priceCents == 350)
    #expect(log.all == ["outer", "inner, kept"])
  }

  @Test func anActionThatThrowsEndsTheRunAfterTheRowsAreCommitted() throws {
    #expect(throws: Cancelled.self) {
      try database.transaction {
        try database.changePrice(productID: 8, to: 500)
        try database.onCommit { throw Cancelled() }
        try database.onCommit { log.add("never") }
      }
    }
    #expect(try database.product(id: 8).priceCents == 500)
    #expect(log.all.isEmpty && !database.isInTransaction)
  }

  @Test func aWriteToAMissingRowThrowsNotFound() {
    #expect(throws: SlowDatabase.NotFound(what: "product 99")) {
      try database.changePrice(productID: 99, to: 1)
    }
  }

  @Test func failingQueriesThrowUnavailableAndStillCount() throws {
    database.failNextQueries(2)
    #expect(throws: SlowDatabase.Unavailable(query: "user 1")) { try database.user(id: 1) }
    #expect(throws: SlowDatabase.Unavailable(query: "product 99")) { try database.product(id: 99) }
    #expect(try database.user(id: 1).name == "Ada")
    #expect(throws: SlowDatabase.NotFound(what: "user 99")) { try database.user(id: 99) }
    #expect(database.queries == ["user 1", "product 99", "user 1", "user 99"])
  }

  @Test func productQueriesListByCategoryAndByPrice() {
    #expect(database.products(inCategory: 2).map(\.id) == [4, 5])
    #expect(database.cheapestProducts(limit: 3).map(\.id) == [7, 6, 8])
    #expect(database.queryCount == 2)
  }

  @Test func aSearchFindsOneMembersPostsIgnoringCase() {
    let found = database.searchPosts(byUser: 1, matching: "THE")
    #expect(!found.isEmpty)
    #expect(found.allSatisfy { $0.authorID == 1 && $0.text.lowercased().contains("the") })
    #expect(found.map(\.id) == found.map(\.id).sorted(by: >))
    #expect(database.searchPosts(byUser: 1, matching: "🍕 " + String(repeating: "x", count: 1_000)).isEmpty)
    #expect(database.queryCount == 2)
  }
}
