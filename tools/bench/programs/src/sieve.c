// Integer: sieve of Eratosthenes over a byte array, repeated; checksum = prime count and sum of primes.
#include "common.h"

#define LIMIT 2000000
static uint8_t composite[LIMIT + 1];

EXPORT("run") uint32_t run(int32_t n) {
  uint32_t h = 2166136261u;
  for (int32_t rep = 0; rep < n; rep++) {
    for (uint32_t i = 0; i <= LIMIT; i++) composite[i] = 0;
    for (uint32_t i = 2; i * i <= LIMIT; i++)
      if (!composite[i])
        for (uint32_t j = i * i; j <= LIMIT; j += i) composite[j] = 1;
    uint32_t count = 0, sum = 0;
    for (uint32_t i = 2; i <= LIMIT; i++)
      if (!composite[i]) {
        count++;
        sum += i;
      }
    h = mix32(mix32(h, count), sum);
  }
  return h;
}
