/// The characters that draw frames and table rules, in box-drawing and ASCII versions.
struct BoxGlyphs: Sendable {
  let horizontal: String
  let vertical: String
  let topLeft: String
  let topRight: String
  let bottomLeft: String
  let bottomRight: String
  let topTee: String
  let bottomTee: String
  let leftTee: String
  let rightTee: String
  let cross: String

  static let unicode = BoxGlyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    topTee: "┬", bottomTee: "┴", leftTee: "├", rightTee: "┤", cross: "┼")

  static let ascii = BoxGlyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    topTee: "+", bottomTee: "+", leftTee: "+", rightTee: "+", cross: "+")
}
