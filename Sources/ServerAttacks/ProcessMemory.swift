import Glibc

/// A process's memory as Linux reports it in /proc: resident now, and the peak since start or since
/// the peak was last reset.
public enum ProcessMemory {
  /// Resident bytes now (VmRSS), or nil when the process is gone.
  public static func resident(of pid: Int32) -> Int? { field("VmRSS:", of: pid) }

  /// The resident peak (VmHWM), or nil when the process is gone.
  public static func peak(of pid: Int32) -> Int? { field("VmHWM:", of: pid) }

  /// Sets the peak back to the resident size now (clear_refs 5); false when not allowed.
  @discardableResult
  public static func resetPeak(of pid: Int32) -> Bool {
    let file = fopen("/proc/\(pid)/clear_refs", "w")
    guard let file else { return false }
    let written = fputs("5", file) >= 0
    return fclose(file) == 0 && written
  }

  private static func field(_ name: String, of pid: Int32) -> Int? {
    guard let file = fopen("/proc/\(pid)/status", "r") else { return nil }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 512)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      guard text.hasPrefix(name) else { continue }
      let digits = text.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }
}
