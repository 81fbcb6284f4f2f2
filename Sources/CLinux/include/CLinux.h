// Linux system calls that Swift's Glibc module does not export: the event loop's epoll, eventfd and
// signalfd, accept4 and prlimit (GNU extensions), Landlock for graded programs, and opening a
// pseudo-terminal for tests that drive the course as a learner's terminal would. Nothing else lives here.
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

/// prlimit(2) with RLIMIT_AS: caps the address space of another process (a graded program), so a
/// runaway allocation fails there instead of exhausting the machine. Returns 0 or -1.
int cachelings_limit_address_space(int pid, unsigned long long bytes);

/// Landlock: from now on this process and every process it starts may create, change or remove files
/// only beneath the count paths in allowed (folders, or single files such as /dev/null), so a graded
/// program cannot rewrite the course's checks or the learner's progress. Returns 0, or -1 where the kernel
/// has no Landlock.
int cachelings_restrict_writes(const char *const *allowed, int count);
#endif
#endif
