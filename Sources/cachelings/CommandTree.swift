import Arguments
import CacheServer

/// Every command of `cachelings` with its options: the parser reads against this tree and `--help` is
/// generated from it.
enum CommandTree {
  static let noColor = OptionSpec("no-color", help: "no colours or styles (also when NO_COLOR is set)")
  static let lesson = ArgumentSpec(
    "LESSON", help: "a lesson's number, like 1, or its id (default: where you are)", optional: true)

  static let exercise = ArgumentSpec(
    "EXERCISE", help: "an exercise's number, like 1, or its id (default: the first not passed yet)",
    optional: true)
  static let gradingOptions = [
    OptionSpec(
      "backend", value: "NAMES",
      help: "memory, file, redis, memcached or all (the default); several with commas"),
    OptionSpec("redis", value: "URL", help: "grade against this Redis server instead of the course's own"),
    OptionSpec(
      "memcached", value: "HOST:PORT", help: "grade against this memcached instead of the course's own"),
  ]
  static let gradingDiscussion = """
    Your copy of the exercise lives in workspace/, made from the starter the first time. It is compiled with
    the exercise's checks and run on every backend; the course starts its own Redis-protocol and
    Memcached-protocol servers for the run. Checks that move time need a server that accepts the course's
    test clock, so with --redis or --memcached they are reported as skipped. A server you name is
    flushed before every check (with --redis, only the database the URL names: redis://host:6379/5).
    """

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
        "check", summary: "Grade your solution of an exercise: a verdict per check and backend.",
        arguments: [exercise],
        options: gradingOptions + [
          OptionSpec("json", help: "print exercism-style results.json (version 3, plus the backend)"),
          OptionSpec("task", help: "print the exercise's task and stop"), noColor,
        ],
        discussion: gradingDiscussion + "\n\nExits 0 when every check passes, 1 otherwise."),
      CommandSpec(
        "watch", summary: "Re-grade your solution every time you save it.", arguments: [exercise],
        options: gradingOptions + [noColor],
        discussion: "Keys while watching: h the next hint, n the next exercise, l the list, q quit."),
      CommandSpec(
        "hint", summary: "The next hint of an exercise; each one is more direct.", arguments: [exercise],
        options: [noColor]),
      CommandSpec(
        "reset", summary: "Put an exercise's starter back (asks first; your version is kept aside).",
        arguments: [exercise], options: [OptionSpec("yes", help: "do not ask"), noColor]),
      CommandSpec(
        "solution", summary: "The reference solution, once you have passed the exercise.",
        arguments: [exercise],
        options: [OptionSpec("force", help: "show it before passing (asks first)"), noColor]),
      CommandSpec(
        "lab", summary: "Run a lab's simulation and draw its chart; without NAME, list the labs.",
        arguments: [ArgumentSpec("NAME", help: "a lab's name, like ttl-staleness", optional: true)],
        options: [noColor],
        discussion: "Each lab is a small, seeded simulation: it draws the same chart every time it runs."),
      CommandSpec(
        "docs", summary: "The API of CacheKit and ExerciseKit: every type, or one with its members.",
        arguments: [
          ArgumentSpec(
            "NAME", help: "a type, like SlowDatabase or Cache, or a function (default: the index)",
            optional: true)
        ],
        options: [noColor],
        discussion: """
          Read from the doc comments in the course's Sources/, so it says what the code does. Names ignore
          case; a method's name shows the type that has it. On a terminal, a long page opens in your pager
          ($PAGER, else less).
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
          serve(
            RedisServer.self,
            options: [
              OptionSpec(
                "maxmemory", value: "BYTES", help: "memory limit, like Redis's maxmemory (100mb, 1gb, ...)"),
              OptionSpec(
                "requirepass", value: "PASSWORD", help: "require AUTH PASSWORD before other commands"),
              OptionSpec(
                "test-clock", help: "enable ADVANCECLOCK ms, which moves the server's time (graders)"),
            ]),
          serve(
            MemcachedServer.self,
            options: [
              OptionSpec(
                "memory-limit", value: "MB",
                help: "memory for items in megabytes, like memcached's -m (default 64)"),
              OptionSpec("threads", value: "N", help: "worker threads, like memcached's -t (default 1)"),
              OptionSpec(
                "max-item-size", value: "SIZE",
                help: "largest item, like memcached's -I (default 1m; 1k to 1024m)"),
              OptionSpec(
                "test-clock", help: "enable `advanceclock ms`, which moves the server's time (graders)"),
            ]),
        ]),
      CommandSpec(
        "dev", summary: "Tools for course authors.",
        subcommands: [
          CommandSpec(
            "check",
            summary:
              "Validate every lesson, quiz and exercise; every solution must pass and every starter fail.",
            options: [
              OptionSpec("content-only", help: "validate the files without compiling anything"), noColor,
            ],
            discussion: """
              The content standard is in Lessons/README.md: each lesson's parts, quiz sizes and the length
              lint, topics from Lessons/topics.md. Swift blocks of lessons are type-checked with the
              grader's compiler; blocks that passed before are not checked again.
              """),
          CommandSpec(
            "coverage", summary: "Which lessons, questions and exercises cover each topic of the course.",
            options: [
              OptionSpec("markdown", help: "print the table as Markdown"),
              OptionSpec("write", help: "put the table into Lessons/README.md"), noColor,
            ]),
          CommandSpec(
            "labs", summary: "Every simulation a lab can run, what it shows and which lessons use it.",
            options: [noColor]),
        ]),
    ],
    discussion: """
      Run `cachelings` alone to see where you are and what is next.
      Progress is kept in workspace/progress.json in the course folder.
      """)

  /// `serve NAME`: the port and address every server takes, with the server's own defaults, then its
  /// own options.
  static func serve<Server: ServedServer>(_ server: Server.Type, options: [OptionSpec]) -> CommandSpec {
    let defaults = Server.Options()
    return CommandSpec(
      Server.command, summary: "The \(Server.title) server, in the foreground until Ctrl-C or SIGTERM.",
      options: [
        OptionSpec(
          "port", value: "N", help: "port to listen on (default \(defaults.port); 0 picks a free one)"),
        OptionSpec(
          "bind", value: "ADDRESS", help: "IPv4 address to listen on (default \(defaults.bindAddress))"),
      ] + options)
  }
}
