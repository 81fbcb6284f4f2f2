import Glibc

/// Reads small files under /proc with open and read into one reused buffer. Foundation's
/// String(contentsOfFile:) kept about 4 KB per call of an empty /proc file, which a grader that scans
/// a process tree a hundred times a second for hours cannot afford.
struct ProcFile {
  private var buffer = [UInt8](repeating: 0, count: 64 << 10)

  /// Calls body with the file's bytes (at most 64 KB); nil when it cannot be read.
  mutating func read<T>(_ path: String, _ body: (ArraySlice<UInt8>) -> T?) -> T? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var total = 0
    while total < buffer.count {
      let count = buffer.withUnsafeMutableBytes {
        Glibc.read(descriptor, $0.baseAddress! + total, $0.count - total)
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return nil }
      if count == 0 { break }
      total += count
    }
    return body(buffer[0..<total])
  }

  /// The numbers in a file of decimal numbers separated by anything else, such as a children file.
  mutating func numbers(_ path: String) -> [Int32] {
    read(path) { bytes in
      var numbers: [Int32] = []
      var value: Int32 = 0
      var inNumber = false
      for byte in bytes {
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
          value = value &* 10 &+ Int32(byte - UInt8(ascii: "0"))
          inNumber = true
        } else if inNumber {
          numbers.append(value)
          value = 0
          inNumber = false
        }
      }
      if inNumber { numbers.append(value) }
      return numbers
    } ?? []
  }

  /// The fields of /proc/PID/stat after the command name, the first being the state (field 3).
  mutating func statFields(of pid: pid_t) -> [Substring]? {
    read("/proc/\(pid)/stat") { bytes in
      guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
      return String(decoding: bytes[(close + 1)...], as: UTF8.self).split(separator: " ")
    }
  }

  /// The value in kilobytes of a "Name:   123 kB" line, such as Pss in smaps_rollup.
  mutating func kilobytes(_ path: String, field: String) -> Int? {
    let prefix = Array((field + ":").utf8)
    return read(path) { bytes in
      var lineStart = bytes.startIndex
      while lineStart < bytes.endIndex {
        let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        let line = bytes[lineStart..<lineEnd]
        if line.starts(with: prefix) {
          return Int(String(decoding: line.dropFirst(prefix.count), as: UTF8.self).filter(\.isNumber))
        }
        lineStart = lineEnd + 1
      }
      return nil
    }
  }

  /// The names of the entries of a directory, such as /proc/PID/task.
  static func entries(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
