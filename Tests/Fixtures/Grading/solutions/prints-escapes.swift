import CacheKit

// A wrong solution that prints escape sequences: clear the screen, draw a green pass, set the title.
func remember(_ value: Int, cache: any Cache) throws -> Int? {
  print("\u{1B}[2J\u{1B}[H\u{1B}[32m every check passes \u{1B}[0m\u{1B}]0;all green\u{07}\u{9B}31m")
  return nil
}
