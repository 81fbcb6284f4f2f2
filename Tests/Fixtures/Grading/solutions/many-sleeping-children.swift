import CacheKit
import Foundation

// Forks 200 copies of itself that sleep while it waits half a second, then ends them and answers
// correctly. The copies share nearly all their pages, so together they use little more than one.
func remember(_ value: Int, cache: any Cache) throws -> Int? {
  var children: [pid_t] = []
  for _ in 0..<200 {
    let child = fork()
    if child == 0 {
      while true { sleep(1) }
    }
    children.append(child)
  }
  usleep(500_000)
  for child in children {
    kill(child, SIGKILL)
    var status: Int32 = 0
    waitpid(child, &status, 0)
  }
  try cache.set("answer", value)
  return try cache.get("answer", as: Int.self)
}
