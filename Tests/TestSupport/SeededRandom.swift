import ServerAttacks

/// The seeded generator of the attack harness, under the name the tests use.
public typealias SeededRandom = ServerAttacks.SeededRandom
