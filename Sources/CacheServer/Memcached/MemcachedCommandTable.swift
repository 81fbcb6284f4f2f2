import MemcacheText

/// Every command the Memcached front end knows, one entry each, found from a line's first token by
/// comparing bytes (most frequent first), so dispatch neither hashes nor builds a string.
struct MemcachedCommandTable {
  /// Every command, in lookup order.
  let all: [MemcachedCommand]
  /// `all`'s names, what a lookup scans: plain values, so the scan copies no handler.
  private let names: [StaticString]

  init(testClock: Bool) {
    var all: [MemcachedCommand] = [
      .init("get", tokens: 2...Int.max, run: MemcachedRetrievalCommands.retrieval(cas: false, touch: false)),
      .init("gets", tokens: 2...Int.max, run: MemcachedRetrievalCommands.retrieval(cas: true, touch: false)),
      .init("set", tokens: 5...6, run: MemcachedStorageCommands.storage(.set)),
      .init("mg", run: MemcachedMetaCommands.get),
      .init("ms", run: MemcachedMetaCommands.set),
      .init("gat", tokens: 2...Int.max, run: MemcachedRetrievalCommands.retrieval(cas: false, touch: true)),
      .init("gats", tokens: 2...Int.max, run: MemcachedRetrievalCommands.retrieval(cas: true, touch: true)),
      .init("delete", tokens: 2...4, run: MemcachedStorageCommands.delete),
      .init("incr", tokens: 3...4, run: MemcachedCounterCommands.arithmetic(increment: true)),
      .init("decr", tokens: 3...4, run: MemcachedCounterCommands.arithmetic(increment: false)),
      .init("touch", tokens: 3...4, run: MemcachedStorageCommands.touch),
      .init("add", tokens: 5...6, run: MemcachedStorageCommands.storage(.add)),
      .init("replace", tokens: 5...6, run: MemcachedStorageCommands.storage(.replace)),
      .init("append", tokens: 5...6, run: MemcachedStorageCommands.storage(.append)),
      .init("prepend", tokens: 5...6, run: MemcachedStorageCommands.storage(.prepend)),
      .init("cas", tokens: 6...7, run: MemcachedStorageCommands.storage(.cas)),
      .init("md", run: MemcachedMetaCommands.delete),
      .init("ma", run: MemcachedMetaCommands.arithmetic),
      .init("mn", run: MemcachedMetaCommands.noOp),
      .init("me", run: MemcachedAdminCommands.metaDebug),
      .init("bget", tokens: 2...Int.max, run: MemcachedRetrievalCommands.retrieval(cas: false, touch: false)),
      .init("flush_all", tokens: 1...3, run: MemcachedAdminCommands.flushAll),
      .init("version", run: MemcachedAdminCommands.version),
      .init("verbosity", tokens: 2...3, run: MemcachedAdminCommands.verbosity),
      .init("stats", run: MemcachedStatsCommands.stats),
      .init("quit", control: .quit),
    ]
    if testClock {
      all.append(.init("advanceclock", tokens: 2...2, run: MemcachedAdminCommands.advanceClock))
    }
    self.all = all
    names = all.map(\.name)
  }

  /// The command `tokens` starts with, or nil for a name memcached does not know.
  subscript(tokens: MemcacheTokens) -> MemcachedCommand? {
    names.firstIndex { tokens.token(0, is: $0) }.map { all[$0] }
  }
}
