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
    // Small pieces every module may share, each written once: a seeded generator, whole writes, a free port.
    .target(name: "Primitives"),
    // The byte buffers both wire protocols' decoders and reply writers keep.
    .target(name: "WireBytes"),
    .target(name: "RESP", dependencies: ["WireBytes"]),
    .target(name: "MemcacheText", dependencies: ["WireBytes"]),
    .target(name: "CacheKit", dependencies: ["Primitives", "RESP"]),
    .target(name: "CLinux"),
    .target(name: "Terminal"),
    .target(name: "Arguments", dependencies: ["Primitives", "Terminal"]),
    // What a graded program and the grader say to each other: backends, grade records, the environment.
    .target(name: "GradeProtocol"),
    .target(name: "ExerciseKit", dependencies: ["CacheKit", "GradeProtocol", "Primitives"]),
    // Compiles a learner's file with an exercise's checks, runs it contained, and reports.
    .target(name: "Grader", dependencies: ["CacheKit", "CLinux", "GradeProtocol"]),
    .target(name: "Course", dependencies: ["CacheKit", "GradeProtocol", "Grader", "Primitives", "Terminal"]),
    // Redis/commands.txt, every Redis command's facts a line, is compiled in as `PackageResources.commands_txt`.
    .target(
      name: "CacheServer", dependencies: ["RESP", "MemcacheText", "CLinux", "Primitives"],
      resources: [.embedInCode("Redis/commands.txt")]),
    // A server over loopback as the tests and the benchmark use it: run as a child process, fuzzed, attacked.
    .target(name: "ServerAttacks", dependencies: ["Primitives"]),
    .executableTarget(
      name: "cachelings",
      dependencies: [
        "Arguments", "CacheKit", "CacheServer", "Course", "GradeProtocol", "Grader", "Primitives", "Terminal",
      ]),
    .executableTarget(
      name: "CacheBench", dependencies: ["Arguments", "CacheKit", "Primitives", "ServerAttacks"]),
    .target(
      name: "TestSupport", dependencies: ["CacheServer", "CLinux", "Primitives", "RESP", "ServerAttacks"],
      path: "Tests/TestSupport"),
    .testTarget(name: "CacheKitTests", dependencies: ["CacheKit", "CacheServer", "TestSupport"]),
    .testTarget(name: "RESPTests", dependencies: ["RESP", "TestSupport"]),
    .testTarget(name: "MemcacheTextTests", dependencies: ["MemcacheText"]),
    .executableTarget(name: "progress-writer", dependencies: ["Course"], path: "Tests/ProgressWriter"),
    .testTarget(
      name: "CourseTests",
      dependencies: [
        "Course", "GradeProtocol", "Grader", "Terminal", "TestSupport", "progress-writer", "cachelings",
      ]),
    .testTarget(name: "ExerciseKitTests", dependencies: ["ExerciseKit", "Primitives"]),
    .testTarget(name: "PrimitivesTests", dependencies: ["Primitives"]),
    .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"]),
    .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
    .testTarget(name: "CacheServerTests", dependencies: ["CacheServer", "ServerAttacks", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
