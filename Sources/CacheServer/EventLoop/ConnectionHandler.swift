/// What a protocol front end does with one connection's bytes. The event loop owns the socket; the
/// handler owns the protocol state (its decoder, the selected database, a transaction).
public protocol ConnectionHandler: AnyObject {
  /// Consumes `input`, appending replies to `output`; returns `.close` to close after `output` is sent.
  /// Once `output.isFull`, the handler keeps the requests it has not run: it is called again with
  /// empty input when the replies have drained, to run them before anything new is read.
  func receive(_ input: UnsafeRawBufferPointer, output: inout OutputBuffer) -> ConnectionAction
  /// The connection is gone (closed by the peer, by the handler, or by the server stopping).
  func closed()
}

public enum ConnectionAction: Sendable {
  case keepOpen
  case close
}

/// A protocol served on a port: makes a handler per connection and does periodic work.
public protocol ProtocolFrontEnd: AnyObject {
  /// A handler for a new connection from `peer` (text such as `127.0.0.1:50312`).
  func connectionOpened(id: UInt64, peer: String) -> any ConnectionHandler
  /// Called about `ticksPerSecond` times a second on the loop's thread (active expiry and the like).
  func tick()
}
