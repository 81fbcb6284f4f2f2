import RESP

/// One command of the Redis front end, all its facts in one entry: its name, Redis's arity rule, what it
/// does, and what COMMAND INFO and COMMAND DOCS say about it (whose flags also decide the checks the
/// connection makes: `denyoom` and `no_auth`). A class, so that finding one for every request copies a
/// reference, not every fact of the entry.
final class RedisCommand {
  typealias Handler = (inout Store, RedisCall, inout RESPWriter) -> Void

  struct Flags: OptionSet {
    let rawValue: UInt8
    /// Refused with OOM when the store is over its memory limit and cannot evict.
    static let denyOOM = Flags(rawValue: 1)
    /// Allowed before AUTH.
    static let noAuth = Flags(rawValue: 2)
  }

  /// Lower-case, as Redis names commands in errors.
  let name: String
  /// Redis's rule: n means exactly n arguments, command name included; -n means at least n.
  let arity: Int
  /// The checks `info.flags` asks of the connection.
  let flags: Flags
  let run: Handler
  /// `name` as bytes, for the command table's lookup.
  let nameBytes: [UInt8]
  let control: Control
  /// What COMMAND INFO and COMMAND DOCS say about the command.
  let info: RedisCommandInfo
  /// A container command's subcommands (CLIENT, CONFIG, COMMAND), named `container|sub` as Redis names
  /// them in errors; they share the container's `run`, which tells them apart.
  let subcommands: [RedisCommand]

  /// Commands that change the connection's state, which RedisConnection runs itself.
  enum Control { case none, quit, multi, exec, discard }

  /// A command the table runs with `run`.
  convenience init(
    _ name: String, arity: Int, run: @escaping Handler, info: RedisCommandInfo,
    subcommands: [RedisCommand] = []
  ) {
    self.init(name, arity: arity, control: .none, run: run, info: info, subcommands: subcommands)
  }

  /// A command RedisConnection runs itself.
  convenience init(_ name: String, arity: Int, control: Control, info: RedisCommandInfo) {
    self.init(name, arity: arity, control: control, run: { _, _, _ in }, info: info, subcommands: [])
  }

  /// A subcommand, run by its container's `run`.
  convenience init(subcommand name: String, arity: Int, info: RedisCommandInfo) {
    self.init(name, arity: arity, control: .none, run: { _, _, _ in }, info: info, subcommands: [])
  }

  private init(
    _ name: String, arity: Int, control: Control, run: @escaping Handler, info: RedisCommandInfo,
    subcommands: [RedisCommand]
  ) {
    self.name = name
    self.arity = arity
    self.control = control
    self.run = run
    self.info = info
    self.nameBytes = Array(name.utf8)
    var flags: Flags = []
    if info.flags.contains("denyoom") { flags.insert(.denyOOM) }
    if info.flags.contains("no_auth") { flags.insert(.noAuth) }
    self.flags = flags
    self.subcommands = subcommands.map { sub in
      RedisCommand(
        name + "|" + sub.name, arity: sub.arity, control: .none, run: run, info: sub.info, subcommands: [])
    }
  }

  /// The subcommand `name` names, ignoring ASCII case.
  func subcommand(_ name: [UInt8]) -> RedisCommand? {
    let prefix = nameBytes.count + 1
    return subcommands.first { sub in
      sub.nameBytes.count - prefix == name.count
        && name.indices.allSatisfy { ASCII.lowercase(name[$0]) == sub.nameBytes[prefix + $0] }
    }
  }

  func acceptsArgumentCount(_ count: Int) -> Bool {
    arity >= 0 ? count == arity : count >= -arity
  }
}

/// What a command sees of its call: the arguments, the session and the front end's settings.
struct RedisCall {
  let arguments: [[UInt8]]
  let session: RedisSession
  let frontEnd: RedisFrontEnd

  var count: Int { arguments.count }

  subscript(_ index: Int) -> [UInt8] { arguments[index] }

  func key(_ index: Int) -> StoreKey { StoreKey(arguments[index]) }

  func integer(_ index: Int) -> Int64? { RedisInteger.parse(arguments[index]) }
}
