// Call-heavy C++: expression trees of polymorphic nodes (virtual eval, virtual simplify, virtual size; each a
// call_indirect through a vtable), built at random, evaluated for many variable values, simplified into new trees
// and deleted (operator new/delete over wasi-libc's malloc). C++ without its library: -fno-exceptions -fno-rtti.
#include <stdint.h>
#include <stdlib.h>

#define EXPORT(name) __attribute__((export_name(name)))
void *operator new(size_t n) { return malloc(n); }
void operator delete(void *p) noexcept { free(p); }
void operator delete(void *p, size_t) noexcept { free(p); }
extern "C" void __cxa_pure_virtual() { abort(); }

static uint32_t rng = 53;
static uint32_t next() {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}

struct Num;
struct Expr {
  virtual ~Expr() {}
  virtual int32_t eval(const int32_t *vars) const = 0;
  virtual Expr *simplify() const = 0;
  virtual uint32_t size() const = 0;
  virtual const Num *asNum() const { return nullptr; }
};
struct Num : Expr {
  int32_t v;
  explicit Num(int32_t v) : v(v) {}
  int32_t eval(const int32_t *) const override { return v; }
  Expr *simplify() const override { return new Num(v); }
  uint32_t size() const override { return 1; }
  const Num *asNum() const override { return this; }
};
struct Var : Expr {
  int index;
  explicit Var(int i) : index(i) {}
  int32_t eval(const int32_t *vars) const override { return vars[index]; }
  Expr *simplify() const override { return new Var(index); }
  uint32_t size() const override { return 1; }
};
struct Unary : Expr {
  Expr *a;
  explicit Unary(Expr *a) : a(a) {}
  ~Unary() override { delete a; }
  uint32_t size() const override { return 1 + a->size(); }
};
struct Neg : Unary {
  using Unary::Unary;
  int32_t eval(const int32_t *vars) const override { return (int32_t)(0u - (uint32_t)a->eval(vars)); }
  Expr *simplify() const override;
};
struct Binary : Expr {
  Expr *a, *b;
  Binary(Expr *a, Expr *b) : a(a), b(b) {}
  ~Binary() override {
    delete a;
    delete b;
  }
  uint32_t size() const override { return 1 + a->size() + b->size(); }
  virtual int32_t apply(int32_t x, int32_t y) const = 0;
  virtual Binary *make(Expr *x, Expr *y) const = 0;
  int32_t eval(const int32_t *vars) const override { return apply(a->eval(vars), b->eval(vars)); }
  Expr *simplify() const override {
    Expr *x = a->simplify(), *y = b->simplify();
    // constant folding: both sides constant
    const Num *cx = x->asNum(), *cy = y->asNum();
    if (cx && cy) {
      int32_t v = apply(cx->v, cy->v);
      delete x;
      delete y;
      return new Num(v);
    }
    return make(x, y);
  }
};
struct Add : Binary {
  using Binary::Binary;
  int32_t apply(int32_t x, int32_t y) const override { return (int32_t)((uint32_t)x + (uint32_t)y); }
  Binary *make(Expr *x, Expr *y) const override { return new Add(x, y); }
};
struct Sub : Binary {
  using Binary::Binary;
  int32_t apply(int32_t x, int32_t y) const override { return (int32_t)((uint32_t)x - (uint32_t)y); }
  Binary *make(Expr *x, Expr *y) const override { return new Sub(x, y); }
};
struct Mul : Binary {
  using Binary::Binary;
  int32_t apply(int32_t x, int32_t y) const override { return (int32_t)((uint32_t)x * (uint32_t)y); }
  Binary *make(Expr *x, Expr *y) const override { return new Mul(x, y); }
};
struct Max : Binary {
  using Binary::Binary;
  int32_t apply(int32_t x, int32_t y) const override { return x > y ? x : y; }
  Binary *make(Expr *x, Expr *y) const override { return new Max(x, y); }
};
struct Xor : Binary {
  using Binary::Binary;
  int32_t apply(int32_t x, int32_t y) const override { return x ^ y; }
  Binary *make(Expr *x, Expr *y) const override { return new Xor(x, y); }
};

Expr *Neg::simplify() const {
  Expr *x = a->simplify();
  if (const Num *c = x->asNum()) {
    int32_t v = (int32_t)(0u - (uint32_t)c->v);
    delete x;
    return new Num(v);
  }
  return new Neg(x);
}

static Expr *build(int depth) {
  uint32_t r = next();
  if (depth == 0 || r % 8 == 0) return r & 0x100 ? static_cast<Expr *>(new Var((int)(r >> 9) % 4)) : new Num((int32_t)(r >> 12) % 100);
  Expr *x = build(depth - 1);
  switch (r % 7) {
    case 0: return new Neg(x);
    case 1: return new Add(x, build(depth - 1));
    case 2: return new Sub(x, build(depth - 1));
    case 3: return new Mul(x, build(depth - 1));
    case 4: return new Max(x, build(depth - 1));
    default: return new Xor(x, build(depth - 1));
  }
}

extern "C" EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t h = 2166136261u;
  rng = 53;
  for (uint32_t t = 0; t < n; t++) {
    Expr *e = build(12);
    Expr *s = e->simplify();
    h = (h ^ e->size()) * 16777619u;
    h = (h ^ s->size()) * 16777619u;
    int32_t vars[4];
    for (int k = 0; k < 200; k++) {
      for (int i = 0; i < 4; i++) vars[i] = (int32_t)(next() % 1000) - 500;
      int32_t x = e->eval(vars), y = s->eval(vars);
      h = (h ^ (uint32_t)x) * 16777619u;
      if (x != y) h = ~h; // simplification must not change the value
    }
    delete e;
    delete s;
  }
  return h;
}
