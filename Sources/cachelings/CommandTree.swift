import Arguments

/// Every command of `cachelings` with its options: the parser reads against this tree and `--help` is
/// generated from it.
enum CommandTree {
  static let noColor = OptionSpec("no-color", help: "no colours or styles (also when NO_COLOR is set)")
  static let lesson = ArgumentSpec(
    "LESSON", help: "a lesson's number, like 1, or its id (default: where you are)", optional: true)

  static let root = CommandSpec(
    "cachelings", summary: "Learn caching the way Django's cache framework defines it.",
    options: [OptionSpec("version", help: "print the version"), noColor],
    subcommands: [
      CommandSpec("list", summary: "Every lesson, quiz and exercise with its status.", options: [noColor]),
      CommandSpec(
        "learn", summary: "Read a lesson, a screen at a time (the whole text when not on a terminal).",
        arguments: [lesson], options: [noColor]),
      CommandSpec(
        "quiz", summary: "Take a lesson's quiz.", arguments: [lesson],
        options: [
          OptionSpec(
            "answers", value: "LIST", help: "answer without asking: B,A+C,... by the letters in quiz.md"),
          OptionSpec("seed", value: "N", help: "fix the shuffle of the options"),
          OptionSpec("json", help: "print the graded attempt as JSON"),
          noColor,
        ],
        discussion: """
          Options are shuffled for every attempt. On a terminal, press a letter to answer (several, then
          enter, where a question has more than one right option), h for a hint, q to quit. The pass
          mark is 80%; missed questions come back in `cachelings review`.
          """),
      CommandSpec(
        "review", summary: "Questions you missed and questions due, across all lessons.",
        options: [OptionSpec("cram", help: "ask every question of the course, due or not"), noColor],
        discussion:
          "Each answer reschedules its question, SM-2 style: right answers come back later and later."),
      CommandSpec(
        "progress", summary: "A summary of your progress.",
        options: [OptionSpec("reset", help: "start over (asks first)"), noColor]),
      CommandSpec(
        "serve", summary: "Run the course's Redis-protocol or Memcached-protocol server.",
        subcommands: [
          CommandSpec("redis", summary: "The Redis-protocol server (`cachelings serve redis --help`)."),
          CommandSpec(
            "memcached", summary: "The Memcached-protocol server (`cachelings serve memcached --help`)."),
        ]),
      CommandSpec(
        "dev", summary: "Tools for course authors.",
        subcommands: [
          CommandSpec(
            "check", summary: "Validate every lesson and quiz; errors name file and line.", options: [noColor]
          )
        ]),
    ],
    discussion: """
      Run `cachelings` alone to see where you are and what is next.
      Progress is kept in workspace/progress.json in the course folder.
      """)
}
