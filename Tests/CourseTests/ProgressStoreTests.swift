import Foundation
import TestSupport
import Testing

@testable import Course

@Suite struct ProgressStoreTests {
  let folder = NSTemporaryDirectory() + "cachelings-progress-\(UUID().uuidString)"

  @Test func roundTripsAndStartsFreshWithoutAFile() throws {
    let store = ProgressStore(path: folder + "/workspace/progress.json")
    #expect(store.load().progress == CourseProgress() && store.load().notice == nil)
    var progress = CourseProgress()
    progress.currentLesson = "why-caching"
    progress.lessons["why-caching", default: .init()].page = 3
    try store.save(progress)
    #expect(store.load().progress == progress)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder + "/workspace").sorted() == [
        "progress.json", "progress.json.lock",
      ], "no temporary file is left, only the lock file beside the progress")
    try? FileManager.default.removeItem(atPath: folder)
  }

  @Test func aFileFromBeforeOpenQuizzesOrWithABrokenOneStillLoads() throws {
    let path = folder + "/progress.json"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let lessons =
      "\"lessons\": {\"why-caching\": {\"page\": 2, \"pages\": 7, \"completed\": false, \"answers\": {}}}"
    for extra in ["", ", \"openQuizzes\": {\"why-caching\": {\"seed\": \"seven\"}}"] {
      try "{\"schema\": 1, \(lessons)\(extra)}".write(toFile: path, atomically: false, encoding: .utf8)
      let loaded = ProgressStore(path: path).load()
      #expect(loaded.notice == nil, "nothing set aside for \(extra)")
      #expect(loaded.progress.lessons["why-caching"]?.page == 2 && loaded.progress.openQuizzes.isEmpty)
    }
    var progress = CourseProgress()
    progress.openQuizzes["why-caching"] = OpenQuiz(seed: 7, answers: [], leftAt: 1)
    try ProgressStore(path: path).save(progress)
    #expect(ProgressStore(path: path).load().progress.openQuizzes["why-caching"]?.seed == 7)
  }

  @Test(arguments: ["{\"schema\": 1, \"lessons\": ", "not json", "{\"schema\": 99}"])
  func aDamagedFileIsSetAsideWithAMessage(contents: String) throws {
    let path = folder + "/progress.json"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try contents.write(toFile: path, atomically: false, encoding: .utf8)
    let loaded = ProgressStore(path: path).load(now: Date(timeIntervalSince1970: 0))
    #expect(loaded.progress == CourseProgress())
    let aside = path + ".damaged-19700101-000000"
    #expect(loaded.notice?.contains("moved to \(aside)") == true, "\(loaded.notice ?? "")")
    #expect(
      try String(contentsOfFile: aside, encoding: .utf8) == contents, "the damaged file is kept as it was")
    #expect(!FileManager.default.fileExists(atPath: path))
    try? FileManager.default.removeItem(atPath: folder)
  }

  @Test func killedWhileWritingLeavesTheOldOrTheNewFile() throws {
    guard let writer = BuiltProducts.executable("progress-writer") else {
      Issue.record("progress-writer was not built beside the tests")
      return
    }
    let path = folder + "/progress.json"
    var random = SplitMix64(seed: 11)
    var lastPage = -1
    for _ in 0..<30 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: writer)
      process.arguments = [path]
      try process.run()
      usleep(useconds_t(2_000 + random.next() % 30_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let loaded = ProgressStore(path: path).load()
      #expect(loaded.notice == nil, "after a kill: \(loaded.notice ?? "")")
      let page = loaded.progress.lessons.values.map(\.page).max() ?? -1
      #expect(page >= lastPage, "progress never goes back")
      lastPage = page
    }
    #expect(lastPage > 0, "the writer saved at least once")
    try? FileManager.default.removeItem(atPath: folder)
  }

  @Test func concurrentRecordersLoseNoCheck() throws {
    let writer = try #require(BuiltProducts.executable("progress-writer"), "progress-writer is built")
    let path = folder + "/progress.json"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let writers = (0..<8).map { _ in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: writer)
      process.arguments = [path, "checks", "25"]
      return process
    }
    for process in writers { try process.run() }
    for process in writers { process.waitUntilExit() }
    #expect(writers.allSatisfy { $0.terminationStatus == 0 })
    let loaded = ProgressStore(path: path).load()
    #expect(loaded.notice == nil)
    #expect(loaded.progress.exercises["fixture"]?.checks == 8 * 25, "every check of every writer counted")
  }
}
