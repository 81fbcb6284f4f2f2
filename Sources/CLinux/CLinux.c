#define _GNU_SOURCE
#include "CLinux.h"

#ifdef __linux__
int cachelings_accept4(int descriptor, struct sockaddr *address, socklen_t *length, int flags) {
  return accept4(descriptor, address, length, flags);
}
#endif
