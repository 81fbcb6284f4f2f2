// Linux system calls that Swift's Glibc module does not export: the event loop's epoll, eventfd and
// signalfd, accept4 (a GNU extension), opening a pseudo-terminal for tests that drive the course
// as a learner's terminal would, and starting a graded program under a supervisor, which needs fork, prctl,
// unshare, close_range and Landlock between fork and exec, where Swift cannot run. Nothing else lives here.
#ifndef CACHELINGS_CLINUX_H
#define CACHELINGS_CLINUX_H
#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>

/// accept4(2): accepts a connection with flags (SOCK_NONBLOCK, SOCK_CLOEXEC) set in the same call.
int cachelings_accept4(int descriptor, struct sockaddr *address, socklen_t *length, int flags);

/// posix_openpt, grantpt and unlockpt in one: the master side of a new pseudo-terminal, or -1. The name
/// of its slave side is copied into name.
int cachelings_open_pseudo_terminal(char *name, unsigned long capacity);

/// What cachelings_spawn_supervised starts: a program, its descriptors and its limit.
struct cachelings_spawn_request {
  const char *path;
  char *const *argv;
  char *const *envp;
  /// Becomes the program's descriptors 1 and 2.
  int output;
  /// Becomes the program's descriptor 3.
  int channel;
  /// The write end of a pipe on which the supervisor sends a cachelings_program_end.
  int report;
  /// RLIMIT_AS of every process of the program; 0 for none.
  unsigned long long address_space;
  /// Nonzero to run the program in a new user and PID namespace.
  int isolate;
  /// Becomes the program's descriptor 4 (the run's token), or -1 for none.
  int secret;
  /// The folders (or single files) the program may create, change or remove files beneath, ending in
  /// NULL; NULL for no limit. Enforced with Landlock where the kernel has it.
  const char *const *writable;
};

/// How the program ended, sent by its supervisor once it has ended.
struct cachelings_program_end {
  /// The wait status of the program.
  int status;
  /// The peak resident size of the program and the descendants it waited for, in kilobytes.
  long peak_kilobytes;
};

/// fork, then a supervisor that ends every process of a graded program when its run ends (Swift cannot
/// run between fork and exec); Supervisor.c says how. Stores the supervisor's pid; returns 0 or an errno.
int cachelings_spawn_supervised(const struct cachelings_spawn_request *request, int *supervisor);

/// Whether unprivileged user and PID namespaces work here, tried once in a short-lived child.
int cachelings_can_isolate(void);

/// Landlock: from now on this process and every process it starts may create, change or remove files
/// only beneath the paths in allowed (ending in NULL; folders, or single files such as /dev/null).
/// Returns 0, or -1 where the kernel has no Landlock. Makes system calls only, so it may run after fork.
int cachelings_restrict_writes(const char *const *allowed);

/// Whether this kernel enforces Landlock, so graded programs cannot write outside their own folder.
int cachelings_can_restrict_writes(void);
#endif
#endif
