#define _GNU_SOURCE
#include "CLinux.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
int cachelings_accept4(int descriptor, struct sockaddr *address, socklen_t *length, int flags) {
  return accept4(descriptor, address, length, flags);
}

int cachelings_open_pseudo_terminal(char *name, unsigned long capacity) {
  int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0) return -1;
  if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, name, capacity) != 0) {
    close(master);
    return -1;
  }
  return master;
}
#endif
