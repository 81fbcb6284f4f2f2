import RESP

/// One command of the Redis front end: its name, Redis's arity rule and what it does.
struct RedisCommand {
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
  let flags: Flags
  let run: (inout Store, RedisCall, inout RESPWriter) -> Void
  /// `name` as bytes, for the command table's lookup.
  let nameBytes: [UInt8]
  let control: Control
  /// A container command's subcommands (CLIENT, CONFIG, COMMAND), named `container|sub` as Redis names
  /// them in errors; they share the container's `run`, which tells them apart.
  let subcommands: [RedisCommand]

  /// Commands that change the connection's state, which RedisConnection runs itself.
  enum Control { case none, quit, multi, exec, discard }

  init(
    name: String, arity: Int, flags: Flags, control: Control = .none,
    subcommands: [(name: String, arity: Int)] = [],
    run: @escaping (inout Store, RedisCall, inout RESPWriter) -> Void = { _, _, _ in }
  ) {
    self.name = name
    self.arity = arity
    self.flags = flags
    self.control = control
    self.run = run
    self.nameBytes = Array(name.utf8)
    self.subcommands = subcommands.map { sub in
      RedisCommand(name: name + "|" + sub.name, arity: sub.arity, flags: flags, run: run)
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
