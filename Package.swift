// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "cachelings",
  products: [
    .executable(name: "cachelings", targets: ["cachelings"]),
    .executable(name: "cachelings-bench", targets: ["CacheBench"]),
    .library(name: "CacheKit", targets: ["CacheKit"]),
    // What compiled learner solutions link against: ExerciseKit with CacheKit inside.
    .library(name: "ExerciseRuntime", type: .dynamic, targets: ["ExerciseKit"]),
  ],
  targets: [
    // The byte buffers both wire protocols' decoders and reply writers keep.
    .target(name: "WireBytes"),
    .target(name: "RESP", dependencies: ["WireBytes"]),
    .target(name: "MemcacheText", dependencies: ["WireBytes"]),
    .target(name: "CacheKit", dependencies: ["RESP"]),
    .target(name: "CLinux"),
    .target(name: "Terminal"),
    .target(name: "Arguments"),
    .target(name: "ExerciseKit", dependencies: ["CacheKit"]),
    .target(name: "Course", dependencies: ["CacheKit", "CLinux", "ExerciseKit", "Terminal"]),
    .target(name: "CacheServer", dependencies: ["RESP", "MemcacheText", "CLinux"]),
    // Fuzzing and resource attacks on a server over loopback, shared by the tests and the benchmark.
    .target(name: "ServerAttacks"),
    .executableTarget(
      name: "cachelings",
      dependencies: ["Arguments", "CacheKit", "CacheServer", "Course", "ExerciseKit", "Terminal"]),
    .executableTarget(name: "CacheBench", dependencies: ["CacheKit", "ServerAttacks"]),
    .target(
      name: "TestSupport", dependencies: ["RESP", "CLinux", "ServerAttacks"], path: "Tests/TestSupport"),
    .testTarget(name: "CacheKitTests", dependencies: ["CacheKit", "CacheServer", "TestSupport"]),
    .testTarget(name: "RESPTests", dependencies: ["RESP", "TestSupport"]),
    .testTarget(name: "MemcacheTextTests", dependencies: ["MemcacheText"]),
    .executableTarget(name: "progress-writer", dependencies: ["Course"], path: "Tests/ProgressWriter"),
    .testTarget(
      name: "CourseTests",
      dependencies: ["Course", "Terminal", "TestSupport", "progress-writer", "cachelings"]),
    .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"]),
    .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
    .testTarget(name: "CacheServerTests", dependencies: ["CacheServer", "ServerAttacks", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
