// The supervisor between the grader and a graded program. It leads a new process group, dies with the
// thread that forked it (PR_SET_PDEATHSIG), and starts the program with stdin from /dev/null, the given
// descriptors and no others, an address-space limit and the same death signal. With isolate, the
// program runs as pid 2 of a new user and PID namespace whose pid 1 waits for it, so the kernel ends
// every process in it when the program's run ends, however that happens. Without, the supervisor is a
// child subreaper: orphans of the program become its children, and it kills every one of them once the
// program has ended. The program gets the run's token on descriptor 4 and, with Landlock, may write only
// beneath the folders the request names. SIGTERM to the supervisor ends the program and everything it started, then the
// supervisor. Everything after fork runs in a copy of a multithreaded process, so it makes system calls
// only: no malloc, no stdio.
#define _GNU_SOURCE
#include "CLinux.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef __linux__
enum { report_descriptor = 4, error_descriptor = 5, secret_descriptor = 6, program_secret_descriptor = 4 };

static void write_all(int descriptor, const void *bytes, size_t count) {
  const char *next = bytes;
  while (count > 0) {
    ssize_t written = write(descriptor, next, count);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    next += written;
    count -= (size_t)written;
  }
}

static void fail(int code) {
  write_all(error_descriptor, &code, sizeof code);
  _exit(127);
}

/// Decimal text of value into buffer (at least 24 bytes); returns its length.
static size_t decimal(unsigned long value, char *buffer) {
  char digits[24];
  size_t count = 0;
  do {
    digits[count++] = (char)('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (size_t index = 0; index < count; index++) buffer[index] = digits[count - 1 - index];
  return count;
}

static int write_file(const char *path, const char *text, size_t length) {
  int descriptor = open(path, O_WRONLY | O_CLOEXEC);
  if (descriptor < 0) return -1;
  ssize_t written = write(descriptor, text, length);
  close(descriptor);
  return written == (ssize_t)length ? 0 : -1;
}

/// "ID ID 1\n" into path: maps the id to itself in the new user namespace.
static int map_identity(const char *path, unsigned long id) {
  char line[64];
  size_t length = decimal(id, line);
  line[length++] = ' ';
  length += decimal(id, line + length);
  memcpy(line + length, " 1\n", 3);
  return write_file(path, line, length + 3);
}

/// A new user namespace mapping this user to itself, and a new PID namespace for the next child: 0 when
/// done, 1 when the kernel refused (nothing changed), -1 when it failed half way.
static int enter_namespaces(void) {
  unsigned long user = getuid(), group = getgid();
  if (unshare(CLONE_NEWUSER | CLONE_NEWPID) != 0) return 1;
  if (write_file("/proc/self/setgroups", "deny", 4) != 0) return -1;
  if (map_identity("/proc/self/uid_map", user) != 0) return -1;
  return map_identity("/proc/self/gid_map", group);
}

static void close_from(unsigned int first) {
  if (syscall(SYS_close_range, first, ~0U, 0) == 0) return;
  long last = sysconf(_SC_OPEN_MAX);
  for (long descriptor = first; descriptor < (last > 0 ? last : 65536); descriptor++) close((int)descriptor);
}

/// Stdin from /dev/null, output on 1 and 2, the channel on 3, the report and error pipes on 4 and 5
/// (closed by exec), the token on 6 until the program takes it, nothing else.
static void arrange_descriptors(const struct cachelings_spawn_request *request, int errors) {
  int output = fcntl(request->output, F_DUPFD, 10);
  int channel = fcntl(request->channel, F_DUPFD, 10);
  int report = fcntl(request->report, F_DUPFD, 10);
  int error = fcntl(errors, F_DUPFD, 10);
  int secret = request->secret >= 0 ? fcntl(request->secret, F_DUPFD, 10) : -1;
  int null = open("/dev/null", O_RDONLY);
  if (output < 0 || channel < 0 || report < 0 || error < 0 || null < 0) _exit(127);
  if (request->secret >= 0 && secret < 0) _exit(127);
  if (dup2(null, 0) < 0 || dup2(output, 1) < 0 || dup2(output, 2) < 0 || dup2(channel, 3) < 0) _exit(127);
  if (dup2(report, report_descriptor) < 0 || dup2(error, error_descriptor) < 0) _exit(127);
  if (secret >= 0 && dup2(secret, secret_descriptor) < 0) _exit(127);
  close_from(secret >= 0 ? 7 : 6);
  fcntl(report_descriptor, F_SETFD, FD_CLOEXEC);
  fcntl(error_descriptor, F_SETFD, FD_CLOEXEC);
}

/// Every signal to its default action (a grader that ignores SIGCHLD would otherwise leave nothing to
/// wait for), with blocked as the mask.
static void default_signals(const sigset_t *blocked) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  for (int signal = 1; signal < NSIG; signal++) sigaction(signal, &action, NULL);
  sigprocmask(SIG_SETMASK, blocked, NULL);
}

static void exec_program(const struct cachelings_spawn_request *request, pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (parent != 0 && getppid() != parent) _exit(127);
  sigset_t none;
  sigemptyset(&none);
  default_signals(&none);
  if (request->secret >= 0) {
    // Over the report pipe's copy: the supervisor keeps its own.
    if (dup2(secret_descriptor, program_secret_descriptor) < 0) fail(errno);
    close(secret_descriptor);
  }
  // Where the kernel has Landlock, a program that could not be confined does not run unconfined.
  if (request->writable != NULL && cachelings_restrict_writes(request->writable) != 0 &&
      cachelings_can_restrict_writes())
    fail(errno != 0 ? errno : EPERM);
  execve(request->path, request->argv, request->envp);
  fail(errno);
}

/// Kills every child of this subreaper until none is left; orphans of killed ones come here in turn.
static void end_descendants(void) {
  static char path[64] = "/proc/";
  static char text[1 << 16];
  size_t length = 6 + decimal((unsigned long)getpid(), path + 6);
  memcpy(path + length, "/task/", 6);
  length += 6 + decimal((unsigned long)getpid(), path + length + 6);
  memcpy(path + length, "/children", 10);
  for (;;) {
    int killed = 0;
    int descriptor = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t count = descriptor < 0 ? 0 : read(descriptor, text, sizeof text - 1);
    if (descriptor >= 0) close(descriptor);
    long pid = 0;
    for (ssize_t index = 0; index < (count > 0 ? count : 0) + 1; index++) {
      char character = index < count ? text[index] : ' ';
      if (character >= '0' && character <= '9') {
        pid = pid * 10 + (character - '0');
      } else if (pid > 0) {
        kill((pid_t)pid, SIGKILL);
        killed++;
        pid = 0;
      }
    }
    while (waitpid(-1, NULL, WNOHANG) > 0) {}
    if (killed == 0) {
      if (waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD) return;
      struct timespec pause = {0, 1000000};
      nanosleep(&pause, NULL);
    }
  }
}

/// Waits for child while reaping everything else, or for SIGTERM; true when child ended. With report,
/// how it ended is sent on the report pipe.
static int wait_for(pid_t child, int report) {
  sigset_t wanted;
  sigemptyset(&wanted);
  sigaddset(&wanted, SIGTERM);
  sigaddset(&wanted, SIGCHLD);
  struct timespec tick = {0, 100000000};
  for (;;) {
    int status = 0;
    struct rusage usage;
    pid_t ended;
    while ((ended = wait4(-1, &status, WNOHANG, &usage)) > 0) {
      if (ended != child) continue;
      struct cachelings_program_end end = {status, usage.ru_maxrss};
      if (report) write_all(report_descriptor, &end, sizeof end);
      return 1;
    }
    if (ended < 0 && errno == ECHILD) return 0;
    if (sigtimedwait(&wanted, NULL, &tick) == SIGTERM) return 0;
  }
}

/// The namespace's pid 1: starts the program as pid 2 and waits; its exit ends the namespace.
static void run_namespace_init(const struct cachelings_spawn_request *request) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  pid_t program = fork();
  if (program < 0) fail(errno);
  if (program == 0) exec_program(request, 0);
  close(error_descriptor);
  close(secret_descriptor);
  for (int descriptor = 0; descriptor < 4; descriptor++) close(descriptor);
  wait_for(program, 1);
  _exit(0);
}

static void run_supervisor(const struct cachelings_spawn_request *request, int errors, pid_t grader) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != grader) _exit(127);
  setpgid(0, 0);
  arrange_descriptors(request, errors);
  if (request->address_space > 0) {
    struct rlimit limit = {request->address_space, request->address_space};
    setrlimit(RLIMIT_AS, &limit);
  }
  sigset_t blocked;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGTERM);
  sigaddset(&blocked, SIGCHLD);
  default_signals(&blocked);
  int entered = request->isolate ? enter_namespaces() : 1;
  if (entered < 0) fail(EPERM);
  int isolated = entered == 0;
  if (!isolated) prctl(PR_SET_CHILD_SUBREAPER, 1);
  pid_t self = getpid();
  pid_t child = fork();
  if (child < 0) fail(errno);
  if (child == 0) {
    if (isolated) run_namespace_init(request);
    exec_program(request, self);
  }
  close(error_descriptor);
  close(secret_descriptor);
  for (int descriptor = 0; descriptor < 4; descriptor++) close(descriptor);
  if (isolated) {
    if (!wait_for(child, 0)) kill(child, SIGKILL);
    while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
    _exit(0);
  }
  wait_for(child, 1);
  end_descendants();
  _exit(0);
}

int cachelings_spawn_supervised(const struct cachelings_spawn_request *request, int *supervisor) {
  int errors[2];
  if (pipe2(errors, O_CLOEXEC) != 0) return errno;
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &previous);
  pid_t grader = getpid();
  pid_t child = fork();
  if (child == 0) {
    close(errors[0]);
    run_supervisor(request, errors[1], grader);
  }
  int code = child < 0 ? errno : 0;
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  close(errors[1]);
  if (child > 0) {
    int reported = 0;
    ssize_t count;
    while ((count = read(errors[0], &reported, sizeof reported)) < 0 && errno == EINTR) {}
    if (count == sizeof reported) code = reported;
    *supervisor = child;
  }
  close(errors[0]);
  return code;
}

int cachelings_can_isolate(void) {
  pid_t child = fork();
  if (child < 0) return 0;
  if (child == 0) {
    if (enter_namespaces() != 0) _exit(1);
    pid_t inner = fork();
    if (inner < 0) _exit(1);
    if (inner == 0) _exit(getpid() == 1 ? 0 : 1);
    int status = 0;
    if (waitpid(inner, &status, 0) != inner) _exit(1);
    _exit(WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
#endif
