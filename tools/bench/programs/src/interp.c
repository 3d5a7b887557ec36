// A small interpreter: a stack-machine bytecode VM with a switch dispatch (a br_table per instruction), locals,
// jumps, calls and returns, running a program assembled at start-up: for i in 1..n, the Collatz step count of i
// (summed) and whether i is prime by trial division (a called function; primes counted). Returns
// total_steps * 31 + primes (mod 2^32). wasm32-wasi reactor.
#include "common.h"

enum { HALT, PUSH, LOAD, STORE, INC, ADD, MUL, DIV, REM, LT, LE, NE, JMP, JZ, CALL, RET };

#define CODE_MAX 256
#define STACK_MAX 256
#define FRAMES_MAX 64
#define LOCALS 8

static int32_t code[CODE_MAX];
static int32_t ncode;
static int32_t labels[16];
static int32_t fixups[32][2]; // [code index, label]
static int32_t nfixups;
static int32_t last_locals[LOCALS];

static void emit(int32_t op) { code[ncode++] = op; }
static void emit1(int32_t op, int32_t arg) {
  code[ncode++] = op;
  code[ncode++] = arg;
}
static void emit_jump(int32_t op, int32_t label) {
  code[ncode++] = op;
  fixups[nfixups][0] = ncode;
  fixups[nfixups++][1] = label;
  code[ncode++] = 0;
}
static void label(int32_t l) { labels[l] = ncode; }

enum { L_LOOP_I, L_END, L_LOOP_X, L_DONE_X, L_EVEN, L_NEXT, L_IS_PRIME, L_CHECK, L_PLOOP, L_YES, L_NO };

static void assemble(void) {
  ncode = nfixups = 0;
  // main: local 0 = i, 1 = n, 2 = total steps, 3 = x, 4 = steps, 5 = primes
  emit1(PUSH, 1), emit1(STORE, 0);
  label(L_LOOP_I);
  emit1(LOAD, 0), emit1(LOAD, 1), emit(LE), emit_jump(JZ, L_END);
  emit1(LOAD, 0), emit1(STORE, 3), emit1(PUSH, 0), emit1(STORE, 4);
  label(L_LOOP_X);
  emit1(LOAD, 3), emit1(PUSH, 1), emit(NE), emit_jump(JZ, L_DONE_X);
  emit1(LOAD, 3), emit1(PUSH, 2), emit(REM), emit_jump(JZ, L_EVEN);
  emit1(LOAD, 3), emit1(PUSH, 3), emit(MUL), emit1(PUSH, 1), emit(ADD), emit1(STORE, 3), emit_jump(JMP, L_NEXT);
  label(L_EVEN);
  emit1(LOAD, 3), emit1(PUSH, 2), emit(DIV), emit1(STORE, 3);
  label(L_NEXT);
  emit1(INC, 4), emit_jump(JMP, L_LOOP_X);
  label(L_DONE_X);
  emit1(LOAD, 2), emit1(LOAD, 4), emit(ADD), emit1(STORE, 2);
  emit1(LOAD, 0), emit_jump(CALL, L_IS_PRIME), emit1(LOAD, 5), emit(ADD), emit1(STORE, 5);
  emit1(INC, 0), emit_jump(JMP, L_LOOP_I);
  label(L_END);
  emit1(LOAD, 2), emit1(PUSH, 31), emit(MUL), emit1(LOAD, 5), emit(ADD), emit(HALT);
  // is_prime(k): local 0 = k, 1 = d
  label(L_IS_PRIME);
  emit1(LOAD, 0), emit1(PUSH, 2), emit(LT), emit_jump(JZ, L_CHECK), emit1(PUSH, 0), emit(RET);
  label(L_CHECK);
  emit1(PUSH, 2), emit1(STORE, 1);
  label(L_PLOOP);
  emit1(LOAD, 1), emit1(LOAD, 1), emit(MUL), emit1(LOAD, 0), emit(LE), emit_jump(JZ, L_YES);
  emit1(LOAD, 0), emit1(LOAD, 1), emit(REM), emit_jump(JZ, L_NO);
  emit1(INC, 1), emit_jump(JMP, L_PLOOP);
  label(L_YES);
  emit1(PUSH, 1), emit(RET);
  label(L_NO);
  emit1(PUSH, 0), emit(RET);
  for (int32_t k = 0; k < nfixups; k++) code[fixups[k][0]] = labels[fixups[k][1]];
}

typedef struct {
  int32_t ret_pc;
  int32_t locals[LOCALS];
} Frame;

// Runs the program with local 1 = n; returns the value on top of the stack at HALT (0 on a VM error).
__attribute__((noinline)) static uint32_t execute(int32_t n) {
  static uint32_t stack[STACK_MAX];
  static Frame frames[FRAMES_MAX];
  int32_t sp = 0, fp = 0, pc = 0;
  Frame *f = &frames[0];
  for (int k = 0; k < LOCALS; k++) f->locals[k] = 0;
  f->locals[1] = n;
  for (;;) {
    if (sp < 0 || sp > STACK_MAX - 2) return 0;
    int32_t op = code[pc++];
    switch (op) {
    case HALT:
      for (int k = 0; k < LOCALS; k++) last_locals[k] = frames[0].locals[k];
      return stack[sp - 1];
    case PUSH: stack[sp++] = (uint32_t)code[pc++]; break;
    case LOAD: stack[sp++] = (uint32_t)f->locals[code[pc++] & (LOCALS - 1)]; break;
    case STORE: f->locals[code[pc++] & (LOCALS - 1)] = (int32_t)stack[--sp]; break;
    case INC: f->locals[code[pc++] & (LOCALS - 1)]++; break;
    case ADD: sp--, stack[sp - 1] += stack[sp]; break;
    case MUL: sp--, stack[sp - 1] *= stack[sp]; break;
    case DIV: sp--, stack[sp - 1] = stack[sp] ? stack[sp - 1] / stack[sp] : 0; break;
    case REM: sp--, stack[sp - 1] = stack[sp] ? stack[sp - 1] % stack[sp] : 0; break;
    case LT: sp--, stack[sp - 1] = (int32_t)stack[sp - 1] < (int32_t)stack[sp]; break;
    case LE: sp--, stack[sp - 1] = (int32_t)stack[sp - 1] <= (int32_t)stack[sp]; break;
    case NE: sp--, stack[sp - 1] = stack[sp - 1] != stack[sp]; break;
    case JMP: pc = code[pc]; break;
    case JZ: pc = stack[--sp] == 0 ? code[pc] : pc + 1; break;
    case CALL:
      if (fp + 1 >= FRAMES_MAX) return 0;
      f = &frames[++fp];
      f->ret_pc = pc + 1;
      for (int k = 1; k < LOCALS; k++) f->locals[k] = 0;
      f->locals[0] = (int32_t)stack[--sp];
      pc = code[pc];
      break;
    case RET:
      if (fp == 0) return 0;
      pc = f->ret_pc;
      f = &frames[--fp];
      break;
    default: return 0;
    }
  }
}

EXPORT("run") uint32_t run(int32_t n) {
  if (ncode == 0) assemble();
  return execute(n);
}

// For the known-answer test: main's locals at HALT (2: total Collatz steps, 5: primes).
EXPORT("local") uint32_t local(int32_t k) { return k >= 0 && k < LOCALS ? (uint32_t)last_locals[k] : 0; }
