// Helpers shared by the WASI test programs: errno names and line-by-line reporting.
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

__attribute__((unused)) static const char *errname(__wasi_errno_t e) {
  switch (e) {
    case 0: return "ok";
    case __WASI_ERRNO_ACCES: return "EACCES";
    case __WASI_ERRNO_BADF: return "EBADF";
    case __WASI_ERRNO_EXIST: return "EEXIST";
    case __WASI_ERRNO_INVAL: return "EINVAL";
    case __WASI_ERRNO_ISDIR: return "EISDIR";
    case __WASI_ERRNO_NOENT: return "ENOENT";
    case __WASI_ERRNO_NOSYS: return "ENOSYS";
    case __WASI_ERRNO_NOTDIR: return "ENOTDIR";
    case __WASI_ERRNO_NOTEMPTY: return "ENOTEMPTY";
    case __WASI_ERRNO_NOTSOCK: return "ENOTSOCK";
    case __WASI_ERRNO_NOTSUP: return "ENOTSUP";
    case __WASI_ERRNO_PERM: return "EPERM";
    case __WASI_ERRNO_SPIPE: return "ESPIPE";
    case __WASI_ERRNO_NOTCAPABLE: return "ENOTCAPABLE";
    default: return "other";
  }
}

#define CHECK(name, call) printf("%s: %s\n", name, errname(call))
