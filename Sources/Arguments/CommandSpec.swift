/// A command of the command line: its name, what it does, its options, arguments and subcommands.
/// The parser reads arguments against it and the usage text is generated from it.
public struct CommandSpec: Sendable {
  public var name: String
  /// One line saying what the command does, shown in its parent's list and at the top of its help.
  public var summary: String
  public var arguments: [ArgumentSpec]
  public var options: [OptionSpec]
  public var subcommands: [CommandSpec]
  /// Paragraphs shown after the options in `--help`.
  public var discussion: String?

  public init(
    _ name: String, summary: String, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
    subcommands: [CommandSpec] = [], discussion: String? = nil
  ) {
    self.name = name
    self.summary = summary
    self.arguments = arguments
    self.options = options
    self.subcommands = subcommands
    self.discussion = discussion
  }

  func option(named name: String) -> OptionSpec? {
    options.first { $0.long == name } ?? (name == OptionSpec.help.long ? .help : nil)
  }

  func option(short: Character) -> OptionSpec? {
    options.first { $0.short == short } ?? (short == OptionSpec.help.short ? .help : nil)
  }
}

/// An option such as `--seed N` or the flag `--json`.
public struct OptionSpec: Sendable {
  /// The long name without dashes: "seed" for `--seed`.
  public var long: String
  public var short: Character?
  /// The placeholder of the option's value in the usage ("N"); nil makes the option a flag.
  public var valueName: String?
  public var help: String

  public init(_ long: String, short: Character? = nil, value valueName: String? = nil, help: String) {
    self.long = long
    self.short = short
    self.valueName = valueName
    self.help = help
  }

  /// `-h, --help`, which every command accepts.
  public static let help = OptionSpec("help", short: "h", help: "show this help")

  var isFlag: Bool { valueName == nil }
}

/// A positional argument such as the LESSON of `cachelings learn [LESSON]`.
public struct ArgumentSpec: Sendable {
  public var name: String
  public var help: String
  public var isOptional: Bool

  public init(_ name: String, help: String, optional isOptional: Bool = false) {
    self.name = name
    self.help = help
    self.isOptional = isOptional
  }
}
