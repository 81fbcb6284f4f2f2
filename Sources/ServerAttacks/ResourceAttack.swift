import Glibc

/// The resource attacks of issue #18, run on a server over loopback and measured: whether it answered,
/// how long the answer took, and how far its resident memory rose above what it held before.
public enum ResourceAttack: String, Sendable, CaseIterable {
  /// A client pipelines many gets of a large value and never reads the replies.
  case pipelinedGets = "pipelined gets, never read"
  /// One request names a large value many times (memcached's get line, Redis's MGET), never read.
  case repeatedKeyGet = "one request naming a large value many times, never read"
  /// KEYS and SCAN MATCH with patterns that make a backtracking matcher run without end (Redis).
  case backtrackingPattern = "KEYS / SCAN MATCH with backtracking patterns"
  /// A SET of a value bigger than maxmemory (Redis).
  case oversizedValue = "a value bigger than maxmemory"

  /// The protocols the attack applies to.
  public var protocols: [WireProtocol] {
    switch self {
    case .pipelinedGets, .repeatedKeyGet: return [.redis, .memcached]
    case .backtrackingPattern, .oversizedValue: return [.redis]
    }
  }

  /// How big the attacks are: the figures by default, smaller for a quick run.
  public struct Sizes: Sendable {
    public var valueBytes = 1_000_000
    public var pipelinedGets = 2_000
    /// Times one memcached get line names the value (the line stays under memcached's 4 MB).
    public var memcachedRepeats = 5_000
    /// Times one MGET names the value.
    public var redisRepeats = 1_000
    /// Key length for the `*a*b` pattern.
    public var patternKeyBytes = 10_000
    public var maxMemory = 64 << 20
    public var oversizedBytes = 100 << 20

    public init() {}

    /// A tenth of the sizes (still far over the 1 MB high-water mark), for `swift test`.
    public static var quick: Sizes {
      var sizes = Sizes()
      sizes.pipelinedGets = 200
      sizes.memcachedRepeats = 500
      sizes.redisRepeats = 200
      sizes.oversizedBytes = 25 << 20
      sizes.maxMemory = 16 << 20
      return sizes
    }
  }

  /// One attack's measurements.
  public struct Outcome: Sendable {
    /// Every request of the attack that expects an answer got one (within the timeout).
    public var answered: Bool
    /// The server answered a probe afterwards.
    public var aliveAfter: Bool
    /// The peak resident memory during the attack minus the resident memory before it.
    public var memoryGrowth: Int
    /// From the first byte sent to the last answer (or the end of waiting).
    public var seconds: Double
    /// What the server answered, where that is the point (the OOM reply).
    public var detail: String
  }

  /// Runs the attack on the `wire` server on `port` whose process is `pid`, which must be fresh (a
  /// server shared with other work would blur the memory figures). `timeoutSeconds` bounds each wait.
  public func run(
    _ wire: WireProtocol, port: UInt16, pid: Int32, sizes: Sizes = Sizes(), timeoutSeconds: Int = 20
  ) throws(AttackError) -> Outcome {
    let setup = try AttackConnection(port: port, timeoutSeconds: timeoutSeconds)
    let value = Array(repeating: UInt8(ascii: "v"), count: sizes.valueBytes)
    if self == .pipelinedGets || self == .repeatedKeyGet {
      setup.send(wire.set("big", value))
      guard setup.readLine() != nil else { throw AttackError("\(wire): no answer to storing the value") }
    }
    let before = ProcessMemory.resident(of: pid) ?? 0
    let peakBefore = ProcessMemory.resetPeak(of: pid) ? before : ProcessMemory.peak(of: pid) ?? before
    let started = Self.now()
    var answered = true
    var detail = ""
    // Kept open to the end: the unread replies stay the server's problem while it is measured.
    var attacker: AttackConnection? = nil
    switch self {
    case .pipelinedGets, .repeatedKeyGet:
      let connection = try AttackConnection(port: port, timeoutSeconds: timeoutSeconds)
      let request =
        self == .pipelinedGets
        ? Array([[UInt8]](repeating: wire.get("big"), count: sizes.pipelinedGets).joined())
        : wire.repeatedGet("big", times: wire == .redis ? sizes.redisRepeats : sizes.memcachedRepeats)
      _ = connection.sendWithoutWaiting(request)
      attacker = connection
      Self.waitForSteadyMemory(pid, limitSeconds: timeoutSeconds)
    case .backtrackingPattern:
      let patterns: [(key: Int, pattern: String)] = [
        (60, "*a*a*a*a*a*a*a*a*a*b"), (sizes.patternKeyBytes, "*a*b"),
      ]
      for (length, pattern) in patterns {
        setup.send(WireProtocol.command([Array("FLUSHALL".utf8)]))
        setup.send(wire.set(String(repeating: "a", count: length), [49]))
        _ = setup.readLine()
        _ = setup.readLine()
        for command in [["KEYS", pattern], ["SCAN", "0", "MATCH", pattern, "COUNT", "1000"]] {
          setup.send(WireProtocol.command(command.map { Array($0.utf8) }))
          if setup.readLine() == nil { answered = false }
          _ = setup.discardArrived()
        }
      }
    case .oversizedValue:
      setup.send(
        WireProtocol.command(["CONFIG", "SET", "maxmemory", String(sizes.maxMemory)].map { Array($0.utf8) }))
      _ = setup.readLine()
      setup.send(
        WireProtocol.command([
          Array("SET".utf8), Array("huge".utf8), Array(repeating: 120, count: sizes.oversizedBytes),
        ]))
      let reply = setup.readLine()
      answered = reply != nil
      detail = String(decoding: reply ?? Array("no answer".utf8), as: UTF8.self)
      setup.send(WireProtocol.command(["CONFIG", "SET", "maxmemory", "0"].map { Array($0.utf8) }))
      _ = setup.readLine()
    }
    let seconds = Self.now() - started
    let peak = ProcessMemory.peak(of: pid) ?? 0
    let growth = max(0, peak - max(before, peakBefore))
    // Probed while the attacker still holds its unread replies: the server must serve others meanwhile.
    let aliveAfter = withExtendedLifetime(attacker) { Self.answersProbe(wire, port: port) }
    return Outcome(
      answered: answered, aliveAfter: aliveAfter, memoryGrowth: growth, seconds: seconds, detail: detail)
  }

  /// Waits until the process's peak memory has not moved for half a second (it has done what the
  /// attack made it do), or `limitSeconds` have passed.
  private static func waitForSteadyMemory(_ pid: Int32, limitSeconds: Int) {
    let deadline = now() + Double(limitSeconds)
    var last = ProcessMemory.peak(of: pid) ?? 0
    var steady = 0
    while steady < 10 && now() < deadline {
      usleep(50_000)
      let peak = ProcessMemory.peak(of: pid) ?? 0
      steady = peak == last ? steady + 1 : 0
      last = peak
    }
  }

  static func answersProbe(_ wire: WireProtocol, port: UInt16) -> Bool {
    guard let connection = try? AttackConnection(port: port) else { return false }
    connection.send(wire.probe.request)
    return connection.readLine()?.starts(with: wire.probe.answer) ?? false
  }

  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
