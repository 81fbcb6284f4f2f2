/// What COMMAND INFO and COMMAND DOCS say about each command: Redis 7.0's flags, key positions, ACL
/// categories, tips and key-spec flags (facts a client library may rely on), with a summary of our own.
/// Read from the command's line of commands.txt (`RedisCommandLine`).
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
}

extension RedisCommandInfo.Keys {
  /// The keys commands.txt names by a word: none, one, all or pairs.
  init?(word: String) {
    switch word {
    case "none": self = Self.none
    case "one": self = Self.one
    case "all": self = Self.all
    case "pairs": self = Self.pairs
    default: return nil
    }
  }
}
