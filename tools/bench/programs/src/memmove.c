// Memory-bound: block moves (memcpy / memmove / memset, lowered to bulk-memory instructions) over a 4 MiB buffer.
#include "common.h"

#define SIZE (4 << 20)
static uint8_t buf[SIZE];

EXPORT("run") uint32_t run(int32_t n) {
  uint32_t s = 1;
  for (int i = 0; i < SIZE; i += 4) {
    uint32_t v = xorshift32(&s);
    __builtin_memcpy(buf + i, &v, 4);
  }
  uint32_t h = 2166136261u;
  for (int32_t rep = 0; rep < n; rep++) {
    uint32_t len = 1024 + (xorshift32(&s) & 0xffff);
    uint32_t src = xorshift32(&s) % (SIZE - len), dst = xorshift32(&s) % (SIZE - len);
    switch (rep & 3) {
    case 0: __builtin_memmove(buf + dst, buf + src, len); break;
    case 1: __builtin_memmove(buf + src + 1, buf + src, len - 1); break; // overlapping, forward
    case 2: __builtin_memmove(buf + src, buf + src + 3, len - 3); break; // overlapping, backward
    default: __builtin_memset(buf + dst, (int)(rep & 0xff), len >> 4); break;
    }
    h = mix32(h, buf[(dst + len / 2) % SIZE]);
  }
  for (int i = 0; i < SIZE; i += 4096) h = mix32(h, buf[i]);
  return h;
}
