/// What COMMAND INFO and COMMAND DOCS say about each command: Redis 7.0's flags, key positions, ACL
/// categories, tips and key-spec flags (facts a client library may rely on), with a summary of our own.
/// Each command's entry in the command table holds its own.
struct RedisCommandInfo {
  let flags: [String]
  /// First key, last key (-1: the last argument) and step; all 0 when the command takes no key.
  let keys: Keys
  let categories: [String]
  let tips: [String]
  /// The key spec's flags (RO, RW, OW, RM and the access kind); empty when the command takes no key.
  let keySpecFlags: [String]
  let summary: String
  let since: String
  let group: String
  let complexity: String

  /// Where a command's keys are among its arguments.
  struct Keys {
    let first: Int
    let last: Int
    let step: Int

    /// No key.
    static let none = Keys(first: 0, last: 0, step: 0)
    /// The first argument.
    static let one = Keys(first: 1, last: 1, step: 1)
    /// Every argument.
    static let all = Keys(first: 1, last: -1, step: 1)
    /// Every other argument from the first (key value pairs).
    static let pairs = Keys(first: 1, last: -1, step: 2)
  }

  /// The words are separated by spaces, as Redis's documentation lists them.
  init(
    _ flags: String, keys: Keys = .none, _ categories: String, tips: String = "",
    spec: String = "", _ summary: String, since: String, _ group: String, _ complexity: String = "O(1)"
  ) {
    self.flags = flags.split(separator: " ").map(String.init)
    self.keys = keys
    self.categories = categories.split(separator: " ").map(String.init)
    self.tips = tips.split(separator: " ").map(String.init)
    self.keySpecFlags = spec.split(separator: " ").map(String.init)
    self.summary = summary
    self.since = since
    self.group = group
    self.complexity = complexity
  }
}
