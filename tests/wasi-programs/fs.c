// Every fd_* and path_* call of preview1, on the directory preopened as /sandbox (which holds input.txt).
#include <stdlib.h>
#include "common.h"

#define ALL_RIGHTS ((__wasi_rights_t)0x1fffffff)

static __wasi_fd_t find_preopen(const char *want) {
  for (__wasi_fd_t fd = 3; fd < 64; fd++) {
    __wasi_prestat_t ps;
    if (__wasi_fd_prestat_get(fd, &ps) != 0) break;
    char name[256] = {0};
    if (ps.u.dir.pr_name_len >= sizeof name) continue;
    if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)name, ps.u.dir.pr_name_len) != 0) continue;
    if (strcmp(name, want) == 0) return fd;
  }
  return -1;
}

static __wasi_fd_t open_at(__wasi_fd_t dir, const char *path, __wasi_oflags_t oflags, __wasi_errno_t *err) {
  __wasi_fd_t fd = -1;
  *err = __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, oflags, ALL_RIGHTS, ALL_RIGHTS, 0, &fd);
  return fd;
}

static void write_str(__wasi_fd_t fd, const char *s) {
  __wasi_ciovec_t iov = {(const uint8_t *)s, strlen(s)};
  __wasi_size_t n;
  __wasi_errno_t e = __wasi_fd_write(fd, &iov, 1, &n);
  printf("fd_write: %s, %u bytes\n", errname(e), (unsigned)n);
}

int main(void) {
  __wasi_fd_t dir = find_preopen("/sandbox");
  printf("preopen /sandbox: %s\n", dir >= 3 ? "found" : "missing");
  if (dir < 0) return 1;
  __wasi_errno_t e;

  // libc first: read the file the host put there.
  FILE *in = fopen("/sandbox/input.txt", "r");
  char line[128] = {0};
  if (in && fgets(line, sizeof line, in)) printf("input.txt: %s", line);
  if (in) fclose(in);

  CHECK("path_create_directory", __wasi_path_create_directory(dir, "sub"));
  CHECK("path_create_directory again", __wasi_path_create_directory(dir, "sub"));
  __wasi_fd_t fd = open_at(dir, "sub/a.txt", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC, &e);
  CHECK("path_open create", e);
  write_str(fd, "hello world\n");
  __wasi_filesize_t pos;
  CHECK("fd_tell", __wasi_fd_tell(fd, &pos));
  printf("position: %llu\n", (unsigned long long)pos);
  __wasi_ciovec_t up = {(const uint8_t *)"HELLO", 5};
  __wasi_size_t n;
  CHECK("fd_pwrite", __wasi_fd_pwrite(fd, &up, 1, 0, &n));
  __wasi_fd_tell(fd, &pos);
  printf("position after pwrite: %llu\n", (unsigned long long)pos);
  CHECK("fd_seek set", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
  char buf[64] = {0};
  __wasi_iovec_t iov[2] = {{(uint8_t *)buf, 6}, {(uint8_t *)buf + 6, 50}};
  CHECK("fd_read", __wasi_fd_read(fd, iov, 2, &n));
  printf("read %u bytes: %s", (unsigned)n, buf);
  memset(buf, 0, sizeof buf);
  __wasi_iovec_t piov = {(uint8_t *)buf, 5};
  CHECK("fd_pread", __wasi_fd_pread(fd, &piov, 1, 6, &n));
  printf("pread: %s\n", buf);
  CHECK("fd_seek end", __wasi_fd_seek(fd, -3, __WASI_WHENCE_END, &pos));
  printf("position: %llu\n", (unsigned long long)pos);
  CHECK("fd_seek cur", __wasi_fd_seek(fd, 1, __WASI_WHENCE_CUR, &pos));
  printf("position: %llu\n", (unsigned long long)pos);
  CHECK("fd_seek before start", __wasi_fd_seek(fd, -100, __WASI_WHENCE_CUR, &pos));
  CHECK("fd_sync", __wasi_fd_sync(fd));
  CHECK("fd_datasync", __wasi_fd_datasync(fd));
  CHECK("fd_advise", __wasi_fd_advise(fd, 0, 12, __WASI_ADVICE_SEQUENTIAL));
  e = __wasi_fd_allocate(fd, 0, 100);
  printf("fd_allocate: %s\n", e == 0 || e == __WASI_ERRNO_NOTSUP ? "answered" : errname(e));
  CHECK("fd_filestat_set_size", __wasi_fd_filestat_set_size(fd, 5));
  __wasi_filestat_t st;
  CHECK("fd_filestat_get", __wasi_fd_filestat_get(fd, &st));
  printf("size: %llu, filetype: %u, nlink: %llu\n", (unsigned long long)st.size, (unsigned)st.filetype,
         (unsigned long long)st.nlink);
  CHECK("fd_filestat_set_times",
        __wasi_fd_filestat_set_times(fd, 1600000000ull * 1000000000ull, 1700000000ull * 1000000000ull,
                                     __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
  __wasi_fd_filestat_get(fd, &st);
  printf("atim: %llu s, mtim: %llu s\n", (unsigned long long)(st.atim / 1000000000ull),
         (unsigned long long)(st.mtim / 1000000000ull));
  __wasi_fdstat_t fs;
  CHECK("fd_fdstat_get", __wasi_fd_fdstat_get(fd, &fs));
  printf("fdstat filetype: %u, flags: %u\n", (unsigned)fs.fs_filetype, (unsigned)fs.fs_flags);
  CHECK("fd_fdstat_set_flags append", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND));
  __wasi_fd_fdstat_get(fd, &fs);
  printf("append: %s\n", fs.fs_flags & __WASI_FDFLAGS_APPEND ? "yes" : "no");
  __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos);
  write_str(fd, "!");
  __wasi_fd_filestat_get(fd, &st);
  printf("size after append: %llu\n", (unsigned long long)st.size);
  CHECK("fd_fdstat_set_rights", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK, 0));
  __wasi_fd_fdstat_get(fd, &fs);
  printf("write right kept: %s\n", fs.fs_rights_base & __WASI_RIGHTS_FD_WRITE ? "yes" : "no");
  CHECK("fd_close", __wasi_fd_close(fd));
  CHECK("fd_close again", __wasi_fd_close(fd));

  CHECK("path_filestat_get", __wasi_path_filestat_get(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "sub/a.txt", &st));
  printf("size: %llu\n", (unsigned long long)st.size);
  CHECK("path_filestat_set_times",
        __wasi_path_filestat_set_times(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "sub/a.txt", 0, 0,
                                       __WASI_FSTFLAGS_ATIM_NOW | __WASI_FSTFLAGS_MTIM_NOW));
  __wasi_path_filestat_get(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "sub/a.txt", &st);
  printf("mtim is now: %s\n", st.mtim > 1700000001ull * 1000000000ull ? "yes" : "no");
  CHECK("path_link", __wasi_path_link(dir, 0, "sub/a.txt", dir, "sub/b.txt"));
  __wasi_path_filestat_get(dir, 0, "sub/b.txt", &st);
  printf("nlink: %llu\n", (unsigned long long)st.nlink);
  CHECK("path_symlink", __wasi_path_symlink("a.txt", dir, "sub/c.txt"));
  memset(buf, 0, sizeof buf);
  CHECK("path_readlink", __wasi_path_readlink(dir, "sub/c.txt", (uint8_t *)buf, sizeof buf, &n));
  printf("link: %.*s\n", (int)n, buf);
  __wasi_path_filestat_get(dir, 0, "sub/c.txt", &st);
  printf("symlink filetype: %u\n", (unsigned)st.filetype);
  __wasi_path_filestat_get(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "sub/c.txt", &st);
  printf("followed filetype: %u, size: %llu\n", (unsigned)st.filetype, (unsigned long long)st.size);
  CHECK("path_rename", __wasi_path_rename(dir, "sub/b.txt", dir, "sub/d.txt"));
  CHECK("path_filestat_get renamed away", __wasi_path_filestat_get(dir, 0, "sub/b.txt", &st));

  // A directory opens with directory rights only (rights to write would ask for a writable file: EISDIR).
  __wasi_fd_t sub = -1;
  e = __wasi_path_open(dir, 0, "sub", __WASI_OFLAGS_DIRECTORY,
                       __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_PATH_OPEN, ALL_RIGHTS, 0,
                       &sub);
  CHECK("path_open directory", e);
  __wasi_fdstat_t dfs;
  __wasi_fd_fdstat_get(sub, &dfs);
  printf("directory filetype: %u\n", (unsigned)dfs.fs_filetype);
  uint8_t dbuf[1024];
  CHECK("fd_readdir", __wasi_fd_readdir(sub, dbuf, sizeof dbuf, __WASI_DIRCOOKIE_START, &n));
  // Entries in any order: collect names other than . and .., then print them sorted.
  char names[8][32];
  int count = 0;
  for (size_t off = 0; off + sizeof(__wasi_dirent_t) <= n;) {
    __wasi_dirent_t d;
    memcpy(&d, dbuf + off, sizeof d);
    off += sizeof d;
    if (off + d.d_namlen > n) break;
    char name[32] = {0};
    memcpy(name, dbuf + off, d.d_namlen < 31 ? d.d_namlen : 31);
    off += d.d_namlen;
    if (strcmp(name, ".") && strcmp(name, "..") && count < 8) strcpy(names[count++], name);
  }
  for (int i = 0; i < count; i++)
    for (int j = i + 1; j < count; j++)
      if (strcmp(names[j], names[i]) < 0) {
        char t[32];
        strcpy(t, names[i]);
        strcpy(names[i], names[j]);
        strcpy(names[j], t);
      }
  for (int i = 0; i < count; i++) printf("entry: %s\n", names[i]);
  __wasi_fd_close(sub);

  __wasi_fd_t x = open_at(dir, "sub/a.txt", 0, &e);
  __wasi_fd_t y = open_at(dir, "input.txt", 0, &e);
  CHECK("fd_renumber", __wasi_fd_renumber(x, y));
  memset(buf, 0, sizeof buf);
  __wasi_iovec_t riov = {(uint8_t *)buf, 63};
  __wasi_fd_read(y, &riov, 1, &n);
  printf("renumbered reads: %s\n", buf);
  CHECK("fd_close renumbered-away", __wasi_fd_close(x));
  __wasi_fd_close(y);

  CHECK("path_remove_directory not empty", __wasi_path_remove_directory(dir, "sub"));
  CHECK("path_unlink_file", __wasi_path_unlink_file(dir, "sub/a.txt"));
  __wasi_path_unlink_file(dir, "sub/c.txt");
  __wasi_path_unlink_file(dir, "sub/d.txt");
  CHECK("path_unlink_file missing", __wasi_path_unlink_file(dir, "sub/a.txt"));
  CHECK("path_remove_directory", __wasi_path_remove_directory(dir, "sub"));
  open_at(dir, "nope.txt", 0, &e);
  CHECK("path_open missing", e);
  open_at(dir, "input.txt", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, &e);
  CHECK("path_open exclusive", e);
  open_at(dir, "input.txt", __WASI_OFLAGS_DIRECTORY, &e);
  CHECK("path_open file as directory", e);
  open_at(dir, "../outside.txt", __WASI_OFLAGS_CREAT, &e);
  printf("escape with ..: %s\n", e != 0 ? "denied" : "ALLOWED");
  open_at(dir, "/etc/passwd", 0, &e);
  printf("escape with an absolute path: %s\n", e != 0 ? "denied" : "ALLOWED");

  FILE *out = fopen("/sandbox/out.txt", "w");
  fputs("written by fs.c\n", out);
  fclose(out);
  return 0;
}
