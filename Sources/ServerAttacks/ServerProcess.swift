import Foundation
import Glibc
import Primitives

/// A server (ours, redis-server, memcached) run as a child process on a free loopback port, killed and
/// reaped when released: the server a test compares against or a benchmark measures. Immutable after
/// init, so tests may share one.
public final class ServerProcess: @unchecked Sendable {
  public let port: UInt16
  private let process: Process

  /// The process's id, for reading its memory from /proc.
  public var processIdentifier: Int32 { process.processIdentifier }

  /// Starts `executable` with the arguments `arguments(port)` gives for a free port, and waits up to
  /// five seconds until it accepts connections.
  public init(executable: String, arguments: (UInt16) -> [String]) throws(StartError) {
    guard let port = LoopbackPort.free() else { throw .noFreePort }
    self.port = port
    process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments(port)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw .didNotStart(executable: executable, port: port)
    }
    for _ in 0..<200 {
      if Self.accepts(port) { return }
      usleep(25_000)
    }
    throw .didNotStart(executable: executable, port: port)
  }

  /// SIGKILL, then reaps it. Not SIGTERM: the child inherits the signal mask of the thread that spawned
  /// it, test threads block SIGTERM, and so the server would never see it. These servers keep no data
  /// to save. A failed init runs this too: a process that never started has id 0, and kill(0) would
  /// signal this whole process group.
  deinit {
    let pid = process.processIdentifier
    guard pid > 0 else { return }
    kill(pid, SIGKILL)
    for _ in 0..<400 {
      let reaped = waitpid(pid, nil, WNOHANG)
      if reaped == pid || reaped < 0 { return }
      usleep(5_000)
    }
  }

  /// Whether something accepts connections on the loopback `port`.
  static func accepts(_ port: UInt16) -> Bool {
    guard let descriptor = LoopbackPort.connect(port, timeoutSeconds: 1) else { return false }
    close(descriptor)
    return true
  }

  /// Why a server did not start.
  public enum StartError: Error, CustomStringConvertible {
    /// The kernel would give no free loopback port.
    case noFreePort
    /// It could not be run, or it did not accept connections within five seconds.
    case didNotStart(executable: String, port: UInt16)

    public var description: String {
      switch self {
      case .noFreePort: return "no free loopback port"
      case .didNotStart(let executable, let port): return "\(executable) did not start on port \(port)"
      }
    }
  }
}

extension WireProtocol {
  /// The command line of the real server (redis-server, memcached) on `port`, as the tests and the
  /// benchmark compare ours with it: loopback only, nothing saved, memcached with one worker thread
  /// and no UDP.
  public func realServerArguments(port: UInt16) -> [String] {
    switch self {
    case .redis:
      return [
        "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize",
        "no",
        "--logfile", "/dev/null", "--dir", NSTemporaryDirectory(),
      ]
    case .memcached:
      return ["-p", String(port), "-l", "127.0.0.1", "-U", "0", "-t", "1", "-u", "root"]
    }
  }
}
