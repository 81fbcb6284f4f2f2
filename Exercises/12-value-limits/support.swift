import CacheKit
import ExerciseKit

/// The most one cache value may hold: memcached refuses items over 1 MB (1,048,576 bytes, the
/// key and memcached's own bookkeeping included), so a chunk stays well under it.
let chunkSize = 1_000_000

/// The largest value `setLarge` accepts: four chunks. Anything bigger is refused.
let maxValueSize = 4 * chunkSize
