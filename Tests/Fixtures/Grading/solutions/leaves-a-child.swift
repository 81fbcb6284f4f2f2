import CacheKit
import Foundation

// Starts a long sleep in the background, then never returns: the grader must kill both.
func remember(_ value: Int, cache: any Cache) throws -> Int? {
  let sleeper = Process()
  sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
  sleeper.arguments = ["41.5"]
  try sleeper.run()
  while value > 0 { usleep(1000) }
  return nil
}
