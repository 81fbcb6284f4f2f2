import Glibc
import GradeProtocol

extension ChildProcess {
  /// The two ends of a pipe; the read end is non-blocking and neither end leaks into other children.
  struct Pipe {
    var read: Int32
    var write: Int32

    static func make() throws(GradingError) -> Pipe {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else { throw GradingError.cannotRun("could not open a pipe") }
      for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
      _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
      return Pipe(read: ends[0], write: ends[1])
    }

    /// A pipe whose read end holds the run's token and whose write end is closed: what a child reads once.
    static func holding(_ token: String) throws(GradingError) -> Pipe {
      guard let read = TokenPipe.holding(token) else {
        throw GradingError.cannotRun("could not hand the program its token")
      }
      return Pipe(read: read, write: -1)
    }
  }

  /// Drains both pipes: output up to the cap (the rest only counted), the channel in full up to 16 MB.
  struct Reader {
    let limits: RunLimits
    let outputDescriptor: Int32
    let channelDescriptor: Int32
    var output: [UInt8] = []
    var dropped = 0
    var channel: [UInt8] = []
    var outputOpen = true
    var channelOpen = true
    var buffer = [UInt8](repeating: 0, count: 64 << 10)

    init(limits: RunLimits, output: Int32, channel: Int32) {
      self.limits = limits
      outputDescriptor = output
      channelDescriptor = channel
    }

    mutating func pump(timeoutMilliseconds: Int32) {
      var descriptors: [pollfd] = []
      if outputOpen { descriptors.append(pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)) }
      if channelOpen { descriptors.append(pollfd(fd: channelDescriptor, events: Int16(POLLIN), revents: 0)) }
      if descriptors.isEmpty {
        usleep(UInt32(timeoutMilliseconds) * 1000)
        return
      }
      guard poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds) > 0 else { return }
      drainAvailable()
    }

    mutating func drainAvailable() {
      if outputOpen { outputOpen = drain(outputDescriptor, intoOutput: true) }
      if channelOpen { channelOpen = drain(channelDescriptor, intoOutput: false) }
    }

    /// Reads what is there without blocking; false once the writer has closed.
    private mutating func drain(_ descriptor: Int32, intoOutput: Bool) -> Bool {
      while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count == 0 { return false }
        if count < 0 { return errno == EAGAIN || errno == EINTR }
        if intoOutput {
          let room = max(0, limits.outputBytes - output.count)
          output.append(contentsOf: buffer[0..<min(room, count)])
          dropped += count - min(room, count)
        } else if channel.count < 16 << 20 {
          channel.append(contentsOf: buffer[0..<count])
        }
      }
    }
  }
}
