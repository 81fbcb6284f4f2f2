import Foundation

@testable import ExerciseKit

/// Runs body with a check's context on backend, its files in a fresh temporary folder, then finishes
/// the context and removes the folder: the setting up and cleaning up a test of one check needs.
func withCheckContext(
  _ backend: Backend, token: String, _ body: (CheckContext) throws -> Void
) throws {
  let files = NSTemporaryDirectory() + "cachelings-\(token)-\(UUID().uuidString)"
  defer { try? FileManager.default.removeItem(atPath: files) }
  let context = try CheckContext(
    backend: backend, checkIndex: 0, servers: ServerSettings(clock: false), files: files, token: token)
  defer { context.finish() }
  try body(context)
}
