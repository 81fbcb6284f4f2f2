import Foundation
import Glibc
import Primitives
import Synchronization

/// A TCP relay on a loopback port in front of a cache server, so a check can take the server away and
/// bring it back. While it is up it copies bytes both ways; taking it down closes the listening socket
/// (new connections are refused) and cuts every open connection, which is what a client sees when its
/// server goes away. Bringing it back listens on the same port again.
final class CacheServerRelay: Sendable {
  /// The loopback port clients connect to instead of the server's.
  let port: UInt16
  private let targetHost: String
  private let targetPort: UInt16
  private let state = Mutex(State())

  private struct State {
    var up = true
    /// Whether an accept thread still holds an open listening socket.
    var listening = false
    var links: [ObjectIdentifier: RelayLink] = [:]
  }

  /// A relay to the server at host:port, up and listening on a free loopback port.
  init(toHost host: String, port: UInt16) throws {
    targetHost = host == "localhost" ? "127.0.0.1" : host
    targetPort = port
    let (listener, bound) = try Self.listen(on: 0)
    self.port = bound
    start(listener)
  }

  /// Whether the relay passes connections through now.
  var isUp: Bool { state.withLock { $0.up } }

  /// Refuses new connections and cuts the open ones, like a server that went away; returns once the
  /// listening socket is closed.
  func takeDown() {
    let links = state.withLock { state in
      state.up = false
      return Array(state.links.values)
    }
    for link in links { link.cut() }
    let deadline = Date().addingTimeInterval(2)
    while state.withLock({ $0.listening }), Date() < deadline { usleep(2000) }
  }

  /// Listens on the same port again and passes new connections through.
  func bringBack() throws {
    guard !isUp else { return }
    let (listener, _) = try Self.listen(on: port)
    state.withLock { $0.up = true }
    start(listener)
  }

  private func start(_ listener: Int32) {
    state.withLock { $0.listening = true }
    Thread.detachNewThread { [self] in acceptLoop(listener) }
  }

  /// Accepts connections until the relay is taken down, then closes the listener it owns.
  private func acceptLoop(_ listener: Int32) {
    while isUp {
      var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
      guard poll(&ready, 1, 20) > 0 else { continue }
      let client = accept(listener, nil, nil)
      guard client >= 0 else { continue }
      _ = fcntl(client, F_SETFD, FD_CLOEXEC)
      guard isUp, let server = Self.connect(to: targetHost, port: targetPort) else {
        close(client)
        continue
      }
      let link = RelayLink(client: client, server: server)
      state.withLock { $0.links[ObjectIdentifier(link)] = link }
      for (from, to) in [(client, server), (server, client)] {
        Thread.detachNewThread { [self] in
          Self.pump(from: from, to: to)
          link.cut()
          if link.finishOneDirection() {
            _ = state.withLock { $0.links.removeValue(forKey: ObjectIdentifier(link)) }
          }
        }
      }
    }
    close(listener)
    state.withLock { $0.listening = false }
  }

  /// Copies bytes from one socket to the other until either side ends or fails.
  private static func pump(from source: Int32, to destination: Int32) {
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = recv(source, &buffer, buffer.count, 0)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return }
      let failed = buffer.withUnsafeBytes {
        WholeWrite.send(UnsafeRawBufferPointer(rebasing: $0[0..<count]), to: destination)
      }
      if failed != nil { return }
    }
  }

  /// A listening loopback socket on port (0: any free one) and the port it got.
  private static func listen(on port: UInt16) throws -> (Int32, UInt16) {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { throw CheckSkipped(reason: "the relay could not open a socket") }
    var yes: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = loopback(port)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
        bind(descriptor, pointer, length) == 0 && Glibc.listen(descriptor, 64) == 0
          && getsockname(descriptor, pointer, &length) == 0
      }
    }
    guard bound else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw CheckSkipped(reason: "the relay could not listen on port \(port): \(reason)")
    }
    return (descriptor, UInt16(bigEndian: address.sin_port))
  }

  /// A connected socket to host:port, or nil when the server cannot be reached.
  private static func connect(to host: String, port: UInt16) -> Int32? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var address = loopback(port)
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
      close(descriptor)
      return nil
    }
    var timeout = timeval(tv_sec: 2, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var yes: Int32 = 1
    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(descriptor)
      return nil
    }
    return descriptor
  }

  private static func loopback(_ port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}

/// One relayed connection: the client's socket and the server's. Either direction ending cuts both;
/// the second direction to finish closes them, so a cut never reaches a reused descriptor.
final class RelayLink: Sendable {
  private let client: Int32
  private let server: Int32
  /// Directions still running; the sockets are closed when it reaches 0.
  private let running = Mutex(2)

  init(client: Int32, server: Int32) {
    self.client = client
    self.server = server
  }

  /// Shuts both sockets down, which wakes both directions; harmless once they are closed.
  func cut() {
    running.withLock { running in
      guard running > 0 else { return }
      shutdown(client, Int32(SHUT_RDWR))
      shutdown(server, Int32(SHUT_RDWR))
    }
  }

  /// Records that one direction ended; true (and the sockets closed) when it was the last.
  func finishOneDirection() -> Bool {
    running.withLock { running in
      running -= 1
      guard running == 0 else { return false }
      close(client)
      close(server)
      return true
    }
  }
}
