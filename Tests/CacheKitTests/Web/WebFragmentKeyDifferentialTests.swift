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

  /// One `{% cache %}` render for the peer: name, vary-on values, database, body.
  struct Render: Encodable {
    var name: String
    var varyOn: [VaryValue]
    var db: Int
    var body: String

    func encode(to encoder: any Encoder) throws {
      var container = encoder.unkeyedContainer()
      try container.encode(name)
      try container.encode(varyOn)
      try container.encode(db)
      try container.encode(body)
    }
  }

  struct RenderCommand: Encodable {
    var op = "render"
    var inputs: [Render]
  }

  static func inputs(count: Int) -> [Input] {
    var random = SplitMix64(seed: 1_000)
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
    let redis = try RunningServer(.forTests())
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

  @Test("Django's {% cache %} tag and FragmentCache serve each other's fragments from one Redis")
  func fragmentsShared() throws {
    let redis = try RunningServer(.forTests())
    guard let django = try DjangoWebPeer.start(redisPort: redis.port) else { return }
    _ = try django.send(PeerCommand(op: "flush"))
    let names = ["sidebar", "naïve", "a.b", "footer-1", "日本"]
    var seen = Set<[String]>()
    let inputs = Self.inputs(count: 200).enumerated().map { index, input in
      Input(name: names[index % names.count], varyOn: input.varyOn.filter { !$0.text.contains("\u{0}") })
    }.filter { seen.insert([$0.name] + $0.varyOn.map(\.text)).inserted }
    let fragments = [1, 2].map { db in
      FragmentCache(
        cache: RedisCache(
          location: RedisLocation(port: redis.port, database: db), options: CacheOptions(warnings: .silent)))
    }
    // Django renders first into database 1; CacheKit stores first into database 2.
    let djangoFirst = inputs.enumerated().map { index, input in
      Render(name: input.name, varyOn: input.varyOn, db: 1, body: "django \(index)")
    }
    _ = try django.send(RenderCommand(inputs: djangoFirst))
    for (index, input) in inputs.enumerated() {
      let text = try fragments[1].fragment(input.name, varyOn: input.varyOn.map(\.text), timeout: 60) {
        "cachekit \(index)"
      }
      #expect(text == "cachekit \(index)")
    }
    let djangoSecond = inputs.enumerated().map { index, input in
      Render(name: input.name, varyOn: input.varyOn, db: 2, body: "django again \(index)")
    }
    let servedByDjango = try django.send(RenderCommand(inputs: djangoSecond)).keys ?? []
    var rendered = 0
    for (index, input) in inputs.enumerated() {
      let text = try fragments[0].fragment(input.name, varyOn: input.varyOn.map(\.text), timeout: 60) {
        rendered += 1
        return "cachekit again \(index)"
      }
      #expect(
        text == "django \(index)", "CacheKit read Django's fragment \(input.name) \(input.varyOn.map(\.text))"
      )
      #expect(servedByDjango[index] == "cachekit \(index)", "Django read CacheKit's fragment \(input.name)")
    }
    #expect(rendered == 0)
    #expect(inputs.count > 150)
  }
}
