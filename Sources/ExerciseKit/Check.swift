/// One named check of an exercise: a body that drives the learner's code through a CheckContext and
/// fails with an explanation. It runs once per backend unless narrowed.
public struct Check: Sendable {
  public let name: String
  /// The backends this check runs on; nil means all of the run's backends.
  public let backends: Set<Backend>?
  /// What each worker process runs when the body calls `context.runWorkers`; its result comes back
  /// to the body as text.
  let worker: (@Sendable (CheckContext) throws -> String)?
  let body: @Sendable (CheckContext) throws -> Void

  public init(
    _ name: String, backends: Set<Backend>? = nil, worker: (@Sendable (CheckContext) throws -> String)? = nil,
    _ body: @escaping @Sendable (CheckContext) throws -> Void
  ) {
    self.name = name
    self.backends = backends
    self.worker = worker
    self.body = body
  }
}
