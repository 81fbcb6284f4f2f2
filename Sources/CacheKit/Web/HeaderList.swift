/// Comma-separated header values (Cache-Control, Vary) split as Django splits them: on commas, with the
/// white space around each comma dropped (`\s*,\s*`), but not the white space at either end.
enum HeaderList {
  static func split(_ value: String) -> [String] {
    let pieces = value.split(separator: ",", omittingEmptySubsequences: false)
    return pieces.enumerated().map { index, piece in
      var piece = Substring(piece)
      if index > 0 { piece = piece.drop { $0.isWhitespace } }
      if index < pieces.count - 1 {
        while let last = piece.last, last.isWhitespace { piece = piece.dropLast() }
      }
      return String(piece)
    }
  }
}

/// Python's `int()` of a string: white space around, an optional sign, decimal digits with single
/// underscores between them. Django reads `max-age` with it.
enum PythonInt {
  static func parse(_ text: String) -> Int? {
    var digits = Substring(text.trimmingCharacters(while: \.isWhitespace))
    var negative = false
    if let sign = digits.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      digits = digits.dropFirst()
    }
    guard let first = digits.first, first.isASCII, first.isNumber, digits.last != "_",
      !digits.contains("__")
    else { return nil }
    var value = 0
    for character in digits where character != "_" {
      guard character.isASCII, let digit = character.wholeNumberValue else { return nil }
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowAgain) = shifted.addingReportingOverflow(digit)
      guard !overflow, !overflowAgain else { return nil }
      value = sum
    }
    return negative ? -value : value
  }
}

extension String {
  func trimmingCharacters(while predicate: (Character) -> Bool) -> Substring {
    var result = Substring(self).drop(while: predicate)
    while let last = result.last, predicate(last) { result = result.dropLast() }
    return result
  }
}
