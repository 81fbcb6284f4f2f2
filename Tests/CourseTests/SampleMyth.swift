/// The myth block the sample lessons of the parser and content-standard tests share: a false claim with
/// its reality and why it matters, eight lines long.
enum SampleMyth {
  static let block = """
    ::: myth
    [claim]
    Zero means forever.
    [false]
    [reality]
    Zero means at once.
    [why it matters]
    The cache is off.
    :::
    """
}
