/// One line of the channel from a graded program to the grader: a check starting on a backend, its
/// outcome, or the end of the run. Each carries the run's token, so a line a learner prints elsewhere
/// can never pass for a result. Only a program built against the same runtime reads its JSON (the
/// grader's compile cache is keyed on the runtime library), so its shape may change with the runtime.
public struct GradeRecord: Codable, Sendable, Equatable {
  public enum Event: String, Codable, Sendable {
    /// Sent for every check and backend before any runs, so the grader knows what was not reached.
    case planned
    case started, passed, failed, skipped, done
    /// A worker process's result, sent to the check that started it.
    case worker
  }

  public var token: String
  public var event: Event
  public var check: String?
  public var backend: Backend?
  /// What the check said: set on failed, skipped and worker records.
  public var details: CheckDetails?
  /// How long the check ran: set on its outcome record after the init.
  public var milliseconds: Double?
  /// The check's place in the exercise, from 0.
  public var order: Int?

  public init(
    token: String, event: Event, check: String? = nil, backend: Backend? = nil, details: CheckDetails? = nil,
    order: Int? = nil
  ) {
    self.token = token
    self.event = event
    self.check = check
    self.backend = backend
    self.details = details
    self.order = order
  }
}

/// The environment variables through which the grader configures a graded program.
public enum GradeEnvironment {
  public static let backends = "CACHELINGS_GRADE_BACKENDS"
  /// A redis:// URL; its database is flushed before every check.
  public static let redis = "CACHELINGS_GRADE_REDIS"
  /// memcached servers as Django's LOCATION names them (host:port, several with commas); they are
  /// flushed before every check.
  public static let memcached = "CACHELINGS_GRADE_MEMCACHED"
  /// A second memcached server of the course's own (host:port), for checks that grade a pool of
  /// two; unset when the learner names a real server.
  public static let secondMemcached = "CACHELINGS_GRADE_MEMCACHED_SECOND"
  /// "1" when the servers accept the test clock command, so time can move without sleeping.
  public static let serverClock = "CACHELINGS_GRADE_SERVER_CLOCK"
  public static let files = "CACHELINGS_GRADE_FILES"
  /// Set in worker processes: "check-index backend worker-index clock-seconds".
  public static let worker = "CACHELINGS_GRADE_WORKER"
  /// The file descriptor the records are written to.
  public static let channel: Int32 = 3
  /// The file descriptor the run's token is read from, once, before any learner code runs; /dev/null takes
  /// its place after, so the token is in no environment and no file the learner's code could read.
  public static let secret: Int32 = 4
  /// The status a graded program exits with when it finds its channel closed or replaced, so that
  /// the grader can say what happened although no record can reach it.
  public static let lostChannelStatus: Int32 = 87
}
