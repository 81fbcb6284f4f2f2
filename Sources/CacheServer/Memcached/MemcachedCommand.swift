import MemcacheText

/// One command of the Memcached front end: its name, the token counts it accepts and what it does.
struct MemcachedCommand {
  typealias Handler = (inout MemcachedSession, MemcacheTokens, inout Store) -> Void

  /// The name as a line carries it.
  let name: StaticString
  /// How many tokens a line may have, the name included; any other count is answered `ERROR`.
  let tokenCounts: ClosedRange<Int>
  let control: Control
  let run: Handler

  /// Commands that change the connection itself, which MemcachedConnection runs.
  enum Control { case none, quit }

  /// A command the table runs with `run`.
  init(_ name: StaticString, tokens: ClosedRange<Int> = 1...Int.max, run: @escaping Handler) {
    self.name = name
    self.tokenCounts = tokens
    self.control = .none
    self.run = run
  }

  /// A command MemcachedConnection runs itself.
  init(_ name: StaticString, control: Control) {
    self.name = name
    self.tokenCounts = 1...Int.max
    self.control = control
    self.run = { _, _, _ in }
  }
}
