import Foundation

/// Lays a one-line signature out for a width, as swift-format would: when it does not fit, one
/// parameter a line between the parentheses, so a narrow terminal shows every parameter whole.
enum SignatureLayout {
  static func lines(_ signature: String, width: Int) -> [String] {
    guard signature.count > width else { return [signature] }
    guard let open = parameterListStart(signature), let close = matchingClose(signature, from: open) else {
      return wrap(signature, width: width)
    }
    let inside = signature[signature.index(after: open)..<close]
    let parameters = splitTopLevel(inside)
    guard !parameters.isEmpty else { return wrap(signature, width: width) }
    let listed = parameters.enumerated().map { "  " + $1 + ($0 < parameters.count - 1 ? "," : "") }
    return ([String(signature[...open])] + listed + [String(signature[close...])]).flatMap {
      wrap($0, width: width)
    }
  }

  /// A line still too wide, broken at spaces; the rest is indented four more than the line.
  private static func wrap(_ line: String, width: Int) -> [String] {
    guard line.count > width else { return [line] }
    let indent = String(repeating: " ", count: line.prefix { $0 == " " }.count + 4)
    var lines: [String] = []
    var current = String(line.prefix { $0 == " " })
    for word in line.split(separator: " ") {
      let joined =
        current.trimmingCharacters(in: .whitespaces).isEmpty ? current + word : current + " " + word
      if joined.count > width && !current.trimmingCharacters(in: .whitespaces).isEmpty {
        lines.append(current)
        current = indent + word
      } else {
        current = joined
      }
    }
    return lines + [current]
  }

  /// The parameter list's `(`: the first outside generic angle brackets.
  private static func parameterListStart(_ text: String) -> String.Index? {
    var angles = 0
    var previous: Character = " "
    for index in text.indices {
      switch text[index] {
      case "<": angles += 1
      case ">" where previous != "-": angles -= 1
      case "(" where angles == 0: return index
      default: break
      }
      previous = text[index]
    }
    return nil
  }

  private static func matchingClose(_ text: String, from open: String.Index) -> String.Index? {
    var depth = 0
    for index in text[open...].indices {
      if text[index] == "(" { depth += 1 }
      if text[index] == ")" {
        depth -= 1
        if depth == 0 { return index }
      }
    }
    return nil
  }

  /// Splits at commas outside parentheses, brackets and generic angle brackets.
  private static func splitTopLevel(_ text: Substring) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var previous: Character = " "
    for character in text {
      switch character {
      case "(", "[", "<": depth += 1
      case ")", "]": depth -= 1
      case ">" where previous != "-": depth -= 1
      default: break
      }
      if character == "," && depth == 0 {
        parts.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
      previous = character
    }
    if !current.trimmingCharacters(in: .whitespaces).isEmpty {
      parts.append(current.trimmingCharacters(in: .whitespaces))
    }
    return parts
  }
}
