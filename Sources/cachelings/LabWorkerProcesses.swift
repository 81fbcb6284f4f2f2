import Foundation

/// Worker processes of this very binary for a process lab, started with LabWorker's variable set to
/// a description of their work. The lab drives them in turns, a line out and a line back, so a run
/// repeats exactly; ending closes their input, which ends them.
final class LabWorkerProcesses {
  private var workers: [(process: Process, input: FileHandle, output: FileHandle)] = []

  /// Starts `count` workers, worker `index` described by `description(index)`; nil when one cannot start.
  init?(count: Int, description: (Int) -> String) {
    guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
      return nil
    }
    for index in 0..<count {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      var environment = ProcessInfo.processInfo.environment
      environment[LabWorker.variable] = description(index)
      process.environment = environment
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      guard (try? process.run()) != nil else {
        end()
        return nil
      }
      workers.append((process, input.fileHandleForWriting, output.fileHandleForReading))
    }
  }

  deinit { end() }

  var count: Int { workers.count }

  /// Sends worker `index` one line and returns the numbers of the line it answers; nil when it does
  /// not answer with numbers.
  func ask(_ index: Int, _ line: String) -> [Int]? {
    workers[index].input.write(Data((line + "\n").utf8))
    var answer = Data()
    while answer.last != UInt8(ascii: "\n") {
      let byte = workers[index].output.readData(ofLength: 1)
      if byte.isEmpty { return nil }
      answer.append(byte)
    }
    let words = String(decoding: answer, as: UTF8.self).split(separator: " ")
    let numbers = words.compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    return numbers.count == words.count ? numbers : nil
  }

  /// Closes every worker's input and waits for it to exit.
  private func end() {
    for worker in workers {
      try? worker.input.close()
      worker.process.waitUntilExit()
    }
    workers = []
  }
}
