import Primitives

/// Sends seeded, mutated frames to a server and checks after every connection's worth that it still
/// answers: a crash, a hang or a leaked lock shows as a probe without an answer. Each connection ends
/// with a half-close, and the server must then finish and close it, so every frame is processed before
/// the probe. Bounded in count and, through the connections' timeouts, in time.
public struct FuzzCampaign: Sendable {
  public var wire: WireProtocol
  public var seed: UInt64
  public var inputs: Int
  /// Frames sent on one connection before the next is opened (a closed connection is replaced sooner).
  public var framesPerConnection = 100

  public init(wire: WireProtocol, seed: UInt64, inputs: Int) {
    self.wire = wire
    self.seed = seed
    self.inputs = inputs
  }

  /// What a run found.
  public struct Report: Sendable {
    public var inputs = 0
    public var connections = 0
    /// Connections the server closed (protocol errors, quit): expected, and counted for the record.
    public var closedByServer = 0
    /// Probes that got no answer, with the input they followed: each one is a finding.
    public var failures: [String] = []
  }

  /// Runs against the server on the loopback `port`. A `big` key is stored first, so mutated reads of
  /// it send values by reference.
  public func run(port: UInt16) throws(AttackError) -> Report {
    var report = Report()
    let setup = try AttackConnection(port: port)
    setup.send(wire.set("big", Array(repeating: UInt8(ascii: "b"), count: 20_000)))
    guard setup.readLine() != nil else { throw AttackError("the server did not answer a SET before fuzzing") }
    let mutator = FrameMutator(wire)
    var random = SplitMix64(seed: seed)
    var connection = try AttackConnection(port: port)
    report.connections = 1
    for index in 0..<inputs {
      let frame = mutator.next(&random)
      let open = connection.send(frame) && connection.discardArrived()
      report.inputs += 1
      if !open { report.closedByServer += 1 }
      if !open || (index + 1) % framesPerConnection == 0 {
        connection.finishSending()
        if !connection.readToEnd() {
          report.failures.append(
            "\(wire) server kept a connection open after its end of input, at input \(index)")
          return report
        }
        if let failure = probe(port: port, after: index) {
          report.failures.append(failure)
          return report
        }
        connection = try AttackConnection(port: port)
        report.connections += 1
      }
    }
    connection.finishSending()
    if !connection.readToEnd() {
      report.failures.append("\(wire) server kept a connection open after its end of input, at the end")
    }
    if let failure = probe(port: port, after: inputs) { report.failures.append(failure) }
    return report
  }

  /// nil when the server answers the probe on a new connection; otherwise what went wrong.
  private func probe(port: UInt16, after index: Int) -> String? {
    guard let connection = try? AttackConnection(port: port) else {
      return "\(wire) server refused connections after input \(index) (seed \(seed))"
    }
    connection.send(wire.probe.request)
    guard let line = connection.readLine(), line.starts(with: wire.probe.answer) else {
      return "\(wire) server did not answer \(wire.probe.request) after input \(index) (seed \(seed))"
    }
    return nil
  }
}
