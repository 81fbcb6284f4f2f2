import CacheKit
import Foundation

// Starts `sleep 44.5` in a session of its own, then spins for ever: interrupting the grader, or killing
// it, must end both.
func remember(_ value: Int, cache: any Cache) throws -> Int? {
  let sleeper = Process()
  sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
  sleeper.arguments = ["44.5"]
  try sleeper.run()
  var spins = 0
  while value > 0 { spins &+= 1 }
  return spins
}
