/// What the parser read: which command, its flags, option values and positional arguments.
public struct ParsedArguments: Sendable, Equatable {
  /// The names of the chosen command and its parents below the root: ["dev", "check"].
  public var commandPath: [String]
  public var flags: Set<String>
  public var values: [String: String]
  public var positionals: [String]

  public init(
    commandPath: [String], flags: Set<String> = [], values: [String: String] = [:], positionals: [String] = []
  ) {
    self.commandPath = commandPath
    self.flags = flags
    self.values = values
    self.positionals = positionals
  }

  /// Whether the flag `--name` was given.
  public func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The value of `--name VALUE`, or nil when it was not given.
  public func value(_ name: String) -> String? { values[name] }
}
