import CacheKit
import Foundation

// Makes a folder in the temporary directory, says where, and never returns: the grader must remove it
// after the time limit.
func remember(_ value: Int, cache: any Cache) throws -> Int? {
  let folder = NSTemporaryDirectory() + "cachelings-fixture-leftover-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  try Data("left behind".utf8).write(to: URL(fileURLWithPath: folder + "/note"))
  FileHandle.standardOutput.write(Data("made: \(folder)\n".utf8))
  while value > 0 { usleep(1000) }
  return nil
}
