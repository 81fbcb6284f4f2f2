import Glibc

/// Waits for saves of one file in a folder with inotify, and optionally for input on a descriptor.
/// Editors save by writing in place or by renaming a new file over the old one; both count.
final class FileWatcher {
  enum Event { case changed, input, failed }

  private let descriptor: Int32

  /// Nil when inotify refuses; the descriptor is stored only once watching, so a failed init closes it
  /// here and never again in `deinit`.
  init?(folder: String) {
    let opened = inotify_init1(Int32(IN_CLOEXEC))
    guard opened >= 0 else { return nil }
    let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE)
    guard inotify_add_watch(opened, folder, mask) >= 0 else {
      close(opened)
      return nil
    }
    descriptor = opened
  }

  deinit { close(descriptor) }

  /// Blocks until name is saved (events within 20 ms of each other count once) or keys has input.
  func wait(for name: String, keys: Int32?) -> Event {
    var buffer = [UInt8](repeating: 0, count: 8192)
    while true {
      var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
      if let keys { descriptors.append(pollfd(fd: keys, events: Int16(POLLIN), revents: 0)) }
      let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return .failed
      }
      if descriptors.count > 1 && descriptors[1].revents != 0 { return .input }
      guard descriptors[0].revents != 0 else { continue }
      guard let names = readNames(&buffer) else { return .failed }
      guard names.contains(name) else { continue }
      var quiet = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      while poll(&quiet, 1, 20) > 0 {
        guard readNames(&buffer) != nil else { return .failed }
      }
      return .changed
    }
  }

  /// The file names of the events waiting; nil when reading fails.
  private func readNames(_ buffer: inout [UInt8]) -> [String]? {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 { return errno == EINTR ? [] : nil }
    var names: [String] = []
    var offset = 0
    while offset + 16 <= count {
      let length = buffer.withUnsafeBytes {
        Int($0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
      }
      let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
      names.append(String(decoding: nameBytes, as: UTF8.self))
      offset += 16 + length
    }
    return names
  }
}
