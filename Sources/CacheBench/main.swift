import Arguments
import Glibc

/// cachelings-bench: measured figures for the project's speed targets, with the real peer in the same run.
let parser = ArgumentParser(root: BenchmarkCommand.root)
do throws(ArgumentError) {
  switch try parser.parse(Array(CommandLine.arguments.dropFirst())) {
  case .help(let text):
    print(text)
  case .run(let parsed):
    guard let name = parsed.commandPath.first,
      let command = BenchmarkCommand.all.first(where: { $0.spec.name == name })
    else {
      throw ArgumentError("name a benchmark", usage: parser.usage(forPath: []))
    }
    let options = BenchmarkOptions(parsed: parsed, usage: parser.usage(forPath: parsed.commandPath))
    let benchmark = try command.make(options)
    do {
      exit(try benchmark.run() ? 0 : 1)
    } catch {
      print("cachelings-bench: \(error)")
      exit(1)
    }
  }
} catch {
  print("cachelings-bench: \(error.message)\n\n\(error.usage)")
  exit(2)
}
