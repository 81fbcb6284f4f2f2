import CacheKit
import Foundation

// A wrong solution that looks for the run's token where a program could read it back (its environment
// as the kernel keeps it, and the token's descriptor), writes passing records and the end of the run
// with what it finds, and exits before the runner can report the truth.
func remember(_ value: Int, cache: any Cache) throws -> Int? {
  var candidates = ["guess"]
  if let environ = FileManager.default.contents(atPath: "/proc/self/environ") {
    for entry in environ.split(separator: 0) {
      let text = String(decoding: entry, as: UTF8.self)
      if text.contains("TOKEN=") { candidates.append(String(text.split(separator: "=", maxSplits: 1)[1])) }
    }
  }
  let secret = FileHandle(fileDescriptor: 4, closeOnDealloc: false).availableData
  if !secret.isEmpty { candidates.append(String(decoding: secret, as: UTF8.self)) }
  let channel = FileHandle(fileDescriptor: 3, closeOnDealloc: false)
  for token in candidates {
    for backend in ["memory", "file"] {
      for check in ["reads back what it stored", "stores under the key \"answer\""] {
        let record = #"{"token":"\#(token)","event":"passed","check":"\#(check)","backend":"\#(backend)"}"#
        channel.write(Data((record + "\n").utf8))
      }
    }
    channel.write(Data(#"{"token":"\#(token)","event":"done"}"#.utf8 + [10]))
  }
  exit(0)
}
