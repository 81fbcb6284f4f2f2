import Primitives
import Testing

/// "Did you mean" for a mistyped name: edit distance with swaps, prefixes, nearest first.
struct SuggestionsTests {
  @Test func suggestionsUseEditDistanceAndPrefixes() {
    #expect(Suggestions.editDistance("kitten", "sitting") == 3)
    #expect(Suggestions.editDistance("ab", "ba") == 1)
    #expect(Suggestions.closest(to: "cache-asdie", among: ["cache-aside", "why-caching"]) == ["cache-aside"])
    #expect(Suggestions.closest(to: "why", among: ["cache-aside", "why-caching"]) == ["why-caching"])
    #expect(Suggestions.closest(to: "zzz", among: ["cache-aside"]).isEmpty)
    #expect(Suggestions.didYouMean("lern", among: ["learn", "list"]) == " (did you mean 'learn'?)")
  }
}
