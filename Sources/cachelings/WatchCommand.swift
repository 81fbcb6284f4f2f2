import Arguments
import Course
import Foundation
import Terminal

#if canImport(Glibc)
import Glibc
#endif

/// `cachelings watch [EXERCISE]`: grades now and again on every save of the learner's file, with keys for
/// a hint, the next exercise, the list and quitting.
enum WatchCommand {
  static func run(_ arguments: ParsedArguments) -> Int32 {
    guard let loaded = ExerciseChoice.load(arguments) else { return 2 }
    let setup = loaded.setup
    let content = loaded.content
    var progress = loaded.progress
    var exercise = loaded.exercise
    let grading: GradingSetup
    do {
      grading = try GradingSetup.make(arguments, setup: setup)
    } catch {
      return error.code
    }
    let console = setup.printer()
    guard
      var file = CheckCommand.prepare(
        exercise, grading: grading, setup: setup, console: console, quiet: false)
    else { return 1 }
    guard let watcher = FileWatcher(folder: grading.workspace.folder) else {
      Output.error("could not watch \(grading.workspace.folder) for changes (inotify)")
      return 1
    }
    let terminal = isatty(1) == 1 ? RawTerminal(input: 0) : nil
    defer { terminal?.restore() }
    let keys = terminal == nil ? "" : "  h hint  n next exercise  l list  q quit"

    var first = true
    func gradeAndShow() {
      // The first report stays under the task; later ones replace the screen.
      if terminal != nil && !first { console.clearScreen() }
      first = false
      guard
        let report = CheckCommand.grade(
          exercise, file: file, grading: grading, setup: setup, progress: &progress)
      else { return }
      CheckCommand.show(
        report, exercise: exercise, file: file, content: content, progress: progress, setup: setup)
      console.print()
      console.print(console.paint("Watching \(setup.display(file)) for changes." + keys, .dim))
    }

    gradeAndShow()
    while true {
      switch watcher.wait(for: (file as NSString).lastPathComponent, keys: terminal == nil ? nil : 0) {
      case .changed:
        gradeAndShow()
      case .input:
        switch terminal?.readKey() {
        case .character("h"):
          console.print()
          HintCommand.show(exercise, setup: setup, progress: &progress)
        case .character("n"):
          let next = content.exercises.first { $0.number > exercise.number } ?? content.exercises[0]
          guard
            let nextFile = CheckCommand.prepare(
              next, grading: grading, setup: setup, console: console, quiet: true)
          else { continue }
          exercise = next
          file = nextFile
          if terminal != nil { console.clearScreen() }
          CheckCommand.showTask(exercise, setup: setup, console: console)
          first = true
          gradeAndShow()
        case .character("l"):
          console.print()
          let now = Date().timeIntervalSince1970
          console.print(
            Overview(
              content: content, progress: progress, console: console, now: now, program: CourseSetup.program
            )
            .list())
        case .character("q"), .character("Q"), .escape, .interrupt, .endOfInput, nil:
          console.print()
          return 0
        default:
          continue
        }
      case .failed:
        Output.error("watching stopped: the change notifications failed")
        return 1
      }
    }
  }
}

/// Waits for saves of one file in a folder with inotify, and optionally for input on a descriptor.
/// Editors save by writing in place or by renaming a new file over the old one; both count.
final class FileWatcher {
  enum Event { case changed, input, failed }

  private let descriptor: Int32

  init?(folder: String) {
    descriptor = inotify_init1(Int32(IN_CLOEXEC))
    guard descriptor >= 0 else { return nil }
    let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE)
    guard inotify_add_watch(descriptor, folder, mask) >= 0 else {
      close(descriptor)
      return nil
    }
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
