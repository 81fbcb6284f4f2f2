import Foundation
import Glibc

extension CheckContext {
  /// Runs the check's worker in `count` separate processes of this program against the check's
  /// backend and returns what each worker returned, in worker order. Memory caches are per process,
  /// so this is how a check shows what a shared backend shares and a local one does not.
  public func runWorkers(_ count: Int, concurrently: Bool = true) throws -> [String] {
    var running: [WorkerProcess] = []
    var results: [String] = []
    for index in 0..<count {
      let worker = try WorkerProcess(
        description: "\(checkIndex) \(backend.rawValue) \(index) \(clock.now())", files: files, token: token,
        index: index)
      if concurrently {
        running.append(worker)
      } else {
        results.append(try worker.result())
      }
    }
    for worker in running { results.append(try worker.result()) }
    return results
  }
}

/// One worker: this program started again with the worker variable set and its own result pipe on the
/// channel descriptor.
struct WorkerProcess {
  let pid: pid_t
  let resultDescriptor: Int32
  let index: Int
  let token: String

  init(description: String, files: String, token: String, index: Int) throws {
    self.index = index
    self.token = token
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw CheckSkipped(reason: "could not open a pipe for a worker") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    guard let secret = TokenPipe.holding(token) else {
      close(pipeEnds[0])
      close(pipeEnds[1])
      throw CheckSkipped(reason: "could not open a pipe for a worker")
    }
    defer { close(secret) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], GradeEnvironment.channel)
    posix_spawn_file_actions_adddup2(&actions, secret, GradeEnvironment.secret)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    var environment = ProcessInfo.processInfo.environment
    environment[GradeEnvironment.worker] = description
    environment[GradeEnvironment.files] = files
    let entries = environment.map { "\($0.key)=\($0.value)" }
    let executable = CommandLine.arguments[0]
    var argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), nil]
    var envp: [UnsafeMutablePointer<CChar>?] = entries.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, "/proc/self/exe", &actions, nil, &argv, &envp)
    close(pipeEnds[1])
    guard status == 0 else {
      close(pipeEnds[0])
      throw CheckSkipped(reason: "could not start a worker process: \(String(cString: strerror(status)))")
    }
    pid = child
    resultDescriptor = pipeEnds[0]
  }

  /// Waits for the worker and returns its result; its failure fails the check.
  func result() throws -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(resultDescriptor, &buffer, buffer.count)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    close(resultDescriptor)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    for line in bytes.split(separator: UInt8(ascii: "\n")) {
      guard let record = try? JSONDecoder().decode(GradeRecord.self, from: Data(line)), record.token == token
      else {
        continue
      }
      switch record.event {
      case .worker: return record.details?.message ?? ""
      case .failed:
        throw CheckFailure(
          expected: record.details?.expected ?? "worker \(index) to succeed",
          got: record.details?.got ?? record.details?.message ?? "a failure",
          why: record.details?.why ?? "")
      case .skipped: throw CheckSkipped(reason: record.details?.message ?? "a worker was skipped")
      default: continue
      }
    }
    let ending =
      (status & 0x7f) != 0
      ? "was killed by signal \(status & 0x7f)" : "exited with status \((status >> 8) & 0xff)"
    throw CheckFailure(
      expected: "worker process \(index) to finish its work", got: "it \(ending) without a result",
      why: "Every process of a site must survive its cache calls, or requests fail.")
  }
}
