import CacheKit
import Foundation

// Escapes the process group with a double fork (fork, setsid, fork) and leaves `sleep 42.5` behind,
// holding the result channel; then answers correctly. The grader must end the sleeper anyway.
func remember(_ value: Int, cache: any Cache) throws -> Int? {
  var arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("42.5"), nil]
  let first = fork()
  if first == 0 {
    setsid()
    if fork() == 0 { execv("/bin/sleep", &arguments) }
    _exit(0)
  }
  var status: Int32 = 0
  waitpid(first, &status, 0)
  try cache.set("answer", value)
  return try cache.get("answer", as: Int.self)
}
