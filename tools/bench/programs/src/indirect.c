// Call-heavy: a bytecode interpreter that dispatches every instruction through a table of function pointers
// (call_indirect), running a small program that loops n times.
#include "common.h"

typedef struct VM VM;
typedef void (*Op)(VM *vm, int32_t arg);
struct VM {
  int32_t acc, x, y, pc;
  uint32_t h;
};

__attribute__((noinline)) static void op_add(VM *vm, int32_t arg) { vm->acc += arg; }
__attribute__((noinline)) static void op_mul(VM *vm, int32_t arg) { vm->acc = vm->acc * arg + 1; }
__attribute__((noinline)) static void op_xor(VM *vm, int32_t arg) { vm->acc ^= vm->x + arg; }
__attribute__((noinline)) static void op_shr(VM *vm, int32_t arg) { vm->acc = (int32_t)((uint32_t)vm->acc >> (arg & 31)); }
__attribute__((noinline)) static void op_swap(VM *vm, int32_t arg) { int32_t t = vm->x; vm->x = vm->acc; vm->acc = t + arg; }
__attribute__((noinline)) static void op_mix(VM *vm, int32_t arg) { vm->h = mix32(vm->h, (uint32_t)(vm->acc + arg)); }
__attribute__((noinline)) static void op_incy(VM *vm, int32_t arg) { vm->y += arg; }
__attribute__((noinline)) static void op_jnz(VM *vm, int32_t arg) { if (vm->y != 0) vm->pc = arg - 1; }

static Op ops[] = {op_add, op_mul, op_xor, op_shr, op_swap, op_mix, op_incy, op_jnz};

typedef struct { uint8_t op; int32_t arg; } Insn;
static const Insn program[] = {
    {0, 7}, {1, 31}, {2, 0x1234}, {4, 3}, {3, 5}, {1, 17}, {5, 0}, {2, -99}, {0, 1}, {4, 0}, {3, 11}, {5, 42}, {6, -1}, {7, 0},
};
#define LEN ((int32_t)(sizeof program / sizeof program[0]))

// Read through a volatile so that clang cannot resolve the table at compile time.
static Op *volatile table = ops;

EXPORT("run") uint32_t run(int32_t n) {
  VM vm = {1, 2, n, 0, 2166136261u};
  Op *t = table;
  while (vm.pc < LEN) {
    const Insn *in = &program[vm.pc];
    t[in->op](&vm, in->arg);
    vm.pc++;
  }
  return vm.h ^ (uint32_t)vm.acc;
}
