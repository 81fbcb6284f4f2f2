import Foundation
import GradeProtocol
import Grader

extension Exercise {
  /// What the grader needs to grade solution against this exercise: its checks and support file, the
  /// files only the course may change, and its time limit.
  public func gradeRequest(
    solution: String, backends: [Backend], redis: String? = nil, memcached: String? = nil,
    secondMemcached: String? = nil, serverClock: Bool = false, limits: RunLimits? = nil
  ) -> GradeRequest {
    let support = FileManager.default.fileExists(atPath: supportPath) ? supportPath : nil
    return GradeRequest(
      exercise: id, solution: solution, checks: checksPaths, support: support,
      interface: [starterPath] + (support.map { [$0] } ?? []), protectedFiles: courseFiles,
      backends: backends, redis: redis, memcached: memcached, secondMemcached: secondMemcached,
      serverClock: serverClock, limits: limits ?? RunLimits(seconds: timeLimit))
  }
}

extension GradeReport {
  /// Whether this pass completes `exercise`: every backend it is graded on ran every check.
  public func completes(_ exercise: Exercise) -> Bool {
    passed && Set(backends).isSuperset(of: exercise.backends) && cells.allSatisfy { $0.status == .passed }
  }
}
