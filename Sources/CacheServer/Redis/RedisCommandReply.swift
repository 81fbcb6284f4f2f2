import RESP

/// How COMMAND INFO and COMMAND DOCS describe one command, in Redis 7.0's layout.
enum RedisCommandReply {
  /// name, arity, flags, first key, last key, step, ACL categories, tips, key specs, subcommands.
  static func info(_ command: RedisCommand, _ reply: inout RESPWriter) {
    let facts = command.info
    reply.arrayHeader(10)
    reply.bulkString(command.nameBytes)
    reply.integer(Int64(command.arity))
    statuses(facts.flags, &reply)
    let keys = facts.keys
    reply.integer(Int64(keys.first))
    reply.integer(Int64(keys.last))
    reply.integer(Int64(keys.step))
    statuses(facts.categories, &reply)
    reply.setHeader(facts.tips.count)
    for tip in facts.tips { reply.bulkString(Array(tip.utf8)) }
    if !facts.keySpecFlags.isEmpty {
      reply.arrayHeader(1)
      keySpec(facts, &reply)
    } else {
      reply.arrayHeader(0)
    }
    reply.arrayHeader(command.subcommands.count)
    for subcommand in command.subcommands { info(subcommand, &reply) }
  }

  /// One key spec: the keys start at a fixed index and run as a range.
  private static func keySpec(_ facts: RedisCommandInfo, _ reply: inout RESPWriter) {
    reply.mapHeader(3)
    bulk("flags", &reply)
    statuses(facts.keySpecFlags, &reply)
    bulk("begin_search", &reply)
    reply.mapHeader(2)
    bulk("type", &reply)
    bulk("index", &reply)
    bulk("spec", &reply)
    reply.mapHeader(1)
    bulk("index", &reply)
    reply.integer(Int64(facts.keys.first))
    bulk("find_keys", &reply)
    reply.mapHeader(2)
    bulk("type", &reply)
    bulk("range", &reply)
    bulk("spec", &reply)
    reply.mapHeader(3)
    bulk("lastkey", &reply)
    reply.integer(facts.keys.last < 0 ? Int64(facts.keys.last) : Int64(facts.keys.last - facts.keys.first))
    bulk("keystep", &reply)
    reply.integer(Int64(facts.keys.step))
    bulk("limit", &reply)
    reply.integer(0)
  }

  /// One COMMAND DOCS entry: the name, then a map of summary, since, group, complexity (and
  /// subcommands for a container).
  static func docs(_ command: RedisCommand, _ reply: inout RESPWriter) {
    let facts = command.info
    reply.bulkString(command.nameBytes)
    reply.mapHeader(command.subcommands.isEmpty ? 4 : 5)
    for (field, value) in [
      ("summary", facts.summary), ("since", facts.since), ("group", facts.group),
      ("complexity", facts.complexity),
    ] {
      bulk(field, &reply)
      bulk(value, &reply)
    }
    guard !command.subcommands.isEmpty else { return }
    bulk("subcommands", &reply)
    reply.mapHeader(command.subcommands.count)
    for subcommand in command.subcommands { docs(subcommand, &reply) }
  }

  private static func statuses(_ words: [String], _ reply: inout RESPWriter) {
    reply.setHeader(words.count)
    for word in words { reply.simpleString(word) }
  }

  private static func bulk(_ text: String, _ reply: inout RESPWriter) { reply.bulkString(Array(text.utf8)) }
}
