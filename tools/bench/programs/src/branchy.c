// Branchy: a hand-written tokenizer (a state machine over characters, maximal munch) for a small C-like
// language, run over 256 KiB of generated source whose token kinds are random, so that branches are hard to
// predict. wasm32-wasi reactor (wasi-libc's malloc).
//
// Tokens: identifiers [A-Za-z_][A-Za-z0-9_]* (keywords among them), integers [0-9]+, floats [0-9]+.[0-9]+,
// strings "..." with backslash escapes, comments # to end of line, two-character operators
// (== != <= >= && || ->) and one-character operators; blanks (space, tab, CR, LF) separate tokens.
#include <stdlib.h>
#include "common.h"

#define LEN (256 << 10)
enum { IDENT, KEYWORD, INT, FLOAT, STRING, COMMENT, OP, OP2, KINDS };

static char *text;
static uint32_t text_len;
static uint32_t counts[KINDS];

static const char *const keywords[] = {"if", "else", "while", "for", "return", "fn", "let", "true", "false", "null"};
static const char ops[] = "-+*/%<>=!&|(){}[];,.^~";
static const char *const ops2[] = {"==", "!=", "<=", ">=", "&&", "||", "->"};
static const char ident_start[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
static const char ident_rest[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";

static uint32_t rng;
static uint32_t pick(uint32_t n) { return xorshift32(&rng) % n; }
static void put(uint32_t *at, char c) {
  if (*at < LEN) text[(*at)++] = c;
}
static void puts_(uint32_t *at, const char *s) {
  while (*s) put(at, *s++);
}

// Random tokens with random blanks (sometimes none, so neighbours may merge: both tokenizers munch alike).
static void generate(void) {
  text = malloc(LEN);
  rng = 12345;
  uint32_t at = 0;
  while (at < LEN - 80) {
    switch (pick(10)) {
    case 0: case 1: case 2: {
      uint32_t len = 1 + pick(12);
      put(&at, ident_start[pick(sizeof ident_start - 1)]);
      for (uint32_t i = 1; i < len; i++) put(&at, ident_rest[pick(sizeof ident_rest - 1)]);
      break;
    }
    case 3: puts_(&at, keywords[pick(10)]); break;
    case 4: {
      uint32_t len = 1 + pick(9);
      for (uint32_t i = 0; i < len; i++) put(&at, (char)('0' + pick(10)));
      if (pick(3) == 0) {
        put(&at, '.');
        for (uint32_t i = 0, m = 1 + pick(5); i < m; i++) put(&at, (char)('0' + pick(10)));
      }
      break;
    }
    case 5: {
      put(&at, '"');
      for (uint32_t i = 0, len = pick(24); i < len; i++) {
        uint32_t c = 32 + pick(95);
        if (c == '"' || c == '\\' || pick(8) == 0) {
          put(&at, '\\');
          put(&at, (char)(c == '"' || c == '\\' ? c : "ntr0\\\""[pick(6)]));
        } else {
          put(&at, (char)c);
        }
      }
      put(&at, '"');
      break;
    }
    case 6:
      if (pick(4) == 0) {
        put(&at, '#');
        for (uint32_t i = 0, len = pick(40); i < len; i++) put(&at, (char)(32 + pick(95)));
        put(&at, '\n');
        break;
      }
      puts_(&at, ops2[pick(7)]);
      break;
    default: put(&at, ops[pick(sizeof ops - 1)]); break;
    }
    switch (pick(4)) {
    case 0: break;
    case 1: put(&at, ' '); break;
    case 2: put(&at, "  \t\n\r"[pick(5)]); break;
    default: put(&at, ' '); put(&at, pick(2) ? '\n' : ' '); break;
    }
  }
  text_len = at;
}

static int is_alpha(uint8_t c) { return (c | 32) - 'a' < 26u || c == '_'; }
static int is_digit(uint8_t c) { return c - '0' < 10u; }

static int is_keyword(const char *s, uint32_t len) {
  switch (len) {
  case 2: return (s[0] == 'i' && s[1] == 'f') || (s[0] == 'f' && s[1] == 'n');
  case 3: return (s[0] == 'f' && s[1] == 'o' && s[2] == 'r') || (s[0] == 'l' && s[1] == 'e' && s[2] == 't');
  case 4:
    if (s[0] == 'e') return s[1] == 'l' && s[2] == 's' && s[3] == 'e';
    if (s[0] == 't') return s[1] == 'r' && s[2] == 'u' && s[3] == 'e';
    if (s[0] == 'n') return s[1] == 'u' && s[2] == 'l' && s[3] == 'l';
    return 0;
  case 5:
    if (s[0] == 'w') return s[1] == 'h' && s[2] == 'i' && s[3] == 'l' && s[4] == 'e';
    if (s[0] == 'f') return s[1] == 'a' && s[2] == 'l' && s[3] == 's' && s[4] == 'e';
    return 0;
  case 6: return s[0] == 'r' && s[1] == 'e' && s[2] == 't' && s[3] == 'u' && s[4] == 'r' && s[5] == 'n';
  default: return 0;
  }
}

static int is_op(uint8_t c) {
  switch (c) {
  case '-': case '+': case '*': case '/': case '%': case '<': case '>': case '=': case '!': case '&':
  case '|': case '(': case ')': case '{': case '}': case '[': case ']': case ';': case ',': case '.':
  case '^': case '~':
    return 1;
  default: return 0;
  }
}

static int is_op2(uint8_t a, uint8_t b) {
  switch (a) {
  case '=': case '!': case '<': case '>': return b == '=';
  case '&': return b == '&';
  case '|': return b == '|';
  case '-': return b == '>';
  default: return 0;
  }
}

enum { S_START, S_IDENT, S_INT, S_FLOAT, S_STRING, S_ESCAPE, S_COMMENT };

// One pass: counts tokens by kind, returns a hash of (kind, length) of every token; -1 on a bad character.
static uint32_t tokenize(const uint8_t *s, uint32_t len) {
  for (int k = 0; k < KINDS; k++) counts[k] = 0;
  uint32_t h = 2166136261u, start = 0, state = S_START;
#define EMIT(kind, end)                                       \
  do {                                                        \
    counts[kind]++;                                           \
    h = mix32(h, (uint32_t)(kind) * 131u + ((end) - start)); \
  } while (0)
  for (uint32_t i = 0; i <= len; i++) {
    uint8_t c = i < len ? s[i] : 0;
    switch (state) {
    case S_IDENT:
      if (is_alpha(c) || is_digit(c)) continue;
      EMIT(is_keyword((const char *)s + start, i - start) ? KEYWORD : IDENT, i);
      break;
    case S_INT:
      if (is_digit(c)) continue;
      if (c == '.' && i + 1 < len && is_digit(s[i + 1])) {
        state = S_FLOAT;
        i++;
        continue;
      }
      EMIT(INT, i);
      break;
    case S_FLOAT:
      if (is_digit(c)) continue;
      EMIT(FLOAT, i);
      break;
    case S_STRING:
      if (c == '\\') state = S_ESCAPE;
      else if (c == '"') {
        EMIT(STRING, i + 1);
        state = S_START;
      } else if (c == 0) return (uint32_t)-1;
      continue;
    case S_ESCAPE:
      if (c == 0) return (uint32_t)-1;
      state = S_STRING;
      continue;
    case S_COMMENT:
      if (c != '\n' && c != 0) continue;
      EMIT(COMMENT, i);
      break;
    }
    // S_START, or the character after a token that just ended
    state = S_START;
    start = i;
    if (c == 0) break;
    if (is_alpha(c)) state = S_IDENT;
    else if (is_digit(c)) state = S_INT;
    else if (c == '"') state = S_STRING;
    else if (c == '#') state = S_COMMENT;
    else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    else if (i + 1 < len && is_op2(c, s[i + 1])) {
      i++;
      EMIT(OP2, i + 1);
    } else if (is_op(c)) EMIT(OP, i + 1);
    else return (uint32_t)-1;
  }
  return h;
}

EXPORT("run") uint32_t run(int32_t n) {
  if (!text) generate();
  uint32_t h = 0;
  for (int32_t rep = 0; rep < n; rep++) h = mix32(h, tokenize((const uint8_t *)text, text_len));
  for (int k = 0; k < KINDS; k++) h = mix32(h, counts[k]);
  return h;
}

// For the known-answer test: the generated source and the token counts of the last pass.
EXPORT("text_ptr") uint32_t text_ptr(void) { return (uint32_t)(uintptr_t)text; }
EXPORT("text_len") uint32_t text_length(void) { return text_len; }
EXPORT("token_count") uint32_t token_count(int32_t kind) { return kind >= 0 && kind < KINDS ? counts[kind] : 0; }
