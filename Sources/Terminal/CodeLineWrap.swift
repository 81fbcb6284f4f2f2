/// Soft-wraps a line of code that is wider than the terminal, so none of it is cut: the line breaks at
/// the last space that fits (without one, after the last "." "(" "," that fits; at any column only when
/// there is neither), and each continuation starts under
/// the line's own indentation with a marker ("↪ "), so it cannot be read as a line of its own.
/// Every space inside a piece is kept, so alignment and indentation survive; ANSI styles open at a break
/// are closed at the end of the piece and reopened after the marker.
public enum CodeLineWrap {
  /// The continuation marker for the theme: "↪ " with Unicode, "> " without, dim with colour.
  public static func marker(_ theme: Theme) -> String {
    theme.paint(theme.unicode ? "↪" : ">", .dim) + " "
  }

  /// The line as pieces no wider than width (one piece when it fits). Continuations start with the
  /// line's leading spaces (at most a third of width), two more, and marker.
  public static func wrap(_ line: String, width: Int, marker: String) -> [String] {
    guard DisplayWidth.of(line) > width else { return [line] }
    let tokens = ANSIToken.tokens(line)
    let indent = min(leadingSpaces(tokens), width / 3)
    let prefix = String(repeating: " ", count: indent + 2) + marker
    let plan = breaks(tokens, width: width, room: max(1, width - DisplayWidth.of(prefix)))
    return render(tokens, plan: plan, prefix: prefix)
  }

  /// Where pieces start and which spaces (those at a break) are dropped.
  struct Plan {
    var starts: [Int] = [0]
    var dropped: Set<Int> = []
  }

  static func breaks(_ tokens: [ANSIToken], width: Int, room: Int) -> Plan {
    var plan = Plan()
    var start = 0
    var used = 0
    var limit = width
    var index = 0
    while index < tokens.count {
      guard case .character(_, let columns) = tokens[index] else {
        index += 1
        continue
      }
      if used + columns <= limit || used == 0 {
        if !plan.dropped.contains(index) { used += columns }
        index += 1
        continue
      }
      let next = breakPoint(tokens, from: start, before: index, plan: &plan) ?? index
      plan.starts.append(next)
      start = next
      limit = room
      // Measure the new piece again from its start: what came before the break may not fit the room a
      // continuation has (less than the width, for the marker), and then it breaks again.
      index = start
      used = 0
    }
    return plan
  }

  /// The start of the next piece when the current one, from start, breaks before index: just after the
  /// last space that has code before it on the piece; the run of spaces there is dropped. Nil without one.
  static func breakPoint(_ tokens: [ANSIToken], from start: Int, before index: Int, plan: inout Plan) -> Int?
  {
    guard
      let space = (start...index).reversed().first(where: { position in
        isSpace(tokens[position]) && tokens[start..<position].contains { isCode($0) }
      })
    else { return afterPunctuation(tokens, from: start, before: index) }
    var position = space
    while position >= start, isSpace(tokens[position]) || isEscape(tokens[position]) {
      if isSpace(tokens[position]) { plan.dropped.insert(position) }
      position -= 1
    }
    position = space + 1
    while position < tokens.count, isSpace(tokens[position]) || isEscape(tokens[position]) {
      if isSpace(tokens[position]) { plan.dropped.insert(position) }
      position += 1
    }
    return space + 1
  }

  /// Without a space, the place just after the last ".", "(", "[", "{" or "," that has code before
  /// it, so a call chain breaks between its parts rather than inside a name. Nil without one.
  static func afterPunctuation(_ tokens: [ANSIToken], from start: Int, before index: Int) -> Int? {
    guard start + 1 <= index else { return nil }
    return (start + 1...index).reversed().first { position in
      guard case .character(let character, _) = tokens[position - 1], ".([{,".contains(character) else {
        return false
      }
      return tokens[start..<(position - 1)].contains { isCode($0) }
    }
  }

  /// The pieces as text: each closes a style still open at its end, and a continuation starts with
  /// prefix and the style reopened.
  static func render(_ tokens: [ANSIToken], plan: Plan, prefix: String) -> [String] {
    var state = SGRState()
    var pieces: [String] = []
    let bounds = plan.starts + [tokens.count]
    for (number, range) in zip(bounds, bounds.dropFirst()).map({ $0..<$1 }).enumerated() {
      var piece = number == 0 ? "" : prefix + state.reopening
      for index in range {
        switch tokens[index] {
        case .escape(let sequence):
          state.apply(sequence)
          piece += sequence
        case .character(let character, _):
          if !plan.dropped.contains(index) { piece.append(character) }
        }
      }
      if state.isStyled { piece += Style.reset }
      pieces.append(piece)
    }
    return pieces
  }

  static func leadingSpaces(_ tokens: [ANSIToken]) -> Int {
    var count = 0
    for token in tokens {
      if isEscape(token) { continue }
      guard isSpace(token) else { break }
      count += 1
    }
    return count
  }

  static func isSpace(_ token: ANSIToken) -> Bool { token == .character(" ", width: 1) }

  static func isEscape(_ token: ANSIToken) -> Bool {
    if case .escape = token { return true }
    return false
  }

  static func isCode(_ token: ANSIToken) -> Bool {
    if case .character(let character, _) = token { return character != " " }
    return false
  }
}
