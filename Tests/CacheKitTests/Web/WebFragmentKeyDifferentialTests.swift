import CacheKit
import Foundation
import TestSupport
import Testing

/// makeTemplateFragmentKey against Django 5.2's make_template_fragment_key over seeded inputs: empty
/// and many arguments, unicode, the `:` Django joins with inside arguments, numbers (sent to Python as
/// ints, so its `str()` prints them).
@Suite("Template fragment keys against Django 5.2")
struct WebFragmentKeyDifferentialTests {
  /// A vary-on value: text, or a number Python receives as an int.
  enum VaryValue: Encodable {
    case text(String)
    case number(Int)

    var text: String {
      switch self {
      case .text(let text): text
      case .number(let number): String(number)
      }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .text(let text): try container.encode(text)
      case .number(let number): try container.encode(number)
      }
    }
  }

  struct Input: Encodable {
    var name: String
    var varyOn: [VaryValue]

    func encode(to encoder: any Encoder) throws {
      var container = encoder.unkeyedContainer()
      try container.encode(name)
      try container.encode(varyOn)
    }
  }

  struct Command: Encodable {
    var op = "fragments"
    var inputs: [Input]
  }

  static func inputs(count: Int) -> [Input] {
    var random = SeededRandom(seed: 1_000)
    let names = ["sidebar", "", "naïve", "a.b", "x:y", "日本", "with space", "footer-1"]
    let pieces = [
      "", "a", ":", "a:b", "::", ".", "a.b", "é", "日本語", "🙂", " ", "None", "0", "-1", "\u{0}", "a\nb",
    ]
    return (0..<count).map { index in
      let argumentCount = index % 50 == 0 ? 40 + random.below(60) : random.below(8)
      let varyOn: [VaryValue] = (0..<argumentCount).map { _ in
        switch random.below(4) {
        case 0: .number(Int(truncatingIfNeeded: random.next()) >> random.below(64))
        case 1: .text(pieces[random.below(pieces.count)])
        default:
          .text((0..<random.below(4)).map { _ in pieces[random.below(pieces.count)] }.joined())
        }
      }
      return Input(name: names[random.below(names.count)], varyOn: varyOn)
    }
  }

  @Test("1,200 seeded inputs give Django's keys")
  func keysMatchDjango() throws {
    let redis = try InProcessRedis()
    guard let django = try DjangoWebPeer.start(redisPort: redis.port) else { return }
    let inputs = Self.inputs(count: 1_200)
    let theirs = try django.send(Command(inputs: inputs)).keys ?? []
    #expect(theirs.count == inputs.count)
    var mismatches = 0
    for (input, theirKey) in zip(inputs, theirs) {
      let mine = makeTemplateFragmentKey(input.name, varyOn: input.varyOn.map(\.text))
      if mine != theirKey {
        mismatches += 1
        if mismatches <= 5 {
          Issue.record("\(input.name) \(input.varyOn.map(\.text)): \(mine) but Django \(theirKey)")
        }
      }
    }
    #expect(mismatches == 0)
    #expect(inputs.contains { $0.varyOn.isEmpty } && inputs.contains { $0.varyOn.count > 40 })
  }
}
