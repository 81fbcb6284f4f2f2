import Foundation
import ServerAttacks

/// `cachelings-bench attacks`: issue #18's evidence at full size. A long seeded fuzz of each protocol
/// and every resource attack, on our servers and on the real redis-server and memcached side by side
/// (each attack on fresh processes, so the memory figures are the attack's alone).
struct AttackBenchmark {
  var inputs = 100_000
  var seed: UInt64 = 18
  var cachelings = RedisBenchmark.siblingExecutable("cachelings")

  /// How far a memcached front end may grow above idle under a client that never reads.
  static let memcachedAllowance = 64 << 20

  func run() throws -> Bool {
    guard FileManager.default.isExecutableFile(atPath: cachelings) else {
      throw BenchError("\(cachelings) is missing: build it with swift build -c release")
    }
    var met = true
    print(
      "cachelings-bench attacks: \(inputs) mutated frames per server (seed \(seed)), then the resource attacks"
    )
    print("")
    print(
      TableText.pad("fuzz", 22) + TableText.pad("inputs", 10, right: true)
        + TableText.pad("connections", 13, right: true) + TableText.pad("closed", 9, right: true)
        + TableText.pad("seconds", 9, right: true) + "   verdict")
    for wire in WireProtocol.allCases {
      for ours in [true, false] {
        guard let server = try start(wire, ours: ours) else { continue }
        let started = Date()
        let report = try FuzzCampaign(wire: wire, seed: seed, inputs: inputs).run(port: server.port)
        let clean = report.failures.isEmpty && report.inputs == inputs
        if ours { met = met && clean }
        print(
          TableText.pad("\(wire) \(ours ? "cachelings" : "real")", 22)
            + TableText.pad(String(report.inputs), 10, right: true)
            + TableText.pad(String(report.connections), 13, right: true)
            + TableText.pad(String(report.closedByServer), 9, right: true)
            + TableText.pad(String(format: "%.1f", Date().timeIntervalSince(started)), 9, right: true)
            + "   " + (clean ? "clean" : "FAILED: " + report.failures.joined(separator: "; ")))
      }
    }
    print("")
    print(
      TableText.pad("attack", 62) + TableText.pad("cachelings", 22, right: true)
        + TableText.pad("real", 22, right: true) + "   verdict")
    for attack in ResourceAttack.allCases {
      for wire in attack.protocols {
        guard let mine = try measure(attack, wire, ours: true) else { continue }
        let theirs = try measure(attack, wire, ours: false)
        let verdict = Self.verdict(attack, wire, mine, theirs)
        met = met && verdict.met
        print(
          TableText.pad("\(wire): \(attack.rawValue)", 62) + TableText.pad(Self.show(mine), 22, right: true)
            + TableText.pad(theirs.map(Self.show) ?? "not installed", 22, right: true) + "   " + verdict.text)
      }
    }
    return met
  }

  /// The targets: every attack answered and survived; memcached within 64 MiB of idle; Redis no worse
  /// than the real server (or within 64 MiB); an oversized value refused with OOM.
  static func verdict(
    _ attack: ResourceAttack, _ wire: WireProtocol, _ mine: ResourceAttack.Outcome,
    _ theirs: ResourceAttack.Outcome?
  ) -> (met: Bool, text: String) {
    var met = mine.aliveAfter && mine.answered
    switch (attack, wire) {
    case (.oversizedValue, _):
      met = met && mine.detail.hasPrefix("-OOM")
    case (_, .memcached):
      met = met && mine.memoryGrowth <= memcachedAllowance
    case (_, .redis):
      met = met && mine.memoryGrowth <= max(theirs?.memoryGrowth ?? 0, memcachedAllowance)
    }
    return (met, met ? "met" : "MISSED")
  }

  static func show(_ outcome: ResourceAttack.Outcome) -> String {
    let answer =
      outcome.detail.isEmpty ? (outcome.answered ? "" : " no answer") : " " + outcome.detail.prefix(4)
    return String(format: "+%.0f MiB %.2fs", Double(outcome.memoryGrowth) / 1_048_576, outcome.seconds)
      + answer
  }

  private func measure(
    _ attack: ResourceAttack, _ wire: WireProtocol, ours: Bool
  ) throws -> ResourceAttack.Outcome? {
    guard let server = try start(wire, ours: ours) else { return nil }
    return try attack.run(wire, port: server.port, pid: server.processIdentifier)
  }

  /// Our server (with the test clock, so the fuzz reaches ADVANCECLOCK) or the real one; nil when the
  /// real one is not installed.
  private func start(_ wire: WireProtocol, ours: Bool) throws -> ServerProcess? {
    if ours {
      return try ServerProcess(executable: cachelings) { port in
        ["serve", wire.rawValue, "--port", String(port), "--test-clock"]
      }
    }
    let name = wire == .redis ? "redis-server" : "memcached"
    guard let path = try? runTool("which", [name]).trimmingCharacters(in: .whitespacesAndNewlines) else {
      return nil
    }
    return try ServerProcess(executable: path) { wire.realServerArguments(port: $0) }
  }
}
