import Primitives

/// Reads a command line against a tree of commands: subcommands first, then options (`--name value`,
/// `--name=value`, `-n value`, flags) and positional arguments in any order, `--` ending the options.
public struct ArgumentParser: Sendable {
  /// What the command line asks for.
  public enum Outcome: Sendable, Equatable {
    /// Run the command.
    case run(ParsedArguments)
    /// Print this help text and exit successfully.
    case help(String)
  }

  public let root: CommandSpec
  /// The width usage text is wrapped to (a terminal's); nil leaves its lines as written, for a pipe.
  public let width: Int?

  public init(root: CommandSpec, width: Int? = nil) {
    self.root = root
    self.width = width
  }

  /// Parses the arguments after the program name. A mistake throws an ArgumentError holding the usage of
  /// the command it concerns.
  public func parse(_ arguments: [String]) throws(ArgumentError) -> Outcome {
    var command = root
    var path: [String] = []
    var parsed = ParsedArguments(commandPath: [])
    var remaining = arguments[...]
    var optionsEnded = false

    while let token = remaining.popFirst() {
      if optionsEnded || token == "-" || !token.hasPrefix("-") {
        if !optionsEnded, parsed.positionals.isEmpty, !command.subcommands.isEmpty {
          guard let sub = command.subcommands.first(where: { $0.name == token }) else {
            let names = command.subcommands.map(\.name)
            throw ArgumentError(
              "unknown command '\(token)'" + Suggestions.didYouMean(token, among: names),
              usage: usage(of: command, path: path))
          }
          command = sub
          path.append(sub.name)
          continue
        }
        parsed.positionals.append(token)
        continue
      }
      if token == "--" {
        optionsEnded = true
        continue
      }
      let (option, inlineValue) = try resolve(token, in: command, path: path)
      if option.long == OptionSpec.help.long { return .help(usage(of: command, path: path)) }
      if option.isFlag {
        if inlineValue != nil {
          throw ArgumentError("--\(option.long) takes no value", usage: usage(of: command, path: path))
        }
        parsed.flags.insert(option.long)
      } else {
        guard let value = inlineValue ?? remaining.popFirst() else {
          throw ArgumentError(
            "--\(option.long) needs a value (\(option.valueName ?? "VALUE"))",
            usage: usage(of: command, path: path))
        }
        parsed.values[option.long] = value
      }
    }

    if !path.isEmpty, !command.subcommands.isEmpty {
      let names = command.subcommands.map(\.name).joined(separator: ", ")
      throw ArgumentError(
        "\(([root.name] + path).joined(separator: " ")) needs a command: \(names)",
        usage: usage(of: command, path: path))
    }
    let required = command.arguments.filter { !$0.isOptional }.count
    if parsed.positionals.count > command.arguments.count {
      let extra = parsed.positionals[command.arguments.count]
      throw ArgumentError("unexpected argument '\(extra)'", usage: usage(of: command, path: path))
    }
    if parsed.positionals.count < required {
      let missing = command.arguments[parsed.positionals.count].name
      throw ArgumentError("missing \(missing)", usage: usage(of: command, path: path))
    }
    parsed.commandPath = path
    return .run(parsed)
  }

  private func resolve(
    _ token: String, in command: CommandSpec, path: [String]
  ) throws(ArgumentError)
    -> (OptionSpec, String?)
  {
    if token.hasPrefix("--") {
      let body = token.dropFirst(2)
      let name = String(body.prefix { $0 != "=" })
      let value = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
      if let option = command.option(named: name) { return (option, value) }
      let names = (command.options + [.help]).map { "--" + $0.long }
      throw ArgumentError(
        "unknown option '--\(name)'" + Suggestions.didYouMean("--" + name, among: names),
        usage: usage(of: command, path: path))
    }
    let body = token.dropFirst()
    if body.count == 1, let short = body.first, let option = command.option(short: short) {
      return (option, nil)
    }
    throw ArgumentError("unknown option '\(token)'", usage: usage(of: command, path: path))
  }

  /// The usage text of the command at path below the root ([] for the root itself).
  public func usage(forPath path: [String]) -> String {
    var command = root
    for name in path {
      guard let sub = command.subcommands.first(where: { $0.name == name }) else { break }
      command = sub
    }
    return usage(of: command, path: path)
  }

  func usage(of command: CommandSpec, path: [String]) -> String {
    UsageText(command: command, fullName: ([root.name] + path).joined(separator: " "), width: width).text
  }
}
