import MemcacheText

/// The commands the Memcached front end knows, found from a line's first token by comparing bytes
/// (most frequent first), so dispatch neither hashes nor builds a string.
enum MemcachedCommandName: CaseIterable {
  case get, gets, set, gat, gats, bget, add, replace, append, prepend, cas, incr, decr, delete, touch
  case flushAll, version, verbosity, stats, quit
  case metaNoOp, metaGet, metaSet, metaDelete, metaArithmetic, metaDebug
  case advanceClock

  private static let names: [(StaticString, MemcachedCommandName)] = [
    ("get", .get), ("gets", .gets), ("set", .set), ("mg", .metaGet), ("ms", .metaSet), ("gat", .gat),
    ("gats", .gats), ("delete", .delete), ("incr", .incr), ("decr", .decr), ("touch", .touch), ("add", .add),
    ("replace", .replace), ("append", .append), ("prepend", .prepend), ("cas", .cas), ("md", .metaDelete),
    ("ma", .metaArithmetic), ("mn", .metaNoOp), ("me", .metaDebug), ("bget", .bget), ("flush_all", .flushAll),
    ("version", .version), ("verbosity", .verbosity), ("stats", .stats), ("quit", .quit),
    ("advanceclock", .advanceClock),
  ]

  /// The command `tokens` starts with, or nil for a name memcached does not know.
  static func of(_ tokens: MemcacheTokens) -> MemcachedCommandName? {
    names.first { tokens.token(0, is: $0.0) }?.1
  }
}
