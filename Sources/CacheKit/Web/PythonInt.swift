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
